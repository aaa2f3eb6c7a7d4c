#!/usr/bin/env bash
# Benchmark the sendsync plugin against plain clang -fsyntax-only.
#
#   bench/run.sh [--build DIR] [--plugin SO] [--runs N] [--only LIST]
#                [--stress-k K] [--glibc-files N] [--callgrind] [--facts]
#                [--keep DIR]
#
# In one invocation, alternating the three configurations run by run (the
# order rotates each run), it times
#   plain    clang -fsyntax-only
#   default  clang -fsyntax-only -fplugin=sendsync.so
#   strict   ... -fplugin-arg-sendsync-strict
# on these sections (--only, comma-separated; default all):
#   sqlite   the SQLite amalgamation (sqlite3.c, -DSQLITE_THREADSAFE=1)
#   glibc    glibc's thread tests that clang parses, as one batch, one file
#            after the other (--glibc-files N: only the first N)
#   stress   bench/gen_stress.py at size factor K (--stress-k, default 4)
#   check    tools/sendsync-check -j2 over a compile_commands.json of the
#            glibc batch, against the same clang runs without the plugin
#            (xargs -P2); strict is not run here
# and prints, per section and configuration, the median wall time over the
# runs, the overhead ratio against plain clang of the same invocation (ratio
# of the medians, and the median of the per-run ratios, which is less
# sensitive to load that drifts during the invocation) and the peak RSS
# (GNU time's %M; for a batch, the largest of its processes).
#
# Options:
#   --build DIR     plugin build (default: build/llvm-22-bench, else build/llvm-22)
#   --plugin SO     measure this plugin file instead of the build's (e.g. a
#                   frozen copy; same clang, same kind of build as --build)
#   --runs N        runs per configuration (default 7)
#   --callgrind     also count instructions (valgrind --tool=callgrind, one
#                   run per configuration) for sqlite and stress: a measure
#                   that does not depend on the machine's load. Slow
#                   (about 2 minutes per sqlite run).
#   --facts         add a fourth configuration to sqlite and stress, "facts":
#                   the default mode writing the unit's facts file
#                   (-fplugin-arg-sendsync-facts=<tmp>, docs/facts.md); its
#                   cost is also given against the default mode (issue 14:
#                   at most +1 % instructions on SQLite)
#   --keep DIR      keep the raw measurements (times.tsv) in DIR
#
# Corpora come from scripts/fetch-corpora.sh (build/corpora, or
# $SENDSYNC_CORPORA). Needs GNU time (/usr/bin/time) and python3; valgrind
# for --callgrind. The machine's load is printed at the start and the end:
# wall times on a shared machine are noisy, the instruction counts are not.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_ARG=
PLUGIN_ARG=
RUNS=7
ONLY=sqlite,glibc,stress,check
STRESS_K=4
GLIBC_FILES=0
CALLGRIND=0
FACTS=0
KEEP=
while [ "$#" -gt 0 ]; do
  case "$1" in
    --build) [ "$#" -ge 2 ] || die "--build needs a directory"; BUILD_ARG=$2; shift 2 ;;
    --plugin) [ "$#" -ge 2 ] || die "--plugin needs a file"; PLUGIN_ARG=$2; shift 2 ;;
    --runs) [ "$#" -ge 2 ] || die "--runs needs a number"; RUNS=$2; shift 2 ;;
    --only) [ "$#" -ge 2 ] || die "--only needs a list"; ONLY=$2; shift 2 ;;
    --stress-k) [ "$#" -ge 2 ] || die "--stress-k needs a number"; STRESS_K=$2; shift 2 ;;
    --glibc-files) [ "$#" -ge 2 ] || die "--glibc-files needs a number"; GLIBC_FILES=$2; shift 2 ;;
    --callgrind) CALLGRIND=1; shift ;;
    --facts) FACTS=1; shift ;;
    --keep) [ "$#" -ge 2 ] || die "--keep needs a directory"; KEEP=$2; shift 2 ;;
    -h|--help) usage_from_header "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a positive number"
[[ "$STRESS_K" =~ ^[1-9][0-9]*$ ]] || die "--stress-k takes a positive number"
[[ "$GLIBC_FILES" =~ ^[0-9]+$ ]] || die "--glibc-files takes a number"
IFS=, read -r -a SECTIONS <<<"$ONLY"
for s in "${SECTIONS[@]}"; do
  case "$s" in sqlite|glibc|stress|check) ;; *) die "unknown section '$s' (sqlite, glibc, stress, check)" ;; esac
