#!/usr/bin/env bash
# Run the sendsync plugin over real, unannotated, correct C code: glibc's own
# thread tests, the SQLite amalgamation, Open vSwitch and GCC's libgomp
# (fetched by scripts/fetch-corpora.sh).
#
#   scripts/realcode.sh [--build DIR] [--plugin SO] [--cache DIR] [--strict]
#                       [--corpus NAME] [-j N] [--min-spawns NAME=N ...]
#                       [--include HEADER] [--grep STRING] [--list] [--keep DIR]
#                       [--facts DIR] [--program DB] [--compile-db FILE]
#
# Options:
#   --build DIR        build directory holding lib/sendsync.so (default:
#                      $SENDSYNC_BUILD, else build/llvm-22, else the newest
#                      build/llvm-N). Its test/lit.site.cfg.py names the clang
#                      the plugin was built for and, for a sanitizer build, the
#                      ASan runtime to preload.
#   --plugin SO        run this sendsync.so instead of the build's own (e.g. a
#                      copy of another commit's plugin). It must be built for
#                      the build's LLVM; clang and the ASan runtime still come
#                      from the build directory, and the runtime is preloaded
#                      when SO needs it (an ASan build links libclang_rt.asan).
#   --cache DIR        where fetch-corpora.sh put the corpora (default:
#                      $SENDSYNC_CORPORA, else build/corpora)
#   --strict           run with -fplugin-arg-sendsync-strict: findings are then
#                      expected; they are listed by check id
#   --corpus NAME      glibc, sqlite, ovs or libgomp (repeatable; default: all
#                      four)
#   -j N               parallel clang processes (default 2)
#   --min-spawns NAME=N   fail unless corpus NAME shows at least N spawn sites
#   --include HEADER   force-include HEADER into every file, with annotations/
#                      on the include path: a user's header that marks the
#                      project's own spawn function with SS_THREAD_ENTRY and
#                      SS_THREAD_ARG (test/realcode/Inputs/*.h)
#   --program DB       run with -fplugin-arg-sendsync-program=DB: a program
#                      database (sendsync-merge) of the facts of the corpus's
#                      other files, e.g. glibc's support library
#   --facts DIR        also write each file's facts (-fplugin-arg-sendsync-facts)
#                      to DIR/<n>.facts, n the file's number in the run, for
#                      sendsync-merge: a program database of the corpus made
#                      with the very flags of the run (DIR is created)
#   --compile-db FILE  write the files of the run, with their flags, as a
#                      compile_commands.json to FILE and stop (no run): for
#                      sendsync-check over a corpus
#   --grep STRING      run only the files that contain STRING (e.g. the name of
#                      the function --include marks)
#   --list             print every finding and spawn-site count per file
#   --keep DIR         keep the per-file outputs (stderr, dump-spawns) in DIR
#   --explained FILE   default-mode findings docs/realcode.md explains as real
#                      bugs ("<corpus> <path>:<line>:<col> <check-id>" per
#                      line, # comments): they are allowed, any other finding
#                      fails, and so does a listed one no longer reported
#
# For every file the plugin is run once (with dump-spawns) and plain clang once
# (no plugin). Per corpus it prints: files, files clang itself rejects (and
# which), sendsync findings by check id, spawn sites seen (by how the spawn API
# is known), and "crashes": files where clang with the plugin exits differently
# from plain clang or prints a crash or sanitizer report.
#
# Exit status: 0 when no file crashed, every --min-spawns holds and, in the
# default mode, there is no finding at all (unannotated correct code must come
# out clean); 1 otherwise; 2 for a usage or environment error.
# shellcheck disable=SC2317  # add_<corpus>, run_one and cleanup are called indirectly
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; /^# shellcheck /d; s/^# \{0,1\}//'
}
die() { echo "realcode: $*" >&2; exit 2; }

BUILD=${SENDSYNC_BUILD:-}
PLUGIN_SO=
ALL_CORPORA=(glibc sqlite ovs libgomp)
CACHE=${SENDSYNC_CORPORA:-$ROOT/build/corpora}
STRICT=0
JOBS=2
LIST=0
KEEP=
EXPLAINED=
INCLUDE=
PROGRAM=
FACTS=
COMPILE_DB=
GREP=
declare -a CORPORA=()
declare -A MIN_SPAWNS=()

