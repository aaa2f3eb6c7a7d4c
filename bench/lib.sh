# shellcheck shell=bash
# bench/lib.sh - shared by the bench/ scripts (sourced, not run).
#
# Sets ROOT; provides die/say, find_build (sets BUILD CLANG PLUGIN SANITIZED,
# exports LD_PRELOAD/ASAN_OPTIONS for a sanitizer build), use_plugin
# (--plugin SO: another plugin file for the same clang), need_time,
# glibc_root/glibc_flags (the flags scripts/realcode.sh uses), now_ms.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${SENDSYNC_CORPORA:-$ROOT/build/corpora}
ME=$(basename "$0" .sh)

die() { echo "$ME: $*" >&2; exit 2; }
say() { echo "$ME: $*" >&2; }

usage_from_header() {
  sed -n '2,/^set -euo/p' "$1" | sed '$d; s/^# \{0,1\}//'
}

# find_build [DIR] [prefer...]: the build directory to measure.
find_build() {
  local want=${1:-} d
  shift || true
  if [ -z "$want" ]; then
    for d in "$@"; do
      if [ -f "$ROOT/$d/lib/sendsync.so" ]; then want=$ROOT/$d; break; fi
    done
  fi
  [ -n "$want" ] || die "no build directory with lib/sendsync.so (tried: $*); build one, e.g.
  cmake -S . -B build/llvm-22-bench -G Ninja -DSENDSYNC_LLVM_VERSION=22 -DCMAKE_BUILD_TYPE=Release && cmake --build build/llvm-22-bench -j2
or pass --build DIR"
  BUILD=$(cd "$want" 2>/dev/null && pwd) || die "build directory '$want' not found"
  local site="$BUILD/test/lit.site.cfg.py"
  [ -f "$site" ] || die "$site not found: is $BUILD a configured sendsync build directory?"
  _site() { sed -n "s/^config\.$1 = \"\(.*\)\"\$/\1/p" "$site" | head -n 1; }
  CLANG=$(_site sendsync_clang)
  PLUGIN=$(_site sendsync_plugin)
  LLVM_MAJOR=$(_site llvm_version_major)
  [ -x "$CLANG" ] || die "clang '$CLANG' (from $site) not found"
  [ -f "$PLUGIN" ] || die "plugin $PLUGIN not built (cmake --build $BUILD)"
  SANITIZED=0
  ASAN_RT=
  if grep -q '^config.sendsync_sanitize = True' "$site"; then
    local rt
    rt=$(_site sendsync_asan_runtime)
    [ -f "$rt" ] || die "sanitizer build but no ASan runtime '$rt' (apt-get install libclang-rt-$LLVM_MAJOR-dev)"
    ASAN_RT=$rt
    SANITIZED=1
  fi
}

# use_plugin [SO]: measure SO instead of the build's plugin (e.g. a frozen
# copy of an older build). SO must be built for the same clang, and of the
# same kind as the build: --build decides whether the ASan runtime is
# preloaded.
use_plugin() {
  [ -n "${1:-}" ] || return 0
  [ -f "$1" ] || die "--plugin: '$1' not found"
  PLUGIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
}

# sanitizer_env: for a sanitizer build, export what test/lit.cfg.py sets: the
# plugin is sanitized, clang is not, so the ASan runtime is preloaded; clang
# leaks on purpose (no leak detection).
sanitizer_env() {
  [ "$SANITIZED" = 1 ] || return 0
  export LD_PRELOAD="$ASAN_RT"
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:halt_on_error=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  local sym="/usr/lib/llvm-$LLVM_MAJOR/bin/llvm-symbolizer"
  if [ -x "$sym" ]; then
    export ASAN_SYMBOLIZER_PATH=$sym UBSAN_SYMBOLIZER_PATH=$sym
  fi
}

need_time() {
  [ -x /usr/bin/time ] || die "/usr/bin/time not found: peak RSS is measured with GNU time.
  fix: apt-get install time     (sudo if you are not root)"
}

need_cmd() {
  command -v "$1" >/dev/null 2>&1 || die "$1 not found${2:+ ($2)}"
}

# glibc_root: the extracted glibc tree of the corpus cache.
glibc_root() {
  [ -f "$CACHE/glibc/.complete" ] || die "glibc corpus missing in $CACHE/glibc: run scripts/fetch-corpora.sh"
  local top
  top=$(ls -d "$CACHE"/glibc/glibc-*/ | sort -V | tail -n 1)
  echo "${top%/}"
}

# glibc_flags ROOT: the flags of scripts/realcode.sh for the thread tests.
glibc_flags() {
  local root=$1 d flags
  flags="-D_GNU_SOURCE -I$root -idirafter $root/nptl -idirafter $root/sysdeps/pthread"
  flags+=" -idirafter $root/include"
  for d in sysdeps/unix/sysv/linux/x86_64/64 sysdeps/unix/sysv/linux/x86_64 \
           sysdeps/unix/sysv/linux/x86 sysdeps/unix/sysv/linux sysdeps/x86_64 \
           sysdeps/x86 sysdeps/unix sysdeps/nptl sysdeps/generic; do
    [ -d "$root/$d" ] && flags+=" -idirafter $root/$d"
  done
  echo "$flags"
}

sqlite_dir() {
  local dir="$CACHE/sqlite"
  [ -f "$dir/.complete" ] && [ -f "$dir/sqlite3.c" ] \
    || die "sqlite corpus missing in $dir: run scripts/fetch-corpora.sh"
  echo "$dir"
}

now_ns() { date +%s%N; }

# The three configurations the benchmarks compare, and the flags each adds
# to plain clang ($PLUGIN must be set by the caller).
# shellcheck disable=SC2034  # used by the scripts that source this file
CONFIGS=(plain default strict)
flags_of() {
  case "$1" in
    plain) ;;
    default) echo "-fplugin=$PLUGIN" ;;
    strict) echo "-fplugin=$PLUGIN -fplugin-arg-sendsync-strict" ;;
    # default mode writing the unit's facts file (run.sh --facts; the
    # caller sets FACTS_OUT, a path it may overwrite)
    facts) echo "-fplugin=$PLUGIN -fplugin-arg-sendsync-facts=${FACTS_OUT:?}" ;;
  esac
}