done
has() { [[ ",$ONLY," == *",$1,"* ]]; }

need_time
need_cmd python3 "apt-get install python3"
[ "$CALLGRIND" = 0 ] || need_cmd valgrind "apt-get install valgrind"
find_build "$BUILD_ARG" build/llvm-22-bench build/llvm-22
use_plugin "$PLUGIN_ARG"
[ "$SANITIZED" = 0 ] || say "warning: $BUILD is a sanitizer build: the times measure ASan, not the plugin"
sanitizer_env
CHECK_BIN="$BUILD/bin/sendsync-check"
if has check && [ ! -x "$CHECK_BIN" ]; then
  die "$CHECK_BIN not built (cmake --build $BUILD)"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sendsync-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
[ "$FACTS" = 0 ] || CONFIGS+=(facts)
export FACTS_OUT="$WORK/unit.sendsync-facts"
TSV="$WORK/times.tsv"
: >"$TSV"
CGTSV="$WORK/callgrind.tsv"
: >"$CGTSV"

LOAD_START=$(uptime)

# ---- the inputs ----------------------------------------------------------------------
if has sqlite; then
  SQLITE_DIR=$(sqlite_dir)
  SQLITE_VERSION=$(sed -n 3p "$SQLITE_DIR/.complete")
fi
if has glibc || has check; then
  GLIBC_ROOT=$(glibc_root)
  GLIBC_FLAGS=$(glibc_flags "$GLIBC_ROOT")
  # The batch: the thread tests that plain clang parses (found once, -j2).
  say "glibc: finding the thread tests clang parses"
  (cd "$GLIBC_ROOT" && ls nptl/tst-*.c sysdeps/pthread/tst-*.c) >"$WORK/glibc.all"
  # shellcheck disable=SC2086
  (cd "$GLIBC_ROOT" && xargs -a "$WORK/glibc.all" -P 2 -I{} sh -c \
     '"$0" -fsyntax-only "$@" "{}" >/dev/null 2>&1 && echo "{}"; true' "$CLANG" $GLIBC_FLAGS) \
     | sort >"$WORK/glibc.files"
  if [ "$GLIBC_FILES" -gt 0 ]; then
    head -n "$GLIBC_FILES" "$WORK/glibc.files" >"$WORK/glibc.tmp"
    mv "$WORK/glibc.tmp" "$WORK/glibc.files"
  fi
  GLIBC_N=$(wc -l <"$WORK/glibc.files")
  GLIBC_ALL=$(wc -l <"$WORK/glibc.all")
  [ "$GLIBC_N" -gt 0 ] || die "clang parses none of the glibc thread tests"
fi
if has stress; then
  python3 "$ROOT/bench/gen_stress.py" "$STRESS_K" -o "$WORK/stress.c"
  STRESS_LINES=$(wc -l <"$WORK/stress.c")
fi
if has check; then
  python3 - "$GLIBC_ROOT" "$CLANG" "$GLIBC_FLAGS" "$WORK/glibc.files" "$WORK/db/compile_commands.json" <<'EOF'
import json, os, sys
root, clang, flags, files, out = sys.argv[1:]
os.makedirs(os.path.dirname(out), exist_ok=True)
entries = [{"directory": root, "file": f,
            "arguments": [clang, "-c"] + flags.split() + [f, "-o", "/dev/null"]}
           for f in open(files).read().split()]
json.dump(entries, open(out, "w"), indent=1)
EOF
fi

# ---- measuring -----------------------------------------------------------------------
# record SECTION CONFIG RUN WALL_NS RSS_KB RC
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$TSV"; }

# time_one SECTION CONFIG RUN DIR cmd...: one process, timed.
time_one() {
  local sec=$1 cfg=$2 run=$3 dir=$4 t0 t1 rc=0
  shift 4
  t0=$(now_ns)
  (cd "$dir" && /usr/bin/time -f %M -o "$WORK/rss" "$@" >/dev/null 2>&1) || rc=$?
  t1=$(now_ns)
  record "$sec" "$cfg" "$run" "$((t1 - t0))" "$(tail -n 1 "$WORK/rss")" "$rc"
}

