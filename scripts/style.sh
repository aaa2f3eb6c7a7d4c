#!/usr/bin/env bash
# The style checks CI runs beside the tests (scripts/check.sh):
#   format  the plugin and tools sources are as clang-format-19 formats them
#           (fix: make format)
#   sizes   no function over 100 lines, no source file over 600 lines in
#           plugin/ and tools/ (scripts/check-size.py)
# Prints one line per check, "style: N ok, N failed" last; exits 1 when
# a check failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
CLANG_FORMAT=${CLANG_FORMAT:-clang-format-19}
pass=0
fail=0

sources=$(git ls-files 'plugin/*.cpp' 'plugin/*.h' 'tools/*.c' 'tools/*.h' 2>/dev/null ||
          find plugin tools -name '*.cpp' -o -name '*.h' -o -name '*.c')
if ! command -v "$CLANG_FORMAT" >/dev/null 2>&1; then
  echo "style: format: FAILED ($CLANG_FORMAT not found; apt-get install clang-format-19)"
  fail=$((fail + 1))
elif out=$("$CLANG_FORMAT" --dry-run --Werror --style=file $sources 2>&1); then
  echo "style: format: ok"
  pass=$((pass + 1))
else
  echo "$out" | grep -E '^[^ ].*: error:' | head -20
  echo "style: format: FAILED (run 'make format')"
  fail=$((fail + 1))
fi

if python3 "$ROOT/scripts/check-size.py"; then
  echo "style: sizes: ok"
  pass=$((pass + 1))
else
  echo "style: sizes: FAILED (split the functions or files named above)"
  fail=$((fail + 1))
fi

echo "style: $pass ok, $fail failed"
[ "$fail" -eq 0 ]
