#!/usr/bin/env bash
# The plugin must never crash or hang clang: run it (by default the ASan+UBSan
# build) over glibc-source, over random csmith programs with markers, and
# over deep and recursive call graphs.
#
#   bench/robustness.sh [--build DIR] [--plugin SO] [--only glibc,csmith,stress]
#                       [--limit N] [--seeds A-B] [--stress-k K] [-j N]
#                       [--timeout S] [--keep DIR] [-v]
#
# glibc   every C file of Debian's glibc-source (the full tarball, extracted
#         once into <work>/glibc-full; only *.c and *.h), or --limit N of
#         them spread evenly over the tree (default 800; 0: all, about
#         10,000 files). Flags are pragmatic: -D_GNU_SOURCE -I<the file's
#         directory> -I<root> -idirafter <root>/include. Most files need a
#         configured glibc and are rejected by clang; the plugin still runs
#         on their partial ASTs.
# csmith  csmith programs for the seeds A-B (default 1-40), each in two
#         variants through bench/csmith_markers.py: "mixed" (random markers,
#         about a third wrong on purpose: misspelled, misplaced,
#         conflicting) and "valid" (no wrong marker). Repeatable: the same
#         seeds give the same programs and markers (for one csmith version).
# stress  bench/gen_stress.py at --stress-k K (default 4: chains of 10,000
#         functions): the parts chain, mutual, wrappers and joiners, one
#         input each, and all four with --broken (a compile error at the
#         bottom of every chain). The plugin runs add dump-summaries and
#         dump-spawns, so every function's summary is computed. Not in the
#         default --only: run it with --only stress.
#
# Every input runs three times: plain clang, the plugin in default mode and
# in strict mode (-fsyntax-only, -ferror-limit=0, timeout --timeout S,
# default 300). Failures: a crash or sanitizer report, a hang, or an exit
# status that differs from plain clang's, except for sendsync-annotation
# errors on inputs with wrong markers (and a valid variant must not get
# any). Failures are kept with their input and reproducing command in
# --keep DIR (default build/bench-robustness/failures).
#
# Options:
#   --build DIR   default build/llvm-22-asan-bench, else build/llvm-22-asan;
#                 for a sanitizer build the ASan runtime is preloaded into
#                 the plugin runs (as test/lit.cfg.py does) with
#                 ASAN_OPTIONS=detect_leaks=0
#   --plugin SO   run this plugin file instead of the build's (of the same
#                 kind: --build decides whether the runtime is preloaded)
#   --work DIR    inputs and extracted sources (default build/bench-robustness)
#   -j N          parallel inputs (default 2)
#
# Needs: python3; glibc-source (apt-get install glibc-source) for glibc;
# csmith and libcsmith-dev (apt-get install csmith libcsmith-dev) for csmith.
# Exit status: 0 no failure, 1 failures, 2 usage or environment error.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_ARG=
PLUGIN_ARG=
ONLY=glibc,csmith
LIMIT=800
SEEDS=1-40
STRESS_K=4
JOBS=2
TIMEOUT=300
WORKDIR=$ROOT/build/bench-robustness
KEEP=
VERBOSE=
GLIBC_SRC_DIR=${SENDSYNC_GLIBC_SRC_DIR:-/usr/src/glibc}
while [ "$#" -gt 0 ]; do
  case "$1" in
    --build) [ "$#" -ge 2 ] || die "--build needs a directory"; BUILD_ARG=$2; shift 2 ;;
    --plugin) [ "$#" -ge 2 ] || die "--plugin needs a file"; PLUGIN_ARG=$2; shift 2 ;;
    --only) [ "$#" -ge 2 ] || die "--only needs glibc, csmith or stress"; ONLY=$2; shift 2 ;;
    --limit) [ "$#" -ge 2 ] || die "--limit needs a number"; LIMIT=$2; shift 2 ;;
    --seeds) [ "$#" -ge 2 ] || die "--seeds needs A-B"; SEEDS=$2; shift 2 ;;
    --stress-k) [ "$#" -ge 2 ] || die "--stress-k needs a number"; STRESS_K=$2; shift 2 ;;
    -j) [ "$#" -ge 2 ] || die "-j needs a number"; JOBS=$2; shift 2 ;;
    -j*) JOBS=${1#-j}; shift ;;
    --timeout) [ "$#" -ge 2 ] || die "--timeout needs seconds"; TIMEOUT=$2; shift 2 ;;
    --work) [ "$#" -ge 2 ] || die "--work needs a directory"; WORKDIR=$2; shift 2 ;;
    --keep) [ "$#" -ge 2 ] || die "--keep needs a directory"; KEEP=$2; shift 2 ;;
    -v|--verbose) VERBOSE=--verbose; shift ;;
    -h|--help) usage_from_header "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$LIMIT" =~ ^[0-9]+$ ]] || die "--limit takes a number"
