#!/usr/bin/env bash
# Set everything up and run every check and test: formatting, lints, the UI's
# type check, the core/CLI/integration/crash tests (real SQLite files, real
# hugo and jekyll, real feed and MIME parsers), the end-to-end tests of the
# real desktop app under Xvfb through WebDriver, and a start of the app on a
# fresh default library.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

if ! command -v tauri-driver >/dev/null; then
  echo "==> installing tauri-driver (the WebDriver bridge to WebKitWebDriver)"
  cargo install tauri-driver --locked --quiet
fi

echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo "==> UI type check"
npm --prefix ui run check --silent
echo "==> clippy (core and CLI, without Tauri)"
cargo clippy --no-default-features --all-targets --locked -- -D warnings
echo "==> clippy (desktop app and its end-to-end tests)"
cargo clippy --features e2e --all-targets --locked -- -D warnings

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "==> UI unit tests (the editing session: autosave, supersession, errors)"
npm --prefix ui test --silent -- --reporter=dot 2>&1 | tee -a "$log"
echo "==> tests: core, CLI, integration, exports and crash"
# The WordPress publishing tests must run here (a missing package fails them).
export POSTDESK_REQUIRE_WORDPRESS=1
cargo test --no-default-features --locked 2>&1 | tee -a "$log"

echo "==> end-to-end tests: the release app in a real WebKit window under Xvfb"
# Release, because the end-to-end run also measures typing latency.
xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --release --locked --features e2e --test e2e -- --test-threads=1 --nocapture 2>&1 | tee -a "$log"

echo "==> desktop shell unit tests (the live preview's quick path)"
cargo test --release --locked --features e2e --lib desktop:: 2>&1 | tee -a "$log"

echo "==> smoke test: the app starts on a fresh default library"
bash scripts/smoke.sh "${CARGO_TARGET_DIR:-target}/release/postdesk" 2>&1 | tee -a "$log"

# The installers: build the .deb and .rpm, install the .deb into a clean
# Debian root and start it there (tests/installer/). The package build reuses
# the e2e build's dependencies (same features), so only the app crate is
# rebuilt; Debian's packages are cached in ~/.cache/postdesk/installer-test.
# POSTDESK_SKIP_INSTALLER_TEST=1 skips it.
installer_ok=1
if [ "${POSTDESK_SKIP_INSTALLER_TEST:-0}" != 1 ]; then
  echo "==> installer test: build the .deb and .rpm, install the .deb into a clean Debian root, start it"
  if ! { POSTDESK_PACKAGE_REUSE_E2E_BUILD=1 bash scripts/package.sh &&
         bash tests/installer/install-deb.sh; } 2>&1 | tee -a "$log"; then
    echo "installer-test: 0 passed, 1 failed" | tee -a "$log"
    installer_ok=0
  fi
fi

# One closing line for the whole run.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
     /^smoke: [0-9]+ passed/ { p += $2; f += $4 }
     /^installer-test: [0-9]+ passed/ { p += $2; f += $4 }
     /^ *Tests +[0-9]+ (passed|failed)/ { for (i = 1; i <= NF; i++) { if ($(i) == "passed") p += $(i-1); if ($(i) == "failed") f += $(i-1) } }
     END { printf "all tests: %d passed, %d failed\n", p, f }' "$log"
[ "$installer_ok" = 1 ]
