#!/usr/bin/env bash
# The plugin must not change the generated code: compile each file with and
# without it and compare the object files byte for byte (cmp).
#
#   bench/codegen-identity.sh [--build DIR] [--only sqlite,glibc] [-j N]
#                             [--glibc-files LIST] [--sqlite-levels LIST]
#                             [--g-every N] [--strict]
#
# sqlite  sqlite3.c (-DSQLITE_THREADSAFE=1) at each level of --sqlite-levels
#         (comma-separated; default "-O2,-O0 -g")
# glibc   the thread tests that compile to an object with -c (plain clang
#         exits 0), at -O2; every --g-every'th of them (default 10) also at
#         -O0 -g. --glibc-files a.c,b.c: only these (paths relative to the
#         glibc root, e.g. nptl/tst-basic1.c), at -O2 and at -O0 -g.
#
# The plugin runs in the default mode at -O2 and in strict mode at -O0 -g
# (--strict: strict everywhere). Prints per corpus and level: files
# compiled, identical, different (with the first differing byte), and files
# that compile without the plugin but not with it. Exit status 0 when every
# pair is identical, 1 otherwise, 2 for a usage or environment error.
#
#   --build DIR   default build/llvm-22-bench, else build/llvm-22
#   --cache DIR   the corpora (default $SENDSYNC_CORPORA, else build/corpora;
#                 scripts/fetch-corpora.sh fills it)
#   -j N          parallel compiles (default 2)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_ARG=
ONLY=sqlite,glibc
JOBS=2
GLIBC_FILES=
SQLITE_LEVELS="-O2,-O0 -g"
G_EVERY=10
STRICT_ALL=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    --build) [ "$#" -ge 2 ] || die "--build needs a directory"; BUILD_ARG=$2; shift 2 ;;
    --cache) [ "$#" -ge 2 ] || die "--cache needs a directory"; CACHE=$2; shift 2 ;;
    --only) [ "$#" -ge 2 ] || die "--only needs a list"; ONLY=$2; shift 2 ;;
    -j) [ "$#" -ge 2 ] || die "-j needs a number"; JOBS=$2; shift 2 ;;
    -j*) JOBS=${1#-j}; shift ;;
    --glibc-files) [ "$#" -ge 2 ] || die "--glibc-files needs a list"; GLIBC_FILES=$2; shift 2 ;;
    --sqlite-levels) [ "$#" -ge 2 ] || die "--sqlite-levels needs a list"; SQLITE_LEVELS=$2; shift 2 ;;
    --g-every) [ "$#" -ge 2 ] || die "--g-every needs a number"; G_EVERY=$2; shift 2 ;;
    --strict) STRICT_ALL=1; shift ;;
    -h|--help) usage_from_header "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "-j takes a positive number"
[[ "$G_EVERY" =~ ^[1-9][0-9]*$ ]] || die "--g-every takes a positive number"
IFS=, read -r -a PARTS <<<"$ONLY"
for p in "${PARTS[@]}"; do
  case "$p" in sqlite|glibc) ;; *) die "unknown corpus '$p' (sqlite, glibc)" ;; esac
done
find_build "$BUILD_ARG" build/llvm-22-bench build/llvm-22
sanitizer_env
CACHE=$(cd "$CACHE" 2>/dev/null && pwd) || die "no corpora in $CACHE: run scripts/fetch-corpora.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sendsync-codegen.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
JOBLIST="$WORK/jobs"
: >"$JOBLIST"

# jobs: <corpus> TAB <level> TAB <dir> TAB <file> TAB <flags>
if [[ ",$ONLY," == *",sqlite,"* ]]; then
  SQLITE_DIR=$(sqlite_dir)
  IFS=, read -r -a levels <<<"$SQLITE_LEVELS"
  for lv in "${levels[@]}"; do
    printf 'sqlite\t%s\t%s\t%s\t%s\n' "$lv" "$SQLITE_DIR" sqlite3.c "-DSQLITE_THREADSAFE=1" >>"$JOBLIST"
  done
