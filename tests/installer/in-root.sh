#!/bin/sh
# Runs inside the clean Debian root made by install-deb.sh (as root, in a
# chroot): start the installed app under Xvfb on a fresh default library,
# check its window appears and the library it created holds the sample
# posts, and leave a screenshot of the screen in /tmp/screen.xwd.
set -eu
export HOME=/tmp/home XDG_DATA_HOME=/tmp/home/.local/share
mkdir -p "$HOME"
fail() { echo "installer-test: $*" >&2; exit 1; }

app="$(command -v postdesk)" || fail "the package installed no postdesk command"
echo "installer-test: installed app at $app"

# Xvfb keeps its screen in /tmp/fb/Xvfb_screen0 (an XWD image): the screenshot
# needs no tool inside the root.
mkdir -p /tmp/fb
xvfb-run -a -s "-screen 0 1280x800x24 -fbdir /tmp/fb" sh -c '
  POSTDESK_LOG=info "$0" 2>/tmp/app.log & pid=$!
  trap "kill $pid 2>/dev/null; wait $pid 2>/dev/null" EXIT
  shown=""
  for _ in $(seq 1 60); do
    sleep 0.5
    kill -0 $pid 2>/dev/null || { echo "installer-test: the app exited early"; cat /tmp/app.log; exit 1; }
    if xwininfo -root -tree 2>/dev/null | grep -q "\"Postdesk\""; then shown=1; break; fi
  done
  [ -n "$shown" ] || { echo "installer-test: no Postdesk window after 30 s"; cat /tmp/app.log; exit 1; }
  xwininfo -root -tree | grep "\"Postdesk\"" | head -1
  # The window first shows an empty page. Wait (up to 60 s: the page loads
  # slowly on a busy machine) until the screen holds a drawn interface (a
  # plain screen gzips to ~5 KB, the app with its posts to ~140 KB), give it
  # 3 s to settle, and keep a picture of it.
  for _ in $(seq 1 120); do
    [ "$(gzip -c /tmp/fb/Xvfb_screen0 | wc -c)" -gt 50000 ] && break
    sleep 0.5
  done
  sleep 3
  cp /tmp/fb/Xvfb_screen0 /tmp/screen.xwd
  kill -0 $pid 2>/dev/null || { echo "installer-test: the app exited"; cat /tmp/app.log; exit 1; }
' "$app"
grep -q "opened library" /tmp/app.log || { cat /tmp/app.log; fail "the app did not log opening its library"; }

library="$XDG_DATA_HOME/org.postdesk.desktop/library.sqlite"
[ -s "$library" ] || fail "the app did not create the default library at $library"
posts="$(postdesk list)"
echo "$posts"
for title in "Safe routes to school: the committee says yes" "Trajets sécuritaires : le comité dit oui"; do
  echo "$posts" | grep -qF "$title" || fail "the sample post \"$title\" is not in the new library"
done
[ "$(echo "$posts" | wc -l)" -eq 5 ] || fail "expected the 5 sample posts"
echo "installer-test: the installed app started and seeded the 5 sample posts"
