#!/usr/bin/env bash
# Start the desktop app under Xvfb with a fresh HOME (so it creates and seeds
# the default library), check it stays up with a window, then stop it.
# Usage: scripts/smoke.sh PATH/TO/postdesk [screenshot.png]
set -euo pipefail
app="$(realpath "$1")"
shot="${2:-}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" POSTDESK_DB=
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "$0" & pid=$!
  for _ in $(seq 1 60); do
    sleep 0.5
    kill -0 $pid 2>/dev/null || { echo "smoke: the app exited early"; exit 1; }
    if xwininfo -root -tree 2>/dev/null | grep -q "\"Postdesk\""; then break; fi
  done
  xwininfo -root -tree | grep -q "\"Postdesk\"" || { echo "smoke: no Postdesk window"; kill $pid; exit 1; }
  sleep 3
  if [ -n "$1" ]; then import -window root "$1"; fi
  kill $pid; wait $pid 2>/dev/null || true
' "$app" "$shot"
lib="$home/data/org.postdesk.desktop/library.sqlite"
[ -s "$lib" ] || { echo "smoke: the default library was not created at $lib"; exit 1; }
echo "smoke: 1 passed, 0 failed"
