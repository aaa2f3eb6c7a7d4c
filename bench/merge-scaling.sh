#!/usr/bin/env bash
# How sendsync-merge's cost grows with the number of facts files.
#
#   bench/merge-scaling.sh [--build DIR] [--sizes "500 1000 2000 4000"]
#                          [--callgrind] [--keep DIR]
#
# Writes N synthetic facts files (bench/merge-scaling.sh's own generator,
# below) for each N and merges them: wall time and peak RSS (GNU time), and
# with --callgrind the instructions (valgrind --tool=callgrind, independent
# of the machine's load). Each unit defines 12 external functions (a spawn
# wrapper, a join helper, 10 with access summaries), one static thread entry,
# `main` (defined differently in every unit: the conflict of a test suite),
# one of 40 names shared by 50 units each with the same facts (kept once),
# and references 6 functions of other units. Linear cost: the "per unit"
# columns stay flat as N doubles.
#
# Needs python3, GNU time (/usr/bin/time); valgrind for --callgrind.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build/llvm-22
SIZES="500 1000 2000 4000"
CALLGRIND=0
KEEP=
while [ $# -gt 0 ]; do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --callgrind) CALLGRIND=1; shift ;;
    --keep) KEEP=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "merge-scaling.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
MERGE=$BUILD/bin/sendsync-merge
[ -x "$MERGE" ] || { echo "merge-scaling.sh: $MERGE not built (ninja sendsync-merge)" >&2; exit 2; }
WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
[ -n "$KEEP" ] || trap 'rm -rf "$WORK"' EXIT

generate() { # generate DIR N
  python3 - "$1" "$2" <<'PY'
import json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)

def summary(i, f, nparams):
    params = []
    for p in range(nparams):
        params.append({"index": p, "name": "p%d" % p, "uses": [
            {"at": "u%d.c:%d" % (i, 10 * f + p), "kind": "write",
             "part": {"fields": ["n%d" % p], "record": "struct s%d" % (f % 7)},
             "locks": [{"global": "g_lock"}]},
            {"at": "u%d.c:%d" % (i, 10 * f + p + 1), "kind": "read"}]})
    return {"params": params}

for i in range(n):
    fns = {}
    for f in range(10):
        fns["u%d_f%d" % (i, f)] = {"at": "u%d.c:%d" % (i, 10 * f), "summary": summary(i, f, 2)}
    fns["u%d_start" % i] = {"at": "u%d.c:200" % i, "summary": summary(i, 0, 1),
                            "spawn_wrapper": {"arg_param": 1, "entry_param": 0, "at": "u%d.c:201" % i,
                                              "handle": "param", "handle_param": 2}}
    fns["u%d_join" % i] = {"at": "u%d.c:210" % i, "join_helper": {"param": 0},
                           "summary": {"params": []}}
    fns["main"] = {"at": "u%d.c:300" % i, "summary": {"params": [], "acquires": [{"global": "l%d" % i}]}}
    fns["shared_%d" % (i % 40)] = {"at": "u%d.c:400" % i, "summary": summary(0, 1, 1)}
    refs = sorted({"u%d_f%d" % ((i + k) % n, k) for k in range(1, 4)} |
                  {"u%d_start" % ((i + 1) % n), "u%d_join" % ((i + 1) % n), "shared_%d" % ((i + 1) % 40)})
    entries = {"entry": {"at": "u%d.c:100" % i, "static": True, "summary": summary(i, 3, 1),
                         "globals": [{"at": "u%d.c:101" % i, "name": "counter"}]}}
    doc = {"directory": "/bench", "format": "sendsync-facts", "functions": fns,
           "references": refs, "spawn_sites": 1, "thread_entries": entries,
           "translation_unit": "u%d.c" % i, "version": 1}
    with open(os.path.join(out, "u%d.facts" % i), "w") as fh:
        fh.write(json.dumps(doc, sort_keys=True, separators=(",", ":")) + "\n")
PY
}

printf '%6s %10s %8s %9s %16s %12s\n' units "facts (B)" "time (s)" "RSS (MB)" instructions "instr/unit"
for n in $SIZES; do
  dir=$WORK/n$n
  [ -d "$dir" ] || generate "$dir" "$n"
  (cd "$dir" && ls -1 ./*.facts | sort > list)
  bytes=$(cat "$dir"/*.facts | wc -c)
  (cd "$dir" && /usr/bin/time -o time -f '%e %M' "$MERGE" -o db --list list 2>/dev/null)
  stats=$(tail -1 "$dir/time")
  secs=${stats% *}; rss=$(( ${stats#* } / 1024 ))
  ir=-; per=-
  if [ "$CALLGRIND" = 1 ]; then
    (cd "$dir" && valgrind --tool=callgrind --callgrind-out-file=cg.out \
       "$MERGE" -o db --list list >/dev/null 2>cg.log)
    ir=$(sed -n 's/^summary: *//p' "$dir/cg.out")
    per=$(( ir / n ))
  fi
  printf '%6s %10s %8s %9s %16s %12s\n' "$n" "$bytes" "$secs" "$rss" "$ir" "$per"
done
