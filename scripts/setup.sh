#!/usr/bin/env bash
# Install whatever is missing to build and run Postdesk on Debian/Ubuntu:
# system packages (apt), Rust (rustup) if absent, the UI's npm packages; then
# build the UI. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Build and runtime packages of a Tauri v2 app on Linux, plus what the tests use:
# Xvfb + xauth (a display for the window), webkit2gtk-driver (WebDriver),
# ImageMagick (screenshots), Node.js/npm (the UI's build), Hugo and Jekyll (the
# site export is built by the real tools), Chromium (email screenshots),
# WordPress + MariaDB + PHP (the publishing tests run a real site on 127.0.0.1),
# libdbus-1-dev (the keychain: the Secret Service over D-Bus).
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  xvfb xauth x11-utils xclip webkit2gtk-driver imagemagick
  hugo jekyll chromium
  wordpress wordpress-theme-twentytwentyone mariadb-server php-mysql php-cli
  libdbus-1-dev
  # spell checking in English and French (WebKitGTK → enchant → hunspell), and
  # xdotool: the menu bar's e2e test presses real X keys.
  hunspell-en-ca hunspell-en-us hunspell-fr xdotool
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing+=(nodejs npm); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "==> installing Rust (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

echo "==> installing the UI's npm packages"
if [ -f ui/package-lock.json ]; then
  npm --prefix ui ci --no-fund --no-audit --loglevel=error
else
  npm --prefix ui install --no-fund --no-audit --loglevel=error
fi
echo "==> building the UI"
npm --prefix ui run build --silent
