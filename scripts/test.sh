#!/usr/bin/env bash
# Set everything up and run every check and test: formatting, lints, the UI's
# type check, the core/CLI/integration/crash tests, and a start of the real
# desktop app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo "==> UI type check"
npm --prefix ui run check --silent
echo "==> clippy (core and CLI, without Tauri)"
cargo clippy --no-default-features --all-targets --locked -- -D warnings
echo "==> clippy (desktop app)"
cargo clippy --all-targets --locked -- -D warnings
echo "==> tests: core, CLI, integration and crash (real SQLite files, real processes)"
log="$(mktemp)"
cargo test --no-default-features --locked 2>&1 | tee "$log"
echo "==> building the desktop app"
cargo build --locked
echo "==> smoke test: the desktop app starts under Xvfb on a fresh default library"
bash scripts/smoke.sh target/debug/postdesk | tee -a "$log"

# One closing line for the whole run.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
     /^smoke: [0-9]+ passed/ { p += $2; f += $4 }
     END { printf "all tests: %d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
