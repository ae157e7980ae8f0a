#!/usr/bin/env bash
# Build the Linux installers: a .deb (Debian, Ubuntu) and an .rpm (Fedora,
# openSUSE), with the Tauri CLI from the UI's npm packages
# (@tauri-apps/cli, a devDependency of ui/). Run from anywhere; it works from
# the repo root, where the CLI finds tauri.conf.json and Cargo.toml (the app
# crate's sources are in src-tauri/, which the CLI does not need to know).
# The CLI runs the release build (`cargo build --release` with the embedded
# UI, after `npm run build` in ui/) and the bundlers; it honours
# CARGO_TARGET_DIR (`cargo tauri build --bundles deb,rpm` does the same).
# Prints the path of each installer.
# Usage: scripts/package.sh [extra `tauri build` arguments, e.g. --verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ ! -x ui/node_modules/.bin/tauri ]; then
  echo "==> installing the UI's npm packages (they include the Tauri CLI)"
  npm --prefix ui ci --no-fund --no-audit --loglevel=error
fi

# POSTDESK_PACKAGE_REUSE_E2E_BUILD=1 (the installer test in scripts/test.sh):
# compile every dependency with the features the e2e build (`cargo test
# --release --features e2e`) compiled it with, so only this crate is rebuilt:
# the WebDriver client's feature (e2e-client, without the app's e2e test
# stand-ins) and one small bench target, which makes cargo resolve features
# with the dev-dependencies as `cargo test` does. The app's code is the same.
cargo_args=()
if [ "${POSTDESK_PACKAGE_REUSE_E2E_BUILD:-0}" = 1 ]; then
  cargo_args=(--features e2e-client -- --bin postdesk --bench render)
fi

echo "==> tauri build (release build and the .deb and .rpm bundlers)"
# The CLI runs tauri.conf.json's beforeBuildCommand (`npm run build`) in ui/,
# the folder holding the UI's package.json.
ui/node_modules/.bin/tauri build --bundles deb,rpm "$@" "${cargo_args[@]}"

bundle_dir="$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/release/bundle"
version="$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')"
for installer in "$bundle_dir"/deb/*_"$version"_*.deb "$bundle_dir"/rpm/*-"$version"-*.rpm; do
  [ -f "$installer" ] || { echo "package: no installer matching $installer" >&2; exit 1; }
  echo "package: $installer ($(du -h "$installer" | cut -f1))"
done