while [ "$#" -gt 0 ]; do
  case "$1" in
    --build) [ "$#" -ge 2 ] || die "--build needs a directory"; BUILD=$2; shift 2 ;;
    --build=*) BUILD=${1#*=}; shift ;;
    --plugin) [ "$#" -ge 2 ] || die "--plugin needs a sendsync.so"; PLUGIN_SO=$2; shift 2 ;;
    --plugin=*) PLUGIN_SO=${1#*=}; shift ;;
    --cache) [ "$#" -ge 2 ] || die "--cache needs a directory"; CACHE=$2; shift 2 ;;
    --cache=*) CACHE=${1#*=}; shift ;;
    --strict) STRICT=1; shift ;;
    --corpus) [ "$#" -ge 2 ] || die "--corpus needs a corpus name (${ALL_CORPORA[*]})"; CORPORA+=("$2"); shift 2 ;;
    --corpus=*) CORPORA+=("${1#*=}"); shift ;;
    -j) [ "$#" -ge 2 ] || die "-j needs a number"; JOBS=$2; shift 2 ;;
    -j*) JOBS=${1#-j}; shift ;;
    --min-spawns) [ "$#" -ge 2 ] || die "--min-spawns needs NAME=N"; spec=$2; shift 2
                  MIN_SPAWNS[${spec%%=*}]=${spec#*=} ;;
    --min-spawns=*) spec=${1#*=}; shift; MIN_SPAWNS[${spec%%=*}]=${spec#*=} ;;
    --include) [ "$#" -ge 2 ] || die "--include needs a header"; INCLUDE=$2; shift 2 ;;
    --include=*) INCLUDE=${1#*=}; shift ;;
    --program) [ "$#" -ge 2 ] || die "--program needs a file"; PROGRAM=$2; shift 2
               [ -f "$PROGRAM" ] || die "--program: no file '$PROGRAM'" ;;
    --facts) [ "$#" -ge 2 ] || die "--facts needs a directory"; FACTS=$2; shift 2 ;;
    --facts=*) FACTS=${1#*=}; shift ;;
    --compile-db) [ "$#" -ge 2 ] || die "--compile-db needs a file"; COMPILE_DB=$2; shift 2 ;;
    --grep) [ "$#" -ge 2 ] || die "--grep needs a string"; GREP=$2; shift 2 ;;
    --grep=*) GREP=${1#*=}; shift ;;
    --list) LIST=1; shift ;;
    --keep) [ "$#" -ge 2 ] || die "--keep needs a directory"; KEEP=$2; shift 2 ;;
    --explained) [ "$#" -ge 2 ] || die "--explained needs a file"; EXPLAINED=$2; shift 2
                 [ -f "$EXPLAINED" ] || die "--explained: no file '$EXPLAINED'" ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[ "${#CORPORA[@]}" -gt 0 ] || CORPORA=("${ALL_CORPORA[@]}")
for c in "${CORPORA[@]}"; do
  case "$c" in glibc|sqlite|ovs|libgomp) ;; *) die "unknown corpus '$c' (${ALL_CORPORA[*]})" ;; esac
done
for c in "${!MIN_SPAWNS[@]}"; do
  case "$c" in glibc|sqlite|ovs|libgomp) ;; *) die "--min-spawns: unknown corpus '$c'" ;; esac
  [[ "${MIN_SPAWNS[$c]}" =~ ^[0-9]+$ ]] || die "--min-spawns $c=${MIN_SPAWNS[$c]}: not a number"
done
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "-j takes a positive number, not '$JOBS'"

# ---- the build: plugin, clang, sanitizer runtime ----------------------------------
if [ -z "$BUILD" ]; then
  if [ -f "$ROOT/build/llvm-22/lib/sendsync.so" ]; then
    BUILD=$ROOT/build/llvm-22
  else
    BUILD=$(for d in "$ROOT"/build/llvm-[0-9]*; do
              if [ -f "$d/lib/sendsync.so" ]; then echo "$d"; fi; done | sort -V | tail -n 1)
  fi
  [ -n "$BUILD" ] || die "no build directory with lib/sendsync.so; build first (make build) or pass --build DIR"
