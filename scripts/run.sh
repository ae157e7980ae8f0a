#!/usr/bin/env bash
# Set everything up and open Postdesk on the default library (created and
# seeded with sample posts in your data folder on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
echo "==> building and starting Postdesk"
exec cargo run --release --quiet -- "$@"
