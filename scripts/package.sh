#!/usr/bin/env bash
# Build the Linux installers: a .deb (Debian, Ubuntu) and an .rpm (Fedora,
# openSUSE), with the Tauri CLI from the UI's npm packages
# (@tauri-apps/cli, a devDependency of ui/). Run from anywhere; it works from
# the repo root, where the CLI finds tauri.conf.json and Cargo.toml (the app
# crate's sources are in src-tauri/, which the CLI does not need to know).
# The CLI runs the release build (`cargo build --release` with the embedded
# UI, after `npm --prefix ui run build`) and the bundlers; it honours
# CARGO_TARGET_DIR. Prints the path of each installer.
# Usage: scripts/package.sh [extra `tauri build` arguments, e.g. --verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ ! -x ui/node_modules/.bin/tauri ]; then
  echo "==> installing the UI's npm packages (they include the Tauri CLI)"
  npm --prefix ui ci --no-fund --no-audit --loglevel=error
fi

# The CLI rewrites Cargo.toml's tauri-build line (adds `features = []`) to
# match the config; put the file back as it was so the build leaves no change.
cargo_toml="$(mktemp)"
cp Cargo.toml "$cargo_toml"
trap 'cp "$cargo_toml" Cargo.toml; rm -f "$cargo_toml"' EXIT

echo "==> tauri build (release build and the .deb and .rpm bundlers)"
# The CLI runs beforeBuildCommand in the UI's folder (ui/, where it finds
# package.json), so the command must be `npm run build` there; tauri.conf.json's
# `npm --prefix ui run build` would look for ui/ui. Overridden here until the
# config says so (a JSON merge patch; it changes nothing else).
ui/node_modules/.bin/tauri build --bundles deb,rpm \
  --config '{"build": {"beforeBuildCommand": "npm run build"}}' "$@"

bundle_dir="$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/release/bundle"
version="$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')"
for installer in "$bundle_dir"/deb/*_"$version"_*.deb "$bundle_dir"/rpm/*-"$version"-*.rpm; do
  [ -f "$installer" ] || { echo "package: no installer matching $installer" >&2; exit 1; }
  echo "package: $installer ($(du -h "$installer" | cut -f1))"
done