[[ "$SEEDS" =~ ^[0-9]+(-[0-9]+)?$ ]] || die "--seeds takes A-B"
[[ "$STRESS_K" =~ ^[1-9][0-9]*$ ]] || die "--stress-k takes a positive number"
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "-j takes a positive number"
[[ "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die "--timeout takes seconds"
IFS=, read -r -a PARTS <<<"$ONLY"
for p in "${PARTS[@]}"; do
  case "$p" in glibc|csmith|stress) ;; *) die "unknown part '$p' (glibc, csmith, stress)" ;; esac
done
need_cmd python3 "apt-get install python3"
find_build "$BUILD_ARG" build/llvm-22-asan-bench build/llvm-22-asan
use_plugin "$PLUGIN_ARG"
[ "$SANITIZED" = 1 ] || say "note: $BUILD is not a sanitizer build: crashes are caught, memory errors may not be"
mkdir -p "$WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)
KEEP=${KEEP:-$WORKDIR/failures}

status=0
for part in "${PARTS[@]}"; do
  case "$part" in
    glibc)
      tarball=$(ls "$GLIBC_SRC_DIR"/glibc-*.tar.xz 2>/dev/null | sort -V | tail -n 1 || true)
      [ -n "$tarball" ] || die "no $GLIBC_SRC_DIR/glibc-*.tar.xz: apt-get install glibc-source"
      base=$(basename "$tarball" .tar.xz)
      dest="$WORKDIR/glibc-full"
      if [ ! -f "$dest/.complete" ] || [ "$(cat "$dest/.complete")" != "$tarball" ]; then
        say "extracting the C sources and headers of $tarball into $dest"
        rm -rf "$dest"; mkdir -p "$dest"
        tar -xJf "$tarball" -C "$dest" --wildcards '*.c' '*.h' || die "extracting $tarball failed"
        echo "$tarball" >"$dest/.complete"
      fi
      python3 "$ROOT/bench/robustness.py" --corpus glibc --glibc-root "$dest/$base" --limit "$LIMIT" \
        --clang "$CLANG" --plugin "$PLUGIN" --asan-runtime "$ASAN_RT" --annotations "$ROOT/annotations" \
        --work "$WORKDIR" --keep "$KEEP/glibc" -j "$JOBS" --timeout "$TIMEOUT" $VERBOSE || status=1
      ;;
    csmith)
      need_cmd csmith "apt-get install csmith"
      [ -f /usr/include/csmith/csmith.h ] || die "/usr/include/csmith/csmith.h not found: apt-get install libcsmith-dev"
      python3 "$ROOT/bench/robustness.py" --corpus csmith --seeds "$SEEDS" \
        --clang "$CLANG" --plugin "$PLUGIN" --asan-runtime "$ASAN_RT" --annotations "$ROOT/annotations" \
        --work "$WORKDIR/csmith-$(csmith --version 2>/dev/null | sed -n 's/^csmith \([0-9.]*\).*/\1/p' | head -n 1)" \
        --keep "$KEEP/csmith" -j "$JOBS" --timeout "$TIMEOUT" $VERBOSE || status=1
      ;;
    stress)
      python3 "$ROOT/bench/robustness.py" --corpus stress --stress-k "$STRESS_K" \
        --clang "$CLANG" --plugin "$PLUGIN" --asan-runtime "$ASAN_RT" --annotations "$ROOT/annotations" \
        --work "$WORKDIR/stress" --keep "$KEEP/stress" -j "$JOBS" --timeout "$TIMEOUT" $VERBOSE || status=1
      ;;
  esac
  echo
done
exit "$status"
