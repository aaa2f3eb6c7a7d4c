#!/usr/bin/env bash
# Fetch the real-code corpora that scripts/realcode.sh and test/realcode/ run
# the plugin over. Nothing fetched here is committed: it all lives in the
# cache directory (default: build/corpora/, which git ignores with build/).
#
#   scripts/fetch-corpora.sh [--cache DIR] [--only CORPUS] [--force]
#
# Corpora:
#   glibc   glibc's own thread tests, from the Debian package glibc-source
#           (/usr/src/glibc/glibc-*.tar.xz). Only what the tests need is
#           extracted: nptl/ and sysdeps/pthread/ (the tests and their local
#           headers), support/, include/, test-skeleton.c, the sources of
#           other directories that a test includes ("../elf/tst-execstack.c")
#           and the test helpers it finds through glibc's sysdeps search path
#           (tst-skeleton-thread-affinity.c, tst-stack-align.h).
#           -> DIR/glibc/glibc-<version>/
#   sqlite  the SQLite amalgamation shipped by the npm package
#           better-sqlite3@12 (`npm pack`): sqlite3.c, sqlite3.h,
#           sqlite3ext.h and the package's list of SQLite defines.
#           -> DIR/sqlite/
#   ovs     Open vSwitch, from the Debian package openvswitch-source
#           (/usr/src/openvswitch/openvswitch.tar.gz). Extracted without the
#           generated test suites, configured (./configure --disable-ssl,
#           needs gcc, make and python3) and with the generated sources that
#           lib/, ofproto/ and vswitchd/ include made (the OVSDB IDL, the
#           OpenFlow tables, odp-netlink.h, dirs.c): 10 to 20 s.
#           -> DIR/ovs/openvswitch-<version>/
#   libgomp GCC's OpenMP runtime, from the Debian package gcc-12-source
#           (/usr/src/gcc-12/gcc-*.tar.xz, the upstream tarball, without
#           Debian's patches). Only libgomp/ (without its test programs),
#           include/ and the autoconf helpers of the top directory are
#           extracted; libgomp's own configure (--disable-multilib, with gcc)
#           writes config.h, omp.h and libgomp_f.h into a build directory,
#           and the list of libgomp.la's C sources is taken from its Makefile
#           (each found on the Makefile's vpath, config/linux/x86,
#           config/linux, config/posix, then libgomp/): 10 to 20 s.
#           -> DIR/libgomp/gcc-<version>/, DIR/libgomp/build/,
#              DIR/libgomp/sources (one path a line, relative to libgomp/)
#
# Idempotent: a corpus whose stamp file (DIR/<corpus>/.complete) records the
# same source is left alone; --force fetches it again. Exits non-zero, with
# the command that fixes it, when glibc-source, npm, openvswitch-source or
# gcc-12-source (or a tool that configures them) is missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE="$ROOT/build/corpora"
ONLY=all
FORCE=0
SQLITE_PACKAGE=${SENDSYNC_SQLITE_PACKAGE:-better-sqlite3@12}
GLIBC_SRC_DIR=${SENDSYNC_GLIBC_SRC_DIR:-/usr/src/glibc}
OVS_SRC_DIR=${SENDSYNC_OVS_SRC_DIR:-/usr/src/openvswitch}
GCC_SRC_DIR=${SENDSYNC_GCC_SRC_DIR:-/usr/src/gcc-12}
CORPORA="glibc, sqlite, ovs or libgomp"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

die() { echo "fetch-corpora: $*" >&2; exit 1; }
say() { echo "fetch-corpora: $*"; }

while [ "$#" -gt 0 ]; do
  case "$1" in
    --cache) [ "$#" -ge 2 ] || die "--cache needs a directory"; CACHE=$2; shift 2 ;;
    --cache=*) CACHE=${1#--cache=}; shift ;;
    --only) [ "$#" -ge 2 ] || die "--only needs $CORPORA"; ONLY=$2; shift 2 ;;
    --only=*) ONLY=${1#--only=}; shift ;;
    --force) FORCE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
case "$ONLY" in all|glibc|sqlite|ovs|libgomp) ;; *) die "--only takes $CORPORA, not '$ONLY'" ;; esac
mkdir -p "$CACHE" || die "cannot create the cache directory $CACHE"
CACHE=$(cd "$CACHE" && pwd)