# time_glibc CONFIG RUN: the batch, one file after the other.
time_glibc() {
  local cfg=$1 run=$2 t0 t1 rc=0 f
  local -a extra fl
  read -r -a extra <<<"$(flags_of "$cfg")"
  read -r -a fl <<<"$GLIBC_FLAGS"
  : >"$WORK/rss.batch"
  t0=$(now_ns)
  (cd "$GLIBC_ROOT" && while IFS= read -r f; do
     /usr/bin/time -f %M -a -o "$WORK/rss.batch" "$CLANG" -fsyntax-only "${extra[@]}" "${fl[@]}" "$f" \
       >/dev/null 2>&1 || exit 1
   done <"$WORK/glibc.files") || rc=$?
  t1=$(now_ns)
  record glibc "$cfg" "$run" "$((t1 - t0))" "$(sort -n "$WORK/rss.batch" | tail -n 1)" "$rc"
}

# time_check CONFIG RUN: plain = xargs -P2 clang; default = sendsync-check -j2.
time_check() {
  local cfg=$1 run=$2 t0 t1 rc=0
  local -a fl
  read -r -a fl <<<"$GLIBC_FLAGS"
  t0=$(now_ns)
  if [ "$cfg" = plain ]; then
    (cd "$GLIBC_ROOT" && /usr/bin/time -f %M -o "$WORK/rss" \
       xargs -a "$WORK/glibc.files" -P 2 -I{} "$CLANG" -fsyntax-only "${fl[@]}" {} >/dev/null 2>&1) || rc=$?
  else
    (cd "$GLIBC_ROOT" && /usr/bin/time -f %M -o "$WORK/rss" \
       "$CHECK_BIN" -p "$WORK/db" -j 2 --clang="$CLANG" --plugin="$PLUGIN" -q --no-progress \
       >"$WORK/check.out" 2>&1) || rc=$?
  fi
  t1=$(now_ns)
  record check "$cfg" "$run" "$((t1 - t0))" "$(tail -n 1 "$WORK/rss")" "$rc"
}

run_section() {
  local sec=$1 run=$2 cfg i n=${#CONFIGS[@]}
  local -a cfgs=("${CONFIGS[@]}")
  case "$sec" in
    check) cfgs=(plain default) ;;
    glibc) cfgs=(plain default strict) ;;   # facts: sqlite and stress only
  esac
  n=${#cfgs[@]}
  for ((i = 0; i < n; i++)); do
    cfg=${cfgs[$(( (i + run) % n ))]}     # rotate the order run by run
    local -a extra
    read -r -a extra <<<"$(flags_of "$cfg")"
    case "$sec" in
      sqlite) time_one sqlite "$cfg" "$run" "$SQLITE_DIR" "$CLANG" -fsyntax-only "${extra[@]}" \
                -DSQLITE_THREADSAFE=1 sqlite3.c ;;
      stress) time_one stress "$cfg" "$run" "$WORK" "$CLANG" -fsyntax-only "${extra[@]}" \
                -I "$ROOT/annotations" stress.c ;;
      glibc) time_glibc "$cfg" "$run" ;;
      check) time_check "$cfg" "$run" ;;
    esac
  done
}

say "plugin $PLUGIN; clang $CLANG; $RUNS runs per configuration"
for sec in "${SECTIONS[@]}"; do
  # One warm-up run per configuration (page cache, plugin loading), not recorded.
  say "$sec: warm-up"
  TSV_SAVE=$TSV; TSV=/dev/null; run_section "$sec" 0; TSV=$TSV_SAVE
  for ((r = 1; r <= RUNS; r++)); do
    say "$sec: run $r/$RUNS"
    run_section "$sec" "$r"
  done
done

