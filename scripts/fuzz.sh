#!/usr/bin/env bash
# Fuzz the Markdown renderer, the incremental preview (against a whole
# render), import parsing, slugs and the email's plain text with cargo-fuzz
# (libFuzzer), one target after the other, each for a fixed time. Not in CI.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default 60
#   TARGET              default: every target (cargo fuzz list --fuzz-dir tests/fuzz)
#   FUZZ_CMIN=1         minimize each corpus afterwards (inputs under 256 bytes,
#                       then cargo fuzz cmin): do this before committing it
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# The corpora live in tests/fuzz/corpus/<target>/ (committed); a crash is
# written to tests/fuzz/artifacts/<target>/ (ignored) and stops the run: turn
# it into a regression test, fix it, and run again.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
shift || true
fuzz_dir=tests/fuzz
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/fuzz"
# Safe Rust: panics are what we look for, so no sanitizer (twice as fast).
fuzz=(cargo +nightly fuzz)
run_opts=(--fuzz-dir "$fuzz_dir" --sanitizer none --target-dir "$CARGO_TARGET_DIR")
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <("${fuzz[@]}" list --fuzz-dir "$fuzz_dir")
fi

summary=()
for target in "${targets[@]}"; do
  corpus="$fuzz_dir/corpus/$target"
  mkdir -p "$corpus"
  log="$(mktemp)"
  echo "fuzz: $target for ${secs}s"
  # One process, one job: the machine may be shared.
  if ! "${fuzz[@]}" run "${run_opts[@]}" "$target" "$corpus" -- \
    -max_total_time="$secs" -max_len=8192 -timeout=10 \
    -dict="$fuzz_dir/markdown.dict" -print_final_stats=1 2>&1 | tee "$log" | grep -E '^(#[0-9]+ +(INITED|DONE|pulse)|==|SUMMARY|thread|Done)'; then
    :
  fi
  runs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')"
  if grep -qE 'panicked|ERROR: libFuzzer|deadly signal' "$log"; then
    summary+=("$target: CRASH after $runs runs (see $fuzz_dir/artifacts/$target/)")
    rm -f "$log"
    printf '%s\n' "${summary[@]}"
    exit 1
  fi
  if [ "$runs" = '?' ]; then
    echo "fuzz: $target did not run:" >&2
    tail -n 20 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  summary+=("$target: $runs runs, no crash")
  if [ "${FUZZ_CMIN:-0}" = 1 ]; then
    # Committed corpora stay small: short inputs only, then the fewest
    # that keep their coverage.
    find "$corpus" -type f -size +255c -delete
    "${fuzz[@]}" cmin "${run_opts[@]}" "$target" "$corpus" -- -max_len=8192 >/dev/null 2>&1
  fi
  rm -f "$log"
done
printf '%s\n' "${summary[@]}"