# ---- glibc ----------------------------------------------------------------------
fetch_glibc() {
  local tarball
  tarball=$(printf '%s\n' "$GLIBC_SRC_DIR"/glibc-*.tar.xz | sort -V | tail -n 1)
  if [ ! -f "$tarball" ]; then
    die "no $GLIBC_SRC_DIR/glibc-*.tar.xz: the glibc sources are missing.
  fix: apt-get install glibc-source     (sudo if you are not root)"
  fi
  command -v xz >/dev/null 2>&1 || die "xz not found (apt-get install xz-utils)"
  local base top dest stamp source
  base=$(basename "$tarball" .tar.xz)          # glibc-2.36
  dest="$CACHE/glibc"
  stamp="$dest/.complete"
  source="$tarball $(stat -c '%s %Y' "$tarball")"
  if [ "$FORCE" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$source" ] \
     && [ -d "$dest/$base" ]; then
    say "glibc: up to date ($dest/$base)"
    return 0
  fi
  say "glibc: extracting the thread tests from $tarball"
  rm -rf "$dest"
  mkdir -p "$dest"
  local list="$dest/.members"
  tar -tJf "$tarball" >"$list" || die "cannot list $tarball (is it a complete download?)"
  top=$(head -n 1 "$list" | cut -d/ -f1)
  [ "$top" = "$base" ] || die "$tarball: unexpected top directory '$top'"

  # Round 1: the test directories, the test driver and glibc's wrapper headers.
  local -a first=()
  local m
  while IFS= read -r m; do first+=("$m"); done < <(
    grep -E "^$top/((nptl|sysdeps/pthread|support|include)/[^/]+|test-skeleton\.c)\$" "$list")
  [ "${#first[@]}" -gt 100 ] || die "$tarball: nptl/ and sysdeps/pthread/ not found"
  printf '%s\n' "${first[@]}" | tar -xJf "$tarball" -C "$dest" --files-from=- \
    || die "extracting from $tarball failed"

  # Further rounds: what the tests include from elsewhere in the tree, until
  # nothing new is needed.
  local extra
  for _ in 1 2 3 4 5; do
    extra=$(python3 - "$dest/$top" "$list" <<'EOF'
import os, re, sys
root, listing = sys.argv[1], sys.argv[2]
top = os.path.basename(root)
members = set(l.strip() for l in open(listing))
# glibc's sysdeps search path for x86_64 Linux, most specific first (only
# test helpers named tst-* are looked up there).
sysdeps = ["sysdeps/unix/sysv/linux/x86_64/64", "sysdeps/unix/sysv/linux/x86_64",
           "sysdeps/unix/sysv/linux/x86", "sysdeps/unix/sysv/linux",
           "sysdeps/x86_64", "sysdeps/x86", "sysdeps/unix", "sysdeps/nptl",
           "sysdeps/generic"]
inc = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
# The include path scripts/realcode.sh gives clang: -I <root>, then (after the
# system headers) nptl, sysdeps/pthread, include and the sysdeps directories.
search = ["", "nptl", "sysdeps/pthread", "include"] + sysdeps
need = set()
for dirpath, _, files in os.walk(root):
    for f in files:
        if not (f.startswith("tst-") or f.startswith("test-")):
            continue
        path = os.path.join(dirpath, f)
        rel_dir = os.path.relpath(dirpath, root)
        try:
            text = open(path, errors="replace").read()
        except OSError:
            continue
        for quote, name in inc.findall(text):
            base = os.path.basename(name)
            # Only test helpers: other tests' sources and tst-* headers, not
            # glibc's internal headers (those need a configured glibc build).
            if not (name.endswith(".c") or base.startswith("tst-")):
                continue
            cands = [os.path.join(rel_dir, name)] if quote == '"' else []
            cands += [os.path.join(d, name) for d in search]
            for c in map(os.path.normpath, cands):
                if c.startswith(".."):
                    continue
                if top + "/" + c in members:
                    if not os.path.exists(os.path.join(root, c)):
                        need.add(top + "/" + c)
                    # A sysdeps helper may #include_next the more generic
                    # one: take every one on the search path.
                    if not c.startswith("sysdeps/"):
                        break
print("\n".join(sorted(need)))
EOF
    ) || die "scanning the includes of the glibc tests failed"
    [ -n "$extra" ] || break
    printf '%s\n' "$extra" | tar -xJf "$tarball" -C "$dest" --files-from=- \
      || die "extracting from $tarball failed"
  done
  rm -f "$list"
  local -a tests=("$dest/$top"/nptl/tst-*.c "$dest/$top"/sysdeps/pthread/tst-*.c)
  echo "$source" >"$stamp"
  say "glibc: ${#tests[@]} thread tests in $dest/$top ($(du -sh "$dest" | cut -f1))"
}

# ---- sqlite ---------------------------------------------------------------------
fetch_sqlite() {
  local dest="$CACHE/sqlite" stamp
  stamp="$dest/.complete"
  if [ "$FORCE" = 0 ] && [ -f "$stamp" ] && [ -f "$dest/sqlite3.c" ] \
     && [ "$(sed -n 1p "$stamp")" = "$SQLITE_PACKAGE" ]; then
    say "sqlite: up to date ($dest/sqlite3.c, $(sed -n 2p "$stamp"))"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm not found: it fetches the SQLite amalgamation ($SQLITE_PACKAGE).
  fix: apt-get install npm     (sudo if you are not root)"
  say "sqlite: npm pack $SQLITE_PACKAGE"
  rm -rf "$dest"
  mkdir -p "$dest/pack"
  local tgz
  if ! tgz=$(cd "$dest/pack" && npm pack --silent "$SQLITE_PACKAGE" 2>"$dest/pack/npm.log" | tail -n 1); then
    cat "$dest/pack/npm.log" >&2
    die "npm pack $SQLITE_PACKAGE failed (is the npm registry reachable? see the npm output above)"
  fi
  { [ -n "$tgz" ] && [ -f "$dest/pack/$tgz" ]; } || die "npm pack $SQLITE_PACKAGE wrote no tarball"
  tar -xzf "$dest/pack/$tgz" -C "$dest/pack" \
    package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h \
    package/deps/sqlite3/sqlite3ext.h package/deps/defines.gypi \
    || die "$tgz does not ship deps/sqlite3/sqlite3.c (has the package changed its layout?)"
  mv "$dest/pack/package/deps/sqlite3/"* "$dest/"
  mv "$dest/pack/package/deps/defines.gypi" "$dest/"
  local version
  version=$(sed -n 's/^#define SQLITE_VERSION *"\(.*\)"/\1/p' "$dest/sqlite3.h" | head -n 1)
  rm -rf "$dest/pack"
  printf '%s\n%s\nSQLite %s\n' "$SQLITE_PACKAGE" "${tgz%.tgz}" "$version" >"$stamp"
  say "sqlite: SQLite $version from ${tgz%.tgz} in $dest"
}

# ---- helpers for the configured corpora ------------------------------------------
# need_tools <corpus> <command>...: die, naming the apt-get install, when one is missing.
need_tools() {
  local corpus=$1 tool pkg
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 && continue
    case "$tool" in
      xz) pkg=xz-utils ;;
      *) pkg=$tool ;;
    esac
    die "$corpus: '$tool' not found: it is needed to configure the corpus.
  fix: apt-get install $pkg     (sudo if you are not root)"
  done
}

