#!/usr/bin/env bash
# Run sendsync-check, the CI driver, over the demo project examples/jobqueue
# and show what it reports.
#
#   scripts/demo.sh [build dir]        (default: build/llvm-22)
#
# The demo's compile database is generated from the flags of
# examples/jobqueue/Makefile into <build dir>/demo/compile_commands.json
# (`bear -- make` would record the same). The clang used is $CLANG if set,
# else the one sendsync-check was built for. Diagnostics are the point of the
# demo: findings do not make this script fail; a missing tool, a missing
# plugin or a plugin that does not load (sendsync-check exits 2) does.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

BUILD=${1:-build/llvm-22}
BUILD=$(cd "$BUILD" 2>/dev/null && pwd) || { echo "demo: ${1:-build/llvm-22} not found; build it first (make build)" >&2; exit 1; }
CHECK="$BUILD/bin/sendsync-check"
if [ ! -x "$CHECK" ]; then
  echo "demo: $CHECK not found; build it first (make build)" >&2
  exit 1
fi
PROJECT="$ROOT/examples/jobqueue"
if [ ! -f "$PROJECT/Makefile" ]; then
  echo "demo: $PROJECT not found; nothing to show."
  exit 0
fi

# The compile database: one entry per source of the Makefile's SRCS, with
# its CFLAGS and include path.
DB_DIR="$BUILD/demo"
mkdir -p "$DB_DIR"
srcs=$(sed -n 's/^SRCS *:= *//p' "$PROJECT/Makefile")
cflags="-std=c11 -Wall -Wextra -O2 -pthread"
{
  echo "["
  sep=""
  for src in $srcs; do
    printf '%s  { "directory": "%s", "file": "%s",\n' "$sep" "$PROJECT" "$src"
    printf '    "command": "cc %s -I ../../annotations -c %s -o %s" }' "$cflags" "$src" "${src%.c}.o"
    sep=$',\n'
  done
  echo
  echo "]"
} > "$DB_DIR/compile_commands.json"

args=(-p "$DB_DIR")
if [ -n "${CLANG:-}" ]; then
  args+=(--clang="$CLANG")
fi
echo "sendsync demo: $(realpath --relative-to="$ROOT" "$CHECK") -p $(realpath --relative-to="$ROOT" "$DB_DIR")   (examples/jobqueue: $srcs)"
echo
"$CHECK" "${args[@]}"
rc=$?
if [ "$rc" -gt 1 ]; then  # 1 = findings; 2 = the tool could not run
  echo "demo: sendsync-check failed (exit status $rc)" >&2
  exit 1
fi
exit 0
