#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang-14 with AddressSanitizer and
# UndefinedBehaviorSanitizer) in build/fuzz and runs each for SECONDS (default 60).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      TARGET: json_map mermaid csv paste (default: all)
#
# Each target starts from its seeds (tests/fuzz/corpus/<target>) and saved crashes
# (tests/fuzz/regressions/<target>), with a dictionary of its format's words
# (tests/fuzz/dictionaries); what it learns is kept between runs in
# build/fuzz/corpus/<target>, never committed. A run goes on after a failure, so
# one run can find several. Every crash, timeout (an input that takes over 10 s:
# time that grows faster than the input) or out-of-memory lands in
# build/fuzz/artifacts/<target>/; logs in build/fuzz/logs/<target>.txt. To keep one
# fixed for good, copy it into tests/fuzz/regressions/<target>/ under a name that
# says what it is: ctest replays that folder on every build.
#
# Prints per target: executions, coverage (libFuzzer's cov = code edges, ft =
# features), crashes, timeouts and out-of-memory; exits 1 when any target failed.
# Targets run one after another on one core; two runs may go side by side
# (e.g. `scripts/fuzz.sh 300 json_map & scripts/fuzz.sh 300 csv`), they take turns
# to build. JOBS (default 2) sets the build's parallelism.
set -uo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(json_map mermaid csv paste)
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
usage() { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]   targets: ${ALL_TARGETS[*]}" >&2; exit 2; }
[[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] && [ "$SECONDS_PER_TARGET" -ge 1 ] || usage
for t in "${TARGETS[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || { echo "fuzz: unknown target '$t'" >&2; usage; }
done

BUILD=build/fuzz
bash scripts/setup.sh >/dev/null || { echo "fuzz: scripts/setup.sh failed" >&2; exit 1; }
build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-14 -DJM_FUZZ=ON >/dev/null || return 1
  fi
  cmake --build "$BUILD" -j "${JOBS:-2}"
}
# Two runs started side by side (one target each, one per core) must not build
# the same tree at once: the second waits for the first's build.
mkdir -p "$BUILD"
exec 9>"$BUILD/.build-lock"
flock 9
build || { echo "fuzz: build failed" >&2; exit 1; }
flock -u 9

# Reports name file:line; a user's own settings come last and win.
export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}"

dictionary_of() {   # the paste target reads map files too
  case "$1" in paste) echo tests/fuzz/dictionaries/json_map.dict ;; *) echo "tests/fuzz/dictionaries/$1.dict" ;; esac
}

# The figure after `label` in the last libFuzzer status line of a log, e.g. cov in
#   #48211  REDUCE cov: 2345 ft: 6789 corp: 321/90Kb lim: 2135 exec/s: 433 rss: 473Mb
last_status() { grep -oE "$2 [0-9]+" "$1" | tail -n1 | awk '{print $2}'; }

# One target for SECONDS. libFuzzer stops at the first failing input; the next
# session then starts from the corpus gathered so far, until the time is used, so
# one run still collects several failures. (libFuzzer's -fork mode does the same,
# but reloads the corpus for every job: several times fewer executions.)
run_target() {
  local t=$1 log=$BUILD/logs/$1.txt session=$BUILD/logs/$1.session.txt
  local work=$BUILD/corpus/$t artifacts=$BUILD/artifacts/$t/
  mkdir -p "$work" "$artifacts" "$BUILD/logs"
  : >"$log"
  local seeds=(tests/fuzz/corpus/"$t")
  [ -d tests/fuzz/regressions/"$t" ] && seeds+=(tests/fuzz/regressions/"$t")
  local deadline=$(( $(date +%s) + SECONDS_PER_TARGET ))
  local execs=0 crashes=0 timeouts=0 ooms=0 cov=? ft=? left rc n
  echo "== $t: ${SECONDS_PER_TARGET} s (log: $log)"
  while left=$(( deadline - $(date +%s) )); [ "$left" -gt 0 ]; do
    "$BUILD/fuzz_$t" -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -dict="$(dictionary_of "$t")" -artifact_prefix="$artifacts" "$work" "${seeds[@]}" >"$session" 2>&1
    rc=$?
    cat "$session" >>"$log"
    n=$(grep -oE "stat::number_of_executed_units: [0-9]+" "$session" | awk '{print $2}')
    execs=$(( execs + ${n:-0} ))
    cov=$(last_status "$session" cov:); ft=$(last_status "$session" ft:)
    [ "$rc" = 0 ] && break   # the time is up
    if grep -q "ERROR: libFuzzer: timeout" "$session"; then timeouts=$((timeouts + 1))
    elif grep -q "ERROR: libFuzzer: out-of-memory" "$session"; then ooms=$((ooms + 1))
    else crashes=$((crashes + 1)); fi
    if ! grep -q "INITED" "$session"; then
      echo "   an input of the corpus itself fails, so fuzzing cannot start: see $log" >&2
      break
    fi
  done
  rm -f "$session"
  printf '%-10s executions %-10s cov %-6s ft %-7s crashes %s, timeouts %s, out-of-memory %s\n' \
    "$t" "$execs" "${cov:-?}" "${ft:-?}" "$crashes" "$timeouts" "$ooms"
  [ $((crashes + timeouts + ooms)) = 0 ]
}

failed=0
summary=()
for t in "${TARGETS[@]}"; do
  line=$(run_target "$t") || failed=1
  echo "$line"
  summary+=("$(tail -n1 <<<"$line")")
done
echo
echo "Fuzzing summary (${SECONDS_PER_TARGET} s per target):"
printf '  %s\n' "${summary[@]}"
if [ "$failed" != 0 ]; then
  echo "Crashes are in $BUILD/artifacts/<target>/: reproduce one with $BUILD/fuzz_<target> FILE," \
       "and copy it to tests/fuzz/regressions/<target>/ to keep it fixed."
fi
exit $failed
