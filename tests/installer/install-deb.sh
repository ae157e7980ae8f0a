#!/usr/bin/env bash
# Installer test: install the built .deb with `apt-get install
# --no-install-recommends ./Postdesk_*.deb` into a clean Debian bookworm root
# (mmdebstrap, from Debian's mirror: no container daemon needed), which proves
# the package's Depends alone make a working app; then, inside that root, start the installed app under Xvfb on a
# fresh default library and check it shows the sample posts (in-root.sh).
# Also checks the .rpm's metadata and payload with rpm (it is not installed:
# there is no Fedora root here).
#
# Needs root (or user namespaces, for mmdebstrap's unshare mode) and a Debian
# mirror (POSTDESK_DEBIAN_MIRROR, default deb.debian.org; http_proxy is
# honoured). Downloaded packages are kept in POSTDESK_INSTALLER_CACHE
# (default ~/.cache/postdesk/installer-test) so later runs download nothing.
# The root lives in a temporary folder mmdebstrap mounts, unmounts and deletes
# itself, also when a step fails.
#
# Usage: tests/installer/install-deb.sh [Postdesk_X_amd64.deb [Postdesk-X.x86_64.rpm]]
#        (default: the installers scripts/package.sh built for this version)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
started=$SECONDS

version="$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')"
bundle_dir="${CARGO_TARGET_DIR:-target}/release/bundle"
deb="${1:-$(ls "$bundle_dir"/deb/*_"$version"_*.deb 2>/dev/null | head -1)}"
rpm_file="${2:-$(ls "$bundle_dir"/rpm/*-"$version"-*.rpm 2>/dev/null | head -1)}"
[ -f "$deb" ] || { echo "installer-test: no .deb (run scripts/package.sh first)" >&2; exit 1; }
deb="$(realpath "$deb")"

missing=()
for tool in mmdebstrap:mmdebstrap rpm:rpm convert:imagemagick; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "==> the .rpm: metadata, dependencies and files"
if [ -f "$rpm_file" ]; then
  rpm -qip "$rpm_file" 2>/dev/null | grep -E '^(Name|Version|Release|Architecture|License|Summary|URL|Size) '
  rpm_requires="$(rpm -qpR "$rpm_file" 2>/dev/null)"
  rpm_files="$(rpm -qpl "$rpm_file" 2>/dev/null)"
  echo "requires: $(echo "$rpm_requires" | grep -v '^rpmlib' | tr '\n' ' ')"
  echo "recommends: $(rpm -qp --recommends "$rpm_file" 2>/dev/null | tr '\n' ' ')"
  echo "$rpm_files"
  for f in /usr/bin/postdesk /usr/share/applications/Postdesk.desktop \
           /usr/share/icons/hicolor/32x32/apps/postdesk.png /usr/share/icons/hicolor/128x128/apps/postdesk.png; do
    echo "$rpm_files" | grep -qx "$f" || { echo "installer-test: the .rpm lacks $f" >&2; exit 1; }
  done
  echo "$rpm_requires" | grep -q "libwebkit2gtk-4.1.so" || { echo "installer-test: the .rpm does not require WebKitGTK" >&2; exit 1; }
else
  echo "installer-test: no .rpm (run scripts/package.sh first)" >&2; exit 1
fi

echo "==> the .deb: control fields"
control="$(dpkg-deb --field "$deb")"
echo "$control"
for want in '^Depends:.*libwebkit2gtk-4.1-0' '^Recommends:.*hunspell-en-ca \| hunspell-en-us' '^Recommends:.*hunspell-fr' \
            '^Section: editors' '^Description: .+' '^ Postdesk is a desktop writing tool'; do
  echo "$control" | grep -Eq "$want" || { echo "installer-test: the .deb's control lacks $want" >&2; exit 1; }
done

cache="${POSTDESK_INSTALLER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/postdesk/installer-test}"
mkdir -p "$cache"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mirror="${POSTDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
debname="$(basename "$deb")"

echo "==> a clean Debian bookworm root: apt-get install ./$(basename "$deb"), then start it under Xvfb"
# Hooks run in order: restore the package cache, install the .deb (nothing but
# Debian's essential packages and apt are there before it), then the test's
# own tools (Xvfb, xauth, xwininfo, desktop-file-validate), run in-root.sh,
# take the screenshot out and save the package cache.
mmdebstrap --variant=apt --quiet \
  --skip=download/empty --skip=essential/unlink \
  --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
  --setup-hook="sync-in '$cache' /var/cache/apt/archives/" \
  --customize-hook="copy-in '$deb' '$here/in-root.sh' /tmp/" \
  --customize-hook="chroot \"\$1\" sh -c 'cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ./$debname >/tmp/apt.log || { cat /tmp/apt.log; exit 1; }; grep \"newly installed\" /tmp/apt.log'" \
  --customize-hook='chroot "$1" sh -c "echo \"installed files (bytes, path):\"; dpkg -L postdesk | while read -r f; do [ -f \"\$f\" ] && stat -c \"%10s %n\" \"\$f\"; done; true"' \
  --customize-hook='chroot "$1" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb xauth x11-utils desktop-file-utils >/dev/null"' \
  --customize-hook='chroot "$1" desktop-file-validate /usr/share/applications/Postdesk.desktop' \
  --customize-hook='chroot "$1" sh /tmp/in-root.sh' \
  --customize-hook="sh '$here/no-stray-process.sh' \"\$1\"" \
  --customize-hook="copy-out /tmp/screen.xwd '$out'" \
  --customize-hook="sync-out /var/cache/apt/archives '$cache'" \
  bookworm /dev/null "$mirror"

# The window must show the sample posts, not an empty page or an empty list:
# count the lines of text in the post list (the left 340 px below the filters,
# y >= 250). Edge detection turns any plain background (whatever its colour)
# black and text bright; each row of the picture averaged to one grey, a text
# line (or an item's border) is a run of bright rows. Five posts make about
# 26; an empty list none or two or three (its empty-state sentence).
shot="${CARGO_TARGET_DIR:-target}/installer-test-screen.png"
convert "xwd:$out/screen.xwd" "$shot"
text_lines="$(convert "$shot" -crop 340x550+0+250 +repage -colorspace gray -morphology Edge Diamond:1 -resize '1x550!' txt:- |
  tail -n +2 | sed -E 's/.*gray\(([0-9.]+)%?\).*/\1/' |
  awk '{ t = ($1 > 1.0); if (t && !p) n++; p = t } END { print n + 0 }')"
echo "installer-test: screenshot $shot; $text_lines lines of text in the post list"
[ "$text_lines" -ge 10 ] || { echo "installer-test: the window does not show the sample posts" >&2; exit 1; }
echo "installer-test: 1 passed, 0 failed ($((SECONDS - started)) s)"
