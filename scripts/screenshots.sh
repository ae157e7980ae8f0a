#!/usr/bin/env bash
# Regenerate README's screenshots (docs/screenshots/*.png) from the real app:
# the release build (UI embedded) under Xvfb on a sample library with its
# settings filled in, driven through WebDriver (tests/e2e/screenshots.rs, an
# ignored e2e test). English and French interface (the `ui.language` setting),
# light and dark (GTK's dark theme, which WebKitGTK passes to the page as
# prefers-color-scheme): the library with the editor and preview, the email
# tab, and Settings — 12 pictures of the whole 1280×800 screen.
# Needs what scripts/test.sh installs (run scripts/setup.sh first if not).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --quiet
command -v import >/dev/null || { echo "screenshots: ImageMagick's import is missing (bash scripts/setup.sh)" >&2; exit 1; }
[ -x ui/node_modules/.bin/vite ] || npm --prefix ui ci --no-fund --no-audit --loglevel=error

out="$PWD/docs/screenshots"
mkdir -p "$out"
echo "==> the UI (embedded in the app at compile time)"
npm --prefix ui run build --silent
echo "==> the release app under Xvfb, 4 runs (en/fr × light/dark), 3 pictures each"
POSTDESK_SCREENSHOT_DIR="$out" xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --release --locked --features e2e --test e2e -- \
  --ignored --exact screenshots::readme_screenshots --test-threads=1 --nocapture
ls -l "$out"/*.png
