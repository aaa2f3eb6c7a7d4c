#!/usr/bin/env bash
# Run the sendsync plugin over every .c file under examples/ and show what it
# reports.
#
#   scripts/demo.sh [build dir]        (default: build/llvm-22)
#
# The clang used is $CLANG if set, else the one the build directory was
# configured with. Diagnostics are the point of the demo: warnings and errors
# in the examples do not make this script fail; a missing plugin or a plugin
# that does not load does.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

BUILD=${1:-build/llvm-22}
PLUGIN="$BUILD/lib/sendsync.so"
if [ ! -f "$PLUGIN" ]; then
  echo "demo: $PLUGIN not found; build it first (make build)" >&2
  exit 1
fi
PLUGIN=$(cd "$(dirname "$PLUGIN")" && pwd)/sendsync.so

if [ -z "${CLANG:-}" ]; then
  CLANG=$(sed -n 's/^SENDSYNC_CLANG:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null | head -n 1)
fi
if [ -z "${CLANG:-}" ] || [ ! -x "$CLANG" ]; then
  echo "demo: cannot find the clang of $BUILD (set CLANG=/usr/lib/llvm-N/bin/clang)" >&2
  exit 1
fi

if [ ! -d examples ]; then
  echo "demo: there is no examples/ directory yet; nothing to show."
  exit 0
fi
mapfile -t files < <(find examples -name '*.c' -type f | LC_ALL=C sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "demo: examples/ has no .c files yet; nothing to show."
  exit 0
fi

echo "sendsync demo: $CLANG -fsyntax-only -fplugin=$PLUGIN -I annotations <file>"
warnings=0
errors=0
for f in "${files[@]}"; do
  echo
  echo "==> $f"
  out=$("$CLANG" -fsyntax-only -fplugin="$PLUGIN" -I annotations "$f" 2>&1)
  rc=$?
  if [ -n "$out" ]; then
    printf '%s\n' "$out"
  else
    echo "(no diagnostics)"
  fi
  if grep -q -e "unable to load plugin" -e "fatal error: .*sendsync" <<<"$out"; then
    echo "demo: the plugin did not load into $CLANG" >&2
    exit 1
  fi
  if [ "$rc" -gt 1 ]; then  # 1 = errors were reported; more = clang crashed
    echo "demo: clang exited with status $rc on $f" >&2
    exit 1
  fi
  warnings=$((warnings + $(grep -c ': warning: ' <<<"$out")))
  errors=$((errors + $(grep -c ': error: ' <<<"$out")))
done
echo
echo "demo: ${#files[@]} file(s), $warnings warning(s), $errors error(s)"
