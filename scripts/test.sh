#!/usr/bin/env bash
# Installs what is missing, builds both builds and runs every test: the Catch2
# unit tests and the fuzz corpus replay (ctest), the same again in a build with
# AddressSanitizer + UndefinedBehaviorSanitizer (build/asan), the schema checks
# and the browser tests (playwright-core driving Debian's Chromium). Exits
# non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/setup.sh || exit 1
bash scripts/build.sh all || { echo "build failed" >&2; exit 1; }

passed=0; failed=0; status=0
log=$(mktemp -d)

# Adds a ctest summary ("97% tests passed, 3 tests failed out of 100") to the counts.
count_ctest() {
  local line total bad
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$1" | tail -n1)
  if [ -n "$line" ]; then
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line"); bad=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")
    passed=$((passed + total - bad)); failed=$((failed + bad))
  else
    status=1
  fi
}

echo "== unit tests (ctest)"
(cd build/native && ctest --output-on-failure -j "$(nproc)") | tee "$log/ctest.txt"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
count_ctest "$log/ctest.txt"

# The same unit tests, the CLI they drive and the fuzz corpus replay, built with
# clang's AddressSanitizer and UndefinedBehaviorSanitizer: a memory error or any
# undefined behaviour (signed overflow, a cast out of range...) fails its test.
# -O0 and no benchmarks keep the extra build to a few minutes on 2 cores.
echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (ctest, build/asan)"
sanitize_start=$(date +%s)
[ -f build/asan/build.ninja ] ||
  cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-14 -DJM_SANITIZE=ON >/dev/null
if cmake --build build/asan -j "${JOBS:-$(nproc)}" >"$log/asan-build.txt" 2>&1; then
  (cd build/asan &&
    ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14 ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" \
    UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}" ctest --output-on-failure -j "$(nproc)") | tee "$log/asan.txt"
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
  count_ctest "$log/asan.txt"
else
  tail -n 40 "$log/asan-build.txt"
  echo "sanitizer build failed (full log: $log/asan-build.txt)" >&2
  status=1; failed=$((failed + 1))
fi
echo "(sanitizer build and tests: $(( $(date +%s) - sanitize_start )) s)"

echo "== schema checks"
node tests/schema/validate_files.mjs | tee "$log/schema.txt"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
line=$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$log/schema.txt" | tail -n1)
if [ -n "$line" ]; then
  passed=$((passed + $(cut -d' ' -f1 <<<"$line"))); failed=$((failed + $(cut -d' ' -f3 <<<"$line")))
else
  status=1
fi

echo "== browser tests"
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/ 2>&1 | tee "$log/e2e.txt"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
p=$(grep -E "^ℹ pass [0-9]+" "$log/e2e.txt" | tail -n1 | awk '{print $3}')
f=$(grep -E "^ℹ fail [0-9]+" "$log/e2e.txt" | tail -n1 | awk '{print $3}')
if [ -n "$p" ] && [ -n "$f" ]; then passed=$((passed + p)); failed=$((failed + f)); else status=1; fi

echo
echo "Test run took $(( $(date +%s) - start )) s"
[ "$failed" = 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