if [ "$CALLGRIND" = 1 ]; then
  for sec in sqlite stress; do
    has "$sec" || continue
    for cfg in "${CONFIGS[@]}"; do
      say "$sec: callgrind $cfg"
      read -r -a extra <<<"$(flags_of "$cfg")"
      if [ "$sec" = sqlite ]; then
        dir=$SQLITE_DIR; args=(-DSQLITE_THREADSAFE=1 sqlite3.c)
      else
        dir=$WORK; args=(-I "$ROOT/annotations" stress.c)
      fi
      (cd "$dir" && valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.$sec.$cfg" \
         "$CLANG" -fsyntax-only "${extra[@]}" "${args[@]}" >/dev/null 2>"$WORK/cg.err") || true
      ir=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$WORK/cg.err" | tail -n 1)
      printf '%s\t%s\t%s\n' "$sec" "$cfg" "${ir:-0}" >>"$CGTSV"
    done
  done
fi
LOAD_END=$(uptime)

# ---- report ----------------------------------------------------------------------------
python3 - "$TSV" "$CGTSV" "$RUNS" <<EOF
import collections, statistics, sys
tsv, cgtsv, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [l.rstrip("\n").split("\t") for l in open(tsv) if l.strip()]
data = collections.defaultdict(dict)   # (sec, cfg) -> run -> (wall_s, rss_kb, rc)
for sec, cfg, run, ns, rss, rc in rows:
    data[(sec, cfg)][int(run)] = (int(ns) / 1e9, int(rss or 0), int(rc))
titles = {
  "sqlite": "SQLite amalgamation ${SQLITE_VERSION:-} (sqlite3.c, -DSQLITE_THREADSAFE=1)",
  "glibc":  "glibc thread tests, one batch of ${GLIBC_N:-0} files (of ${GLIBC_ALL:-0}) clang parses, sequential",
  "stress": "gen_stress.py k=${STRESS_K} (${STRESS_LINES:-0} lines)",
  "check":  "sendsync-check -j2 vs xargs -P2 clang -fsyntax-only, ${GLIBC_N:-0} glibc files",
}
targets = {("sqlite", "default"): 1.02, ("sqlite", "strict"): 1.05, ("check", "default"): 1.10}
facts_target = {"sqlite": 1.01}   # facts against default
print("sendsync benchmark: ${PLUGIN} (LLVM ${LLVM_MAJOR}), ${RUNS} runs per configuration")
print("load at start: ${LOAD_START}")
print("load at end:   ${LOAD_END}")
for sec in "${SECTIONS[*]}".split():
    base = data.get((sec, "plain"))
    if not base:
        continue
    print()
    print("== %s ==" % titles[sec])
    print("%-8s %10s %10s %10s %10s %12s %s" % ("config", "median s", "min s", "ratio", "paired", "peak RSS MB", "target"))
    for cfg in ("plain", "default", "strict", "facts"):
        d = data.get((sec, cfg))
        if not d:
            continue
        walls = [v[0] for v in d.values()]
        med = statistics.median(walls)
        rss = max(v[1] for v in d.values()) / 1024
        bmed = statistics.median(v[0] for v in base.values())
        ratio = med / bmed
        paired = statistics.median(d[r][0] / base[r][0] for r in d if r in base)
        bad = sorted(set(v[2] for v in d.values()) - {0})
        t = targets.get((sec, cfg))
        verdict = "" if t is None else ("<= %.2f: %s" % (t, "met" if ratio <= t else "MISSED"))
        print("%-8s %10.3f %10.3f %10.3f %10.3f %12.1f %s%s" % (
            cfg, med, min(walls), ratio, paired, rss, verdict,
            "  (exit status %s in some runs)" % bad if bad else ""))
cg = [l.rstrip("\n").split("\t") for l in open(cgtsv) if l.strip()]
if cg:
    print()
    print("== callgrind: instructions executed (one run each; independent of load) ==")
    by = {(s, c): int(n) for s, c, n in cg}
    for sec in ("sqlite", "stress"):
        if (sec, "plain") not in by or not by[(sec, "plain")]:
            continue
        for cfg in ("plain", "default", "strict", "facts"):
            if (sec, cfg) not in by:
                continue
            n = by[(sec, cfg)]
            t = targets.get((sec, cfg))
            verdict = "" if t is None else ("  <= %.2f: %s" % (t, "met" if n / by[(sec, "plain")] <= t else "MISSED"))
            if cfg == "facts" and by.get((sec, "default")):
                r = n / by[(sec, "default")]
                ft = facts_target.get(sec)
                verdict = "  vs default %.4f (+%s Ir)%s" % (
                    r, format(n - by[(sec, "default")], ","),
                    "" if ft is None else "  <= %.2f: %s" % (ft, "met" if r <= ft else "MISSED"))
            print("%-7s %-8s %16s Ir  ratio %.4f%s" % (sec, cfg, format(n, ","), n / by[(sec, "plain")], verdict))
EOF
if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  cp "$TSV" "$CGTSV" "$KEEP/"
  cp "$WORK"/cg.*.* "$KEEP/" 2>/dev/null || true
fi