# run_logged <log> <command>...: run quietly; on failure show the log's tail.
run_logged() {
  local log=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    return 1
  fi
}

# ---- ovs ------------------------------------------------------------------------
fetch_ovs() {
  local tarball="$OVS_SRC_DIR/openvswitch.tar.gz"
  if [ ! -f "$tarball" ]; then
    die "no $tarball: the Open vSwitch sources are missing.
  fix: apt-get install openvswitch-source     (sudo if you are not root)"
  fi
  local dest="$CACHE/ovs" stamp source version tree
  stamp="$dest/.complete"
  source="$tarball $(stat -c '%s %Y' "$tarball")"
  if [ "$FORCE" = 0 ] && [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$source" ] \
     && [ -d "$(sed -n 2p "$stamp")" ]; then
    say "ovs: up to date ($(sed -n 2p "$stamp"))"
    return 0
  fi
  need_tools ovs gcc make python3
  say "ovs: extracting and configuring $tarball"
  rm -rf "$dest"
  mkdir -p "$dest"
  # The generated test suites (tests/*testsuite, 45 MB) are not needed.
  tar -xzf "$tarball" -C "$dest" --exclude='openvswitch/tests/testsuite' \
    --exclude='openvswitch/tests/*-testsuite' \
    || die "extracting $tarball failed"
  [ -f "$dest/openvswitch/configure" ] || die "$tarball: no openvswitch/configure (has the package changed its layout?)"
  version=$(sed -n 's/^AC_INIT(openvswitch, *\([^,]*\),.*/\1/p' "$dest/openvswitch/configure.ac")
  [ -n "$version" ] || die "$tarball: no version in configure.ac"
  tree="$dest/openvswitch-$version"
  mv "$dest/openvswitch" "$tree"
  # --disable-ssl: lib/stream-ssl.c is then not built (it stays in the corpus,
  # and clang rejects it without OpenSSL's configuration).
  (cd "$tree" && run_logged "$dest/configure.log" ./configure --disable-ssl) \
    || die "ovs: ./configure --disable-ssl failed (log: $dest/configure.log)"
  # The sources that lib/, ofproto/ and vswitchd/ include but the tarball
  # does not ship: made by python3 scripts and sed from the tree.
  (cd "$tree" && run_logged "$dest/make.log" make lib/vswitch-idl.h lib/vswitch-idl.c \
     lib/ovsdb-server-idl.h lib/ovsdb-server-idl.c lib/ofp-errors.inc lib/ofp-msgs.inc \
     lib/meta-flow.inc lib/nx-match.inc lib/ofp-actions.inc1 lib/ofp-actions.inc2 \
     include/odp-netlink.h include/odp-netlink-macros.h lib/dirs.c) \
    || die "ovs: making the generated sources failed (log: $dest/make.log)"
  printf '%s\n%s\nOpen vSwitch %s\n' "$source" "$tree" "$version" >"$stamp"
  local -a files=("$tree"/lib/*.c "$tree"/ofproto/*.c "$tree"/vswitchd/*.c)
  say "ovs: Open vSwitch $version, ${#files[@]} C files in lib/, ofproto/, vswitchd/ ($tree, $(du -sh "$dest" | cut -f1))"
}

# ---- libgomp --------------------------------------------------------------------
fetch_libgomp() {
  local tarball
  tarball=$(printf '%s\n' "$GCC_SRC_DIR"/gcc-*.tar.xz | sort -V | tail -n 1)
  if [ ! -f "$tarball" ]; then
    die "no $GCC_SRC_DIR/gcc-*.tar.xz: the GCC 12 sources are missing.
  fix: apt-get install gcc-12-source     (sudo if you are not root)"
  fi
  local dest="$CACHE/libgomp" stamp source top
  stamp="$dest/.complete"
  source="$tarball $(stat -c '%s %Y' "$tarball")"
  if [ "$FORCE" = 0 ] && [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$source" ] \
     && [ -s "$dest/sources" ]; then
    say "libgomp: up to date ($(sed -n 2p "$stamp"))"
    return 0
  fi
  need_tools libgomp xz gcc make
  say "libgomp: extracting and configuring libgomp from $tarball"
  rm -rf "$dest"
  mkdir -p "$dest/build"
  # The top directory (gcc-12.2.0), from the first member: xz stops early.
  top=$(set +o pipefail; tar -tJf "$tarball" 2>/dev/null | head -n 1)
  top=${top%%/*}
  [[ "$top" =~ ^gcc-[0-9.]+$ ]] || die "$tarball: unexpected top directory '$top'"
  # libgomp/ without its test programs (testsuite/ keeps the Makefile.in and
  # .exp.in files that configure writes), GCC's shared include/ and the
  # helpers libgomp/configure runs from the top directory.
  tar -xJf "$tarball" -C "$dest" --exclude="$top/libgomp/testsuite/*/*" \
    "$top/libgomp" "$top/include" "$top/config.guess" "$top/config.sub" \
    "$top/install-sh" "$top/ltmain.sh" "$top/config-ml.in" "$top/missing" \
    "$top/depcomp" "$top/compile" "$top/mkinstalldirs" "$top/gcc/BASE-VER" \
    || die "extracting libgomp from $tarball failed"
  (cd "$dest/build" && run_logged "$dest/configure.log" \
     "../$top/libgomp/configure" --disable-multilib) \
    || die "libgomp: configure --disable-multilib failed (log: $dest/configure.log)"
  # libgomp.la's C sources, each found on the Makefile's vpath: the
  # configured config_path directories (linux/x86 linux posix), then libgomp/.
  local vars
  # shellcheck disable=SC2016  # make expands these, not the shell
  vars=$(printf 'sendsync-vars:\n\t@echo $(config_path)\n\t@echo $(libgomp_la_SOURCES)\n' |
         make -s -C "$dest/build" -f Makefile -f - sendsync-vars) \
    || die "libgomp: cannot read libgomp_la_SOURCES from $dest/build/Makefile"
  local -a config_path sources
  read -r -a config_path <<<"$(sed -n 1p <<<"$vars")"
  read -r -a sources <<<"$(sed -n 2p <<<"$vars")"
  local f d found
  : >"$dest/sources.tmp"
  for f in "${sources[@]}"; do
    [[ "$f" == *.c ]] || continue
    found=
    for d in "${config_path[@]/#/config/}" .; do
      if [ -f "$dest/$top/libgomp/$d/$f" ]; then found="$d/$f"; break; fi
    done
    [ -n "$found" ] || die "libgomp: source $f not found on the vpath (${config_path[*]})"
    echo "${found#./}" >>"$dest/sources.tmp"
  done
  [ "$(wc -l <"$dest/sources.tmp")" -gt 20 ] || die "libgomp: too few sources in libgomp_la_SOURCES"
  mv "$dest/sources.tmp" "$dest/sources"
  local version
  version=$(cat "$dest/$top/gcc/BASE-VER")
  printf '%s\n%s\nlibgomp of GCC %s\n' "$source" "$dest/$top" "$version" >"$stamp"
  say "libgomp: GCC $version, $(wc -l <"$dest/sources") C sources of libgomp.la (config_path: ${config_path[*]}) in $dest ($(du -sh "$dest" | cut -f1))"
}

case "$ONLY" in
  all) fetch_glibc; fetch_sqlite; fetch_ovs; fetch_libgomp ;;
  *) "fetch_$ONLY" ;;
esac