fi
BUILD=$(cd "$BUILD" 2>/dev/null && pwd) || die "build directory '$BUILD' not found"
SITE="$BUILD/test/lit.site.cfg.py"
[ -f "$SITE" ] || die "$SITE not found: is $BUILD a configured sendsync build directory?"
site() { sed -n "s/^config\.$1 = \"\(.*\)\"\$/\1/p" "$SITE" | head -n 1; }
CLANG=$(site sendsync_clang)
[ -x "$CLANG" ] || die "clang '$CLANG' (from $SITE) not found"
if [ -n "$PLUGIN_SO" ]; then
  [ -f "$PLUGIN_SO" ] || die "--plugin $PLUGIN_SO: no such file"
  PLUGIN=$(cd "$(dirname "$PLUGIN_SO")" && pwd)/$(basename "$PLUGIN_SO")
  # (Captured first: grep -q would end readelf early, and pipefail fail it.)
  needed=$(readelf -d "$PLUGIN" 2>/dev/null || true)
  SANITIZE=0
  grep -q 'NEEDED.*libclang_rt\.asan' <<<"$needed" && SANITIZE=1
else
  PLUGIN=$(site sendsync_plugin)
  [ -f "$PLUGIN" ] || die "plugin $PLUGIN not built (cmake --build $BUILD --target sendsync-plugin)"
  SANITIZE=0
  grep -q '^config.sendsync_sanitize = True' "$SITE" && SANITIZE=1
fi
if [ "$SANITIZE" = 1 ]; then
  ASAN_RT=$(site sendsync_asan_runtime)
  [ -f "$ASAN_RT" ] || ASAN_RT=$("$CLANG" -print-file-name=libclang_rt.asan-x86_64.so)
  [ -f "$ASAN_RT" ] || die "sanitizer build but no ASan runtime '$ASAN_RT'"
  export LD_PRELOAD="$ASAN_RT"
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:halt_on_error=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  SANITIZED=" (ASan/UBSan build)"
else
  SANITIZED=""
fi

