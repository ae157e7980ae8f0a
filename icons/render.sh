#!/usr/bin/env bash
# Render the app icon from its SVG sources (icons/src/) into every file the
# Tauri bundler and the window use: PNGs by size (the .deb/.rpm install them
# into /usr/share/icons/hicolor), icon.png (512 px, the window icon; must be
# RGBA), icon.ico (Windows) and icon.icns (macOS). The 16 px sizes come from
# a drawing made on the 16 px grid, the rest from the 512 px drawing.
# Needs rsvg-convert (librsvg2-bin), ImageMagick and png2icns (icnsutils).
# Run it after editing an SVG and commit the results.
set -euo pipefail
cd "$(dirname "$0")"
big=src/postdesk.svg
small=src/postdesk-16.svg
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

render() { rsvg-convert --width "$2" --height "$2" "$1" --output "$3"; }

render "$small" 16 16x16.png
for size in 32 48 64 128; do render "$big" "$size" "${size}x${size}.png"; done
render "$big" 256 256x256.png
render "$big" 512 icon.png

# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
for size in 24 256; do render "$big" "$size" "$tmp/$size.png"; done
convert 16x16.png "$tmp/24.png" 32x32.png 48x48.png 64x64.png "$tmp/256.png" icon.ico

# macOS: the .icns sizes png2icns accepts.
render "$big" 1024 "$tmp/1024.png"
png2icns icon.icns 16x16.png 32x32.png 48x48.png 128x128.png 256x256.png icon.png "$tmp/1024.png" >/dev/null