fi
if [[ ",$ONLY," == *",glibc,"* ]]; then
  GLIBC_ROOT=$(glibc_root)
  GLIBC_FLAGS=$(glibc_flags "$GLIBC_ROOT")
  if [ -n "$GLIBC_FILES" ]; then
    tr ',' '\n' <<<"$GLIBC_FILES" | sed '/^$/d' >"$WORK/glibc.files"
    G_EVERY=1
  else
    (cd "$GLIBC_ROOT" && ls nptl/tst-*.c sysdeps/pthread/tst-*.c) >"$WORK/glibc.files"
  fi
  n=0
  while IFS= read -r f; do
    [ -f "$GLIBC_ROOT/$f" ] || die "glibc: no $f in $GLIBC_ROOT"
    printf 'glibc\t%s\t%s\t%s\t%s\n' "-O2" "$GLIBC_ROOT" "$f" "$GLIBC_FLAGS" >>"$JOBLIST"
    if [ $((n % G_EVERY)) = 0 ]; then
      printf 'glibc\t%s\t%s\t%s\t%s\n' "-O0 -g" "$GLIBC_ROOT" "$f" "$GLIBC_FLAGS" >>"$JOBLIST"
    fi
    n=$((n + 1))
  done <"$WORK/glibc.files"
fi

export CLANG PLUGIN WORK STRICT_ALL
# one <index> <corpus> <level> <dir> <file> <flags>: writes WORK/<index>.result
one() {
  local i=$1 corpus=$2 level=$3 dir=$4 file=$5 flags=$6 prc=0 rc=0 verdict
  local -a fl lv plug=(-fplugin="$PLUGIN")
  read -r -a fl <<<"$flags"
  read -r -a lv <<<"$level"
  if [ "$STRICT_ALL" = 1 ] || [[ "$level" == *-g* ]]; then plug+=(-fplugin-arg-sendsync-strict); fi
  (cd "$dir" && "$CLANG" -c "${lv[@]}" "${fl[@]}" "$file" -o "$WORK/$i.plain.o") >/dev/null 2>&1 || prc=$?
  if [ "$prc" != 0 ]; then
    verdict="skipped"      # clang itself cannot compile it to an object
  else
    (cd "$dir" && "$CLANG" -c "${lv[@]}" "${plug[@]}" "${fl[@]}" "$file" -o "$WORK/$i.plugin.o") \
      >/dev/null 2>"$WORK/$i.err" || rc=$?
    if [ "$rc" != 0 ]; then
      verdict="plugin-failed: exit $rc: $(grep -m1 -E 'error|Stack dump' "$WORK/$i.err" || true)"
    elif cmp -s "$WORK/$i.plain.o" "$WORK/$i.plugin.o"; then
      verdict="identical"
    else
      verdict="different: $(cmp "$WORK/$i.plain.o" "$WORK/$i.plugin.o" 2>&1 | head -n 1)"
    fi
  fi
  rm -f "$WORK/$i.plain.o" "$WORK/$i.plugin.o"
  printf '%s\t%s\t%s\t%s\n' "$corpus" "$level" "$file" "$verdict" >"$WORK/$i.result"
}
export -f one

start=$(date +%s)
nl -ba -w1 -s$'\t' "$JOBLIST" | tr '\n' '\0' |
  xargs -0 -P "$JOBS" -I{} bash -c 'IFS=$'"'\t'"' read -r i c l d f fl <<<"$1"; one "$i" "$c" "$l" "$d" "$f" "$fl"' _ {}
elapsed=$(( $(date +%s) - start ))

cat "$WORK"/*.result >"$WORK/all" 2>/dev/null || : >"$WORK/all"
python3 - "$WORK/all" "$elapsed" "$JOBS" "$CLANG" "$PLUGIN" <<'PY'
import collections, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
elapsed, jobs, clang, plugin = sys.argv[2:6]
print("sendsync codegen identity: %s with and without %s" % (clang, plugin))
by = collections.defaultdict(list)
for corpus, level, f, verdict in rows:
    by[(corpus, level)].append((f, verdict))
bad = 0
for (corpus, level) in sorted(by):
    rs = by[(corpus, level)]
    c = collections.Counter(v.split(":")[0] for _, v in rs)
    compiled = len(rs) - c["skipped"]
    print("%s %s: files %d, compiled %d, identical %d, different %d, plugin failed %d" % (
        corpus, level, len(rs), compiled, c["identical"], c["different"], c["plugin-failed"]))
    for f, v in rs:
        if not (v.startswith("identical") or v.startswith("skipped")):
            print("    %s: %s" % (f, v))
            bad += 1
print("wall time: %ss with -j%s" % (elapsed, jobs))
print("codegen identity: %s" % ("OK" if bad == 0 and rows else "FAILED"))
sys.exit(0 if bad == 0 and rows else 1)
PY