[ -d "$CACHE" ] || die "no corpora in $CACHE: run scripts/fetch-corpora.sh${CACHE:+ --cache $CACHE} first"
CACHE=$(cd "$CACHE" && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sendsync-realcode.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

# ---- the jobs: one line per clang run ------------------------------------------------
# jobs file: <corpus> TAB <label> TAB <directory to run in> TAB <file> TAB <flags...>
JOBLIST="$WORK/jobs"
: >"$JOBLIST"
# meta file: <corpus> TAB <title> TAB <root stripped from finding paths>
META="$WORK/meta"
: >"$META"

add_glibc() {
  local stamp="$CACHE/glibc/.complete" top root
  [ -f "$stamp" ] || die "glibc corpus missing in $CACHE/glibc: run scripts/fetch-corpora.sh --cache $CACHE"
  top=$(printf '%s\n' "$CACHE"/glibc/glibc-*/ | sort -V | tail -n 1)
  root=${top%/}
  printf 'glibc\tglibc thread tests (%s: nptl/tst-*.c, sysdeps/pthread/tst-*.c)\t%s\n' \
    "$(basename "$root")" "$root" >>"$META"
  # -I <root> resolves <support/...>; the test directories, glibc's wrapper
  # headers and the sysdeps test helpers come after the system headers, so
  # <pthread.h> stays the installed one.
  local flags="-D_GNU_SOURCE -I$root -idirafter $root/nptl -idirafter $root/sysdeps/pthread"
  flags+=" -idirafter $root/include"
  local d
  for d in sysdeps/unix/sysv/linux/x86_64/64 sysdeps/unix/sysv/linux/x86_64 \
           sysdeps/unix/sysv/linux/x86 sysdeps/unix/sysv/linux sysdeps/x86_64 \
           sysdeps/x86 sysdeps/unix sysdeps/nptl sysdeps/generic; do
    [ -d "$root/$d" ] && flags+=" -idirafter $root/$d"
  done
  local f
  for f in "$root"/nptl/tst-*.c "$root"/sysdeps/pthread/tst-*.c; do
    printf 'glibc\t%s\t%s\t%s\t%s\n' "${f#"$root"/}" "$root" "${f#"$root"/}" "$flags" >>"$JOBLIST"
  done
}

add_sqlite() {
  local dir="$CACHE/sqlite"
  { [ -f "$dir/.complete" ] && [ -f "$dir/sqlite3.c" ]; } \
    || die "sqlite corpus missing in $dir: run scripts/fetch-corpora.sh --cache $CACHE"
  printf 'sqlite\tSQLite amalgamation (%s)\t%s\n' "$(sed -n 3p "$dir/.complete")" "$dir" >>"$META"
  # 1. the amalgamation's own defaults, thread-safe.
  printf 'sqlite\t%s\t%s\t%s\t%s\n' "sqlite3.c [defaults]" "$dir" sqlite3.c \
    "-DSQLITE_THREADSAFE=1" >>"$JOBLIST"
  # 2. better-sqlite3's feature set (its deps/defines.gypi), thread-safe
  #    (it builds with SQLITE_THREADSAFE=2), with the sorter's worker threads.
  local defs
  defs=$(sed -n "s/^ *'\([A-Z_][A-Z0-9_]*\(=[^']*\)\{0,1\}\)',\{0,1\}\$/-D\1/p" "$dir/defines.gypi" \
         | grep -v '^-DSQLITE_THREADSAFE=' | tr '\n' ' ')
  printf 'sqlite\t%s\t%s\t%s\t%s\n' "sqlite3.c [better-sqlite3 defines]" "$dir" sqlite3.c \
    "$defs-DSQLITE_THREADSAFE=1 -DSQLITE_MAX_WORKER_THREADS=8 -DSQLITE_DEFAULT_WORKER_THREADS=2" >>"$JOBLIST"
}

# Open vSwitch, configured by fetch-corpora.sh: every C file of lib/,
# ofproto/ and vswitchd/ (Windows, BSD, DPDK and AF_XDP files included: clang
# rejects those, and the plugin still runs on their partial ASTs), with the
# include path of its Makefile.
add_ovs() {
  local stamp="$CACHE/ovs/.complete" root
  [ -f "$stamp" ] || die "ovs corpus missing in $CACHE/ovs: run scripts/fetch-corpora.sh --cache $CACHE"
  root=$(sed -n 2p "$stamp")
  [ -f "$root/config.h" ] || die "ovs corpus in $root is not configured: run scripts/fetch-corpora.sh --cache $CACHE --only ovs --force"
  printf 'ovs\t%s (lib/, ofproto/, vswitchd/)\t%s\n' "$(sed -n 3p "$stamp")" "$root" >>"$META"
  local flags="-DHAVE_CONFIG_H -I$root -I$root/include -I$root/lib" f
  for f in "$root"/lib/*.c "$root"/ofproto/*.c "$root"/vswitchd/*.c; do
    printf 'ovs\t%s\t%s\t%s\t%s\n' "${f#"$root"/}" "$root" "${f#"$root"/}" "$flags" >>"$JOBLIST"
  done
}

# libgomp, configured by fetch-corpora.sh: libgomp.la's C sources (the list
# in DIR/libgomp/sources), with the include path and the flags of its
# Makefile (config.h and omp.h from the build directory first, then the
# config_path directories), plus three for clang: GCC 12 accepts the
# pointer types of ptrlock.h's __atomic_compare_exchange_n (clang makes
# them errors) and the two-argument __malloc__ (omp_free) attribute of omp.h
# (clang 19 rejects it, 22 ignores it; the macro drops the argument).
add_libgomp() {
  local dir="$CACHE/libgomp" stamp top src
  stamp="$dir/.complete"
  { [ -f "$stamp" ] && [ -s "$dir/sources" ]; } \
    || die "libgomp corpus missing in $dir: run scripts/fetch-corpora.sh --cache $CACHE"
  top=$(sed -n 2p "$stamp")
  src="$top/libgomp"
  printf 'libgomp\t%s (libgomp.la, x86_64 Linux)\t%s\n' "$(sed -n 3p "$stamp")" "$src" >>"$META"
  local flags="-DHAVE_CONFIG_H -I$dir/build -I$src" d
  local -a config_path
  read -r -a config_path <<<"$(sed -n 's/^config_path = //p' "$dir/build/Makefile")"
  for d in "${config_path[@]}"; do
    flags+=" -I$src/config/$d"
  done
  flags+=" -I$src -I$top/include -pthread -ftls-model=initial-exec -DUSING_INITIAL_EXEC_TLS"
  flags+=" -Wno-error=incompatible-pointer-types -Wno-error=int-conversion -D__malloc__(...)=__malloc__"
  local f
  while IFS= read -r f; do
    printf 'libgomp\t%s\t%s\t%s\t%s\n' "$f" "$src" "$f" "$flags" >>"$JOBLIST"
  done <"$dir/sources"
}

for c in "${CORPORA[@]}"; do "add_$c"; done

if [ -n "$GREP" ]; then
  while IFS=$'\t' read -r c label dir file flags; do
    if grep -q -F -- "$GREP" "$dir/$file"; then
      printf '%s\t%s\t%s\t%s\t%s\n' "$c" "$label" "$dir" "$file" "$flags"
    fi
  done <"$JOBLIST" >"$JOBLIST.grep"
  mv "$JOBLIST.grep" "$JOBLIST"
fi
if [ -n "$INCLUDE" ]; then
  [ -f "$INCLUDE" ] || die "--include $INCLUDE: no such file"
  INCLUDE=$(cd "$(dirname "$INCLUDE")" && pwd)/$(basename "$INCLUDE")
  sed -i "s|\$| -I$ROOT/annotations -include $INCLUDE|" "$JOBLIST"
fi

if [ -n "$COMPILE_DB" ]; then
  python3 - "$JOBLIST" "$CLANG" >"$COMPILE_DB" <<'EOF' || die "--compile-db: cannot write '$COMPILE_DB'"
import json, sys
joblist, clang = sys.argv[1:3]
entries = []
for line in open(joblist):
    corpus, label, directory, file, flags = line.rstrip("\n").split("\t")
    entries.append({"directory": directory, "file": file,
                    "arguments": [clang, "-c", *flags.split(), file]})
json.dump(entries, sys.stdout, indent=1)
EOF
  exit 0
fi

# ---- run -----------------------------------------------------------------------------
PLUGIN_FLAGS="-fplugin=$PLUGIN -fplugin-arg-sendsync-dump-spawns"
[ "$STRICT" = 0 ] || PLUGIN_FLAGS+=" -fplugin-arg-sendsync-strict"
[ -z "$PROGRAM" ] || PLUGIN_FLAGS+=" -fplugin-arg-sendsync-program=$(cd "$(dirname "$PROGRAM")" && pwd)/$(basename "$PROGRAM")"
if [ -n "$FACTS" ]; then
  mkdir -p "$FACTS" || die "--facts: cannot create '$FACTS'"
  FACTS=$(cd "$FACTS" && pwd)
fi
export CLANG PLUGIN_FLAGS WORK FACTS

# run_one <index> <corpus> <label> <dir> <file> <flags>: writes WORK/out/<index>.*
run_one() {
  local corpus=$2 label=$3 dir=$4 file=$5 flags=$6 o="$WORK/out/$1"
  local -a fl
  read -r -a fl <<<"$flags"
  local -a ff=()
  [ -z "$FACTS" ] || ff=("-fplugin-arg-sendsync-facts=$FACTS/$1.facts")
  local rc=0 prc=0
  (cd "$dir" && "$CLANG" -fsyntax-only "${fl[@]}" "$file") >/dev/null 2>"$o.plain" || prc=$?
  # shellcheck disable=SC2086
  (cd "$dir" && "$CLANG" -fsyntax-only $PLUGIN_FLAGS "${ff[@]}" "${fl[@]}" "$file") >"$o.spawns" 2>"$o.err" || rc=$?
  printf '%s\t%s\t%s\t%s\n' "$corpus" "$label" "$prc" "$rc" >"$o.status"
}
export -f run_one
mkdir -p "$WORK/out"

start=$(date +%s)
# shellcheck disable=SC2016  # the inner bash expands $1, not this one
nl -ba -w1 -s$'\t' "$JOBLIST" | tr '\n' '\0' |
  xargs -0 -P "$JOBS" -I{} bash -c 'IFS=$'"'\t'"' read -r i c l d f fl <<<"$1"; run_one "$i" "$c" "$l" "$d" "$f" "$fl"' _ {}
elapsed=$(( $(date +%s) - start ))

# ---- report ----------------------------------------------------------------------------
status=0
NOTE=
[ -z "$INCLUDE" ] || NOTE+="  include: $INCLUDE"$'\n'
[ -z "$PROGRAM" ] || NOTE+="  program database: $PROGRAM"$'\n'
[ -z "$GREP" ] || NOTE+="  only the files that contain: $GREP"$'\n'
export NOTE
export SENDSYNC_EXPLAINED="$EXPLAINED"
python3 - "$WORK/out" "$STRICT" "$LIST" "$(IFS=,; for c in "${!MIN_SPAWNS[@]}"; do printf '%s=%s,' "$c" "${MIN_SPAWNS[$c]}"; done)" \
  "$META" "$CLANG" "$PLUGIN$SANITIZED" "$elapsed" "$JOBS" "${CORPORA[@]}" <<'EOF' || status=$?
import collections, glob, os, re, sys
out, strict, listing, mins, meta, clang, plugin, elapsed, jobs = sys.argv[1:10]
corpora = sys.argv[10:]
titles, roots = {}, {}
for line in open(meta):
    corpus, title, root = line.rstrip("\n").split("\t")
    titles[corpus], roots[corpus] = title, root
strict = strict == "1"; listing = listing == "1"
mins = dict(kv.split("=") for kv in mins.split(",") if kv)
# Default-mode findings that docs/realcode.md explains as real bugs, one per
# line: "<corpus> <path>:<line>:<col> <check-id>" (path from the corpus root).
explained = collections.defaultdict(set)
if os.environ.get("SENDSYNC_EXPLAINED"):
    for line in open(os.environ["SENDSYNC_EXPLAINED"]):
        fields = line.split("#", 1)[0].split()
        if fields:
            explained[fields[0]].add(" ".join(fields[1:]))
finding_re = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*) \[(sendsync-[a-z-]+)\]$")
crash_re = re.compile(r"PLEASE submit a bug report|Stack dump:|ERROR: AddressSanitizer|"
                      r"runtime error:|LeakSanitizer|Segmentation fault|UndefinedBehaviorSanitizer")
spawn_re = re.compile(r"^spawn \S+ via=\S+\((\w+)\)")
results = collections.defaultdict(list)
for status in sorted(glob.glob(os.path.join(out, "*.status")), key=lambda p: int(os.path.basename(p).split(".")[0])):
    base = status[:-len(".status")]
    corpus, label, prc, rc = open(status).read().rstrip("\n").split("\t")
    err = open(base + ".err", errors="replace").read()
    plain = open(base + ".plain", errors="replace").read()
    spawns = [l for l in open(base + ".spawns", errors="replace").read().splitlines() if l.startswith("spawn ")]
    findings = [m.groups() for m in map(finding_re.match, err.splitlines()) if m]
    first_error = next((l for l in plain.splitlines() if ": error: " in l or ": fatal error: " in l), "")
    crash = int(prc) != int(rc) or bool(crash_re.search(err))
    crash_line = next((l for l in err.splitlines() if crash_re.search(l)), "")
    results[corpus].append(dict(label=label, prc=int(prc), rc=int(rc), spawns=spawns,
                                findings=findings, first_error=first_error, crash=crash,
                                crash_line=crash_line))

mode = "strict" if strict else "default"
print("sendsync real-code run (%s mode)" % mode)
print("  clang:  %s" % clang)
print("  plugin: %s" % plugin)
sys.stdout.write(os.environ.get("NOTE", ""))
ok = True
for corpus in corpora:
    rs = results.get(corpus, [])
    print()
    print("== %s ==" % titles[corpus])
    rejected = [r for r in rs if r["prc"] != 0]
    print("%s: files: %d" % (corpus, len(rs)))
    print("%s: files parsed: %d" % (corpus, len(rs) - len(rejected)))
    print("%s: files clang rejects (without the plugin): %d" % (corpus, len(rejected)))
    for r in rejected:
        print("    %s: %s" % (r["label"], re.sub(r"^.*?(fatal error|error): ", "", r["first_error"])))
    # Spawn sites count in the files clang accepts; the plugin still runs on
    # the partial AST of a rejected file, and those sites are shown apart.
    parsed = [r for r in rs if r["prc"] == 0]
    nspawn = sum(len(r["spawns"]) for r in parsed)
    by_origin = collections.Counter(spawn_re.match(s).group(1) for r in parsed for s in r["spawns"] if spawn_re.match(s))
    with_spawn = sum(1 for r in parsed if r["spawns"])
    in_rejected = sum(len(r["spawns"]) for r in rejected)
    print("%s: spawn sites: %d in %d files (%s)%s" % (corpus, nspawn, with_spawn,
          ", ".join("%s %d" % kv for kv in sorted(by_origin.items())) or "none",
          "; %d more in files clang rejects" % in_rejected if in_rejected else ""))
    by_id = collections.Counter(f[5] for r in rs for f in r["findings"])
    nfind = sum(by_id.values())
    distinct = len(set(f[:3] + (f[5],) for r in rs for f in r["findings"]))
    print("%s: findings: %d%s" % (corpus, nfind,
          "" if not by_id else " (" + ", ".join("%s %d" % kv for kv in sorted(by_id.items())) + ")"))
    if nfind:
        print("%s: distinct finding locations: %d" % (corpus, distinct))
    if nfind:
        for cid in sorted(by_id):
            print("  [%s] %d" % (cid, by_id[cid]))
            for r in rs:
                for f in r["findings"]:
                    if f[5] == cid:
                        root = roots[corpus] + "/"
                        path = f[0][len(root):] if f[0].startswith(root) else f[0]
                        # The file that was run: its path, or the configuration.
                        where = r["label"].split(" ", 1)[1] if " [" in r["label"] else r["label"]
                        print("    %s:%s:%s: %s%s" % (path, f[1], f[2], f[4],
                              "" if where == path else "   (%s)" % where))
    crashes = [r for r in rs if r["crash"]]
    print("%s: crashes: %d" % (corpus, len(crashes)))
    for r in crashes:
        print("    %s: clang exit %d with the plugin, %d without%s" % (
            r["label"], r["rc"], r["prc"], ("; " + r["crash_line"].strip()) if r["crash_line"] else ""))
    if listing:
        for r in rs:
            print("    %-50s spawns %d findings %d%s" % (r["label"], len(r["spawns"]), len(r["findings"]),
                  " REJECTED" if r["prc"] else ""))
    if crashes:
        ok = False
    if not strict:
        root = roots[corpus] + "/"
        seen = set("%s:%s:%s %s" % (f[0][len(root):] if f[0].startswith(root) else f[0], f[1], f[2], f[5])
                   for r in rs for f in r["findings"])
        if explained[corpus]:
            print("%s: explained findings (docs/realcode.md): %d of %d" % (
                corpus, len(seen & explained[corpus]), len(explained[corpus])))
        for e in sorted(explained[corpus] - seen):
            print("%s: FAIL: an explained finding is no longer reported (update the list): %s" % (corpus, e))
            ok = False
        if seen - explained[corpus]:
            for u in sorted(seen - explained[corpus]):
                print("%s: unexplained: %s" % (corpus, u))
            print("%s: FAIL: the default mode must report nothing on this corpus" % corpus)
            ok = False
    if corpus in mins and nspawn < int(mins[corpus]):
        print("%s: FAIL: %d spawn sites, expected at least %s" % (corpus, nspawn, mins[corpus]))
        ok = False
print()
print("wall time: %ss with -j%s" % (elapsed, jobs))
print("realcode: %s" % ("OK" if ok else "FAILED"))
sys.exit(0 if ok else 1)
EOF
if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  cp -r "$WORK/out/." "$KEEP/"
fi
exit "$status"
