#!/usr/bin/env bash
# How the plugin's cost grows with the size of a translation unit.
#
#   bench/scaling.sh [--build DIR] [--plugin SO] [--sizes "1 4 16"] [--runs N]
#                    [--parts "LIST ..."] [--callgrind]
#
# Generates bench/gen_stress.py inputs at each size factor K and times plain
# clang -fsyntax-only, the plugin in the default mode and in strict mode
# (alternating, --runs N each, default 3; medians). Prints per size: lines,
# the medians, the plugin's added time (plugin - plain) and its growth from
# one size to the next, against the growth of the size itself. Linear cost
# means the added time grows by the same factor as K (4x from 1 to 4 and
# from 4 to 16); the "per K" column should then stay flat. The peak RSS
# with the plugin is also given as a ratio to plain clang's at the largest
# size (target: at most 1.25).
#
#   --parts "LIST ..."
#                  generate only these parts (see bench/gen_stress.py --help;
#                  default: the set "default"); e.g. --parts longone isolates
#                  one very long function. Several lists, separated by
#                  spaces, give one table each: --parts "chain mutual
#                  wrappers joiners" measures each deep call graph alone
#   --plugin SO    measure this plugin file instead of the build's
#   --callgrind    count instructions instead of timing (one run each,
#                  valgrind --tool=callgrind; independent of the machine's
#                  load, slow at 16x)
#
# Needs python3 and GNU time (/usr/bin/time); valgrind for --callgrind.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_ARG=
PLUGIN_ARG=
SIZES="1 4 16"
RUNS=3
PARTS=default
CALLGRIND=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    --build) [ "$#" -ge 2 ] || die "--build needs a directory"; BUILD_ARG=$2; shift 2 ;;
    --plugin) [ "$#" -ge 2 ] || die "--plugin needs a file"; PLUGIN_ARG=$2; shift 2 ;;
    --sizes) [ "$#" -ge 2 ] || die "--sizes needs a list"; SIZES=$2; shift 2 ;;
    --runs) [ "$#" -ge 2 ] || die "--runs needs a number"; RUNS=$2; shift 2 ;;
    --parts) [ "$#" -ge 2 ] || die "--parts needs a list"; PARTS=$2; shift 2 ;;
    --callgrind) CALLGRIND=1; shift ;;
    -h|--help) usage_from_header "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a positive number"
for k in $SIZES; do [[ "$k" =~ ^[1-9][0-9]*$ ]] || die "--sizes: '$k' is not a positive number"; done
need_time
need_cmd python3 "apt-get install python3"
[ "$CALLGRIND" = 0 ] || need_cmd valgrind "apt-get install valgrind"
find_build "$BUILD_ARG" build/llvm-22-bench build/llvm-22
use_plugin "$PLUGIN_ARG"
[ "$SANITIZED" = 0 ] || say "warning: $BUILD is a sanitizer build: the times measure ASan, not the plugin"
sanitizer_env

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sendsync-scaling.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
TSV="$WORK/times.tsv"
: >"$TSV"

