#!/bin/sh
# Run on the host by install-deb.sh before mmdebstrap unmounts and deletes
# the Debian root ($1): no process may still run inside it (the app, its
# WebKit processes, Xvfb). A process's /proc/PID/root is the chroot it runs
# in, so this finds only the test's own processes, never others on the
# machine. Waits up to 10 s for them to end, then kills them and fails.
root="$(realpath "$1")"
inside() {
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && echo "${p#/proc/}"
  done
}
for _ in $(seq 1 20); do
  [ -z "$(inside)" ] && { echo "installer-test: no process left in the Debian root"; exit 0; }
  sleep 0.5
done
for pid in $(inside); do
  echo "installer-test: stray process $pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" >&2
  kill -9 "$pid" 2>/dev/null
done
exit 1