LOAD_START=$(uptime)
for set in $PARTS; do
  for k in $SIZES; do
    src="stress-$set-$k.c"
    python3 "$ROOT/bench/gen_stress.py" "$k" --parts "$set" -o "$WORK/$src"
    lines=$(wc -l <"$WORK/$src")
    runs=$RUNS
    [ "$CALLGRIND" = 0 ] || runs=1
    for ((r = 0; r <= runs; r++)); do         # run 0: warm-up, not recorded
      [ "$r" = 0 ] && [ "$CALLGRIND" = 1 ] && continue
      say "$set k=$k ($lines lines): run $r/$runs"
      for ((i = 0; i < 3; i++)); do
        cfg=${CONFIGS[$(( (i + r) % 3 ))]}
        read -r -a extra <<<"$(flags_of "$cfg")"
        rc=0
        if [ "$CALLGRIND" = 1 ]; then
          (cd "$WORK" && valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.$set.$k.$cfg" \
             "$CLANG" -fsyntax-only "${extra[@]}" -I "$ROOT/annotations" "$src" \
             >/dev/null 2>"$WORK/cg.err") || rc=$?
          value=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$WORK/cg.err" | tail -n 1)
          rss=0
        else
          t0=$(now_ns)
          (cd "$WORK" && /usr/bin/time -f %M -o "$WORK/rss" "$CLANG" -fsyntax-only "${extra[@]}" \
             -I "$ROOT/annotations" "$src" >/dev/null 2>&1) || rc=$?
          t1=$(now_ns)
          value=$((t1 - t0))
          rss=$(tail -n 1 "$WORK/rss")
        fi
        [ "$r" = 0 ] || printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
          "$set" "$k" "$lines" "$cfg" "$r" "${value:-0}" "$rss" "$rc" >>"$TSV"
      done
    done
  done
done
LOAD_END=$(uptime)

python3 - "$TSV" "$CALLGRIND" <<EOF
import collections, statistics, sys
tsv, cg = sys.argv[1], sys.argv[2] == "1"
d = collections.defaultdict(list)
lines, rss, rcs = {}, collections.defaultdict(int), collections.defaultdict(set)
sets = []
for s, k, n, cfg, run, v, m, rc in (l.rstrip("\n").split("\t") for l in open(tsv) if l.strip()):
    k = int(k); lines[(s, k)] = int(n)
    if s not in sets:
        sets.append(s)
    d[(s, k, cfg)].append(int(v) / (1.0 if cg else 1e9))
    rss[(s, k, cfg)] = max(rss[(s, k, cfg)], int(m or 0)); rcs[(s, k, cfg)].add(int(rc))
print("sendsync scaling: ${PLUGIN} (LLVM ${LLVM_MAJOR}), %s" %
      ("callgrind, one run each" if cg else "${RUNS} runs each"))
print("load at start: ${LOAD_START}")
print("load at end:   ${LOAD_END}")
med = {key: statistics.median(v) / (1e6 if cg else 1) for key, v in d.items()}
for s in sets:
    ks = sorted(k for (s2, k) in lines if s2 == s)
    print()
    print("== parts: %s ==" % s)
    print("%5s %8s | %-10s %10s %10s | %10s %10s | %8s %8s | %s" % (
        "k", "lines", "plain", "default", "strict", "+default", "+strict", "growth", "per k",
        "peak RSS MB plain/def/strict"))
    prev = None
    for k in ks:
        p, dm, sm = med[(s, k, "plain")], med[(s, k, "default")], med[(s, k, "strict")]
        ad, ast = dm - p, sm - p
        growth = "" if prev is None else "%.2fx/%gx" % (
            ast / prev[1] if prev[1] > 0 else float("nan"), k / prev[0])
        st = [sorted(rcs[(s, k, c)]) for c in ("plain", "default", "strict")]
        print("%5d %8d | %-10.3f %10.3f %10.3f | %10.3f %10.3f | %8s %8.4f | %.0f/%.0f/%.0f%s" % (
            k, lines[(s, k)], p, dm, sm, ad, ast, growth, ast / k,
            rss[(s, k, "plain")] / 1024, rss[(s, k, "default")] / 1024, rss[(s, k, "strict")] / 1024,
            "" if st[0] == st[1] == st[2] == [0] else "  exit %s/%s/%s" % tuple(st)))
        prev = (k, ast)
    print()
    print("+default, +strict: what the plugin adds to plain clang (%s); growth: how much the"
          % ("millions of instructions" if cg else "seconds"))
    print("strict addition grew from the previous size, against how much k grew; per k: +strict / k.")
    if len(ks) >= 2:
        first, last = ks[0], ks[-1]
        for cfg in ("plain", "default", "strict"):
            print("%-8s %gx size -> %.2fx cost" % (cfg, last / first, med[(s, last, cfg)] / med[(s, first, cfg)]))
        for cfg in ("default", "strict"):
            a0 = med[(s, first, cfg)] - med[(s, first, "plain")]
            a1 = med[(s, last, cfg)] - med[(s, last, "plain")]
            if a0 > 0:
                print("added by the plugin (%s): %gx size -> %.2fx" % (cfg, last / first, a1 / a0))
    if not cg and ks and rss[(s, ks[-1], "plain")]:
        last = ks[-1]
        print("peak RSS at k=%d against plain clang: default %.3f, strict %.3f (target <= 1.25)" % (
            last, rss[(s, last, "default")] / rss[(s, last, "plain")],
            rss[(s, last, "strict")] / rss[(s, last, "plain")]))
EOF
