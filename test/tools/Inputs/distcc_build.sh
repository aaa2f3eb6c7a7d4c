#!/usr/bin/env bash
# distcc_build.sh WORK CLANG PLUGIN ANNOTATIONS
#
# test/tools/distcc.test: starts two distccd daemons on free 127.0.0.1 ports
# (only 127.0.0.1 allowed), builds the project in distcc/ through them
# (DISTCC_HOSTS names only the two daemons; no local fallback, no local
# retry), builds it locally too, and prints what it found:
#   - that each daemon compiles jobs (a probe compile to each alone);
#   - that distccd refuses -fplugin= in a job's arguments;
#   - which of the project's files the daemons compiled (from their logs);
#   - whether each object's diagnostics are the same in both builds;
#   - where the facts files (-fplugin-arg-sendsync-facts) went.
# Exits non-zero when a step fails. The daemons it starts are stopped on
# every exit (trap).
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: $0 WORK CLANG PLUGIN ANNOTATIONS" >&2; exit 2; }
dest=$1
clang=$(realpath "$2")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

rm -rf "$dest"
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)

# The daemons may run as another user (below), who may not be able to read
# the build tree (a checkout under /root): everything they read (the
# wrapper, the plugin, the project, the markers' header, whose lines the
# diagnostics quote) is copied to a directory of its own under /tmp, which
# is copied to WORK and removed at the end.
work=$(mktemp -d "/tmp/sendsync-distcc.XXXXXX")
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/lib" "$work/include" "$work/src"
cp "$3" "$work/lib/sendsync.so"
cp "$4/sendsync.h" "$work/include/"
cp "$here/distcc/main.c" "$here/distcc/worker.c" "$here/distcc/worker.h" \
  "$here/distcc/Makefile" "$work/src/"
chmod -R a+rX "$work"
plugin=$work/lib/sendsync.so
annotations=$work/include
project=$work/src

# Only what this script sets reaches distcc.
for v in $(env | sed -n 's/^\(DISTCC[A-Z_]*\)=.*/\1/p'); do
  unset "$v"
done

# ---- the daemons -----------------------------------------------------------
groups=()
stop_daemons() {
  local g i
  for g in "${groups[@]}"; do
    kill -TERM -- "-$g" 2>/dev/null || true
  done
  for g in "${groups[@]}"; do
    for i in $(seq 50); do
      kill -0 -- "-$g" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$g" 2>/dev/null || true
  done
  groups=()
}
# A command that may hang (a client that retries a host forever) runs in
# the background, in its own process group (timeout's), bounded: the traps
# run at once when the script is killed (bash runs them only between
# foreground commands), and kill it too.
child=
bounded() {
  local rc=0
  timeout -k 5 120 "$@" &
  child=$!
  wait "$child" || rc=$?
  child=
  return "$rc"
}
cleanup() {
  [ -z "$child" ] || kill -KILL -- "-$child" 2>/dev/null || true
  stop_daemons
  cp -a "$work/." "$dest/" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# distccd keeps no root privileges: run as root, it switches to --user (or
# to "distcc"/"nobody") and exits if it cannot. Run by anyone else, it
# stays that user. Its log and temporary directories must be that user's.
daemon_user=
user_args=()
if [ "$(id -u)" -eq 0 ]; then
  for u in distccd distcc nobody; do
    if getent passwd "$u" >/dev/null; then
      daemon_user=$u
      break
    fi
  done
  [ -n "$daemon_user" ] || { echo "distcc_build: no unprivileged user for distccd" >&2; exit 1; }
  user_args=(--user "$daemon_user")
fi

# The compiler the daemons may run: the sendsync-cc wrapper, nothing else.
mkdir -p "$work/bin"
wrapper=$work/bin/sendsync-cc
sed -e "s|@CLANG@|$clang|g" -e "s|@PLUGIN@|$plugin|g" "$here/distcc/sendsync-cc.in" > "$wrapper"
chmod 755 "$wrapper"
printf '%s\n' "$wrapper" > "$work/cmdlist"
chmod 644 "$work/cmdlist"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_daemon NAME: sets port_NAME.
start_daemon() {
  local name=$1 dir=$work/$1 port pid i try
  mkdir -p "$dir/tmp"
  [ -z "$daemon_user" ] || chown "$daemon_user" "$dir" "$dir/tmp"
  for try in 1 2 3 4 5; do
    port=$(free_port)
    rm -f "$dir/log"
    env TMPDIR="$dir/tmp" DISTCC_CMDLIST="$work/cmdlist" \
      setsid distccd --daemon --no-detach "${user_args[@]}" \
      --allow 127.0.0.1 --listen 127.0.0.1 --port "$port" --jobs 2 \
      --log-file "$dir/log" --log-level info </dev/null >>"$dir/stderr" 2>&1 &
    pid=$!
    # setsid made it a process group of its own (stopped as a group: the
    # daemon forks its workers).
    groups+=("$pid")
    for i in $(seq 100); do
      if grep -q 'listening on' "$dir/log" 2>/dev/null; then
        if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" != "$pid" ]; then
          echo "distcc_build: distccd ($pid) is not a process group leader" >&2
          exit 1
        fi
        printf -v "port_$name" '%s' "$port"
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    stop_daemons_one "$pid"
  done
  echo "distcc_build: distccd $name did not start:" >&2
  cat "$dir/stderr" "$dir/log" >&2 2>/dev/null || true
  exit 1
}

stop_daemons_one() {
  local g=$1 i kept=()
  kill -TERM -- "-$g" 2>/dev/null || true
  for i in $(seq 50); do
    kill -0 -- "-$g" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$g" 2>/dev/null || true
  for i in "${groups[@]}"; do
    [ "$i" = "$g" ] || kept+=("$i")
  done
  groups=("${kept[@]}")
}

start_daemon d1
start_daemon d2
echo "daemons: 2 on 127.0.0.1, allowing 127.0.0.1 only"

# ---- the client ------------------------------------------------------------
mkdir -p "$work/distcc-dir"
export DISTCC_DIR=$work/distcc-dir   # its locks and state, not ~/.distcc
export DISTCC_FALLBACK=0             # never compile locally when a host fails
export DISTCC_SKIP_LOCAL_RETRY=1     # nor after a failed remote compile
export DISTCC_VERBOSE=1
export DISTCC_LOG=$work/client.log

# await_log COUNT PATTERN FILE...: waits up to 10 s until PATTERN matches
# COUNT lines of the FILEs. A daemon logs a job's summary after it has sent
# the result back, so the client can be done before the line is there.
await_log() {
  local want=$1 pattern=$2 i
  shift 2
  for i in $(seq 100); do
    [ "$(cat "$@" 2>/dev/null | grep -c -- "$pattern")" -ge "$want" ] && return 0
    sleep 0.1
  done
  return 1
}

# Each daemon alone compiles a file (no localhost in DISTCC_HOSTS).
printf 'int probe(void) { return 0; }\n' > "$work/probe.c"
for d in d1 d2; do
  port_var=port_$d
  DISTCC_HOSTS="127.0.0.1:${!port_var}" bounded distcc "$wrapper" -c "$work/probe.c" -o "$work/probe-$d.o"
  if await_log 1 'COMPILE_OK.*probe\.c' "$work/$d/log"; then
    echo "daemon $d: probe compiled remotely"
  else
    echo "daemon $d: probe NOT compiled remotely"
  fi
done

# distccd refuses a job that names a plugin itself (even the one the
# wrapper loads, even with --enable-tcp-insecure). (Its own DISTCC_DIR:
# the failure puts the host in a back-off period there.)
mkdir -p "$work/distcc-dir-refused"
if DISTCC_DIR=$work/distcc-dir-refused DISTCC_HOSTS="127.0.0.1:$port_d1" bounded distcc "$wrapper" "-fplugin=$plugin" \
     -c "$work/probe.c" -o "$work/probe-plugin.o" 2>"$work/refused.err"; then
  echo "-fplugin= in the job: accepted"
else
  echo "-fplugin= in the job: refused"
fi
refusal='fplugin= and/or -specs= passed, which are insecure and not supported'
await_log 1 "$refusal" "$work/d1/log" || true
grep -ho "$refusal" "$work/d1/log" | sort -u || true

# ---- the project, through distcc and locally -------------------------------
export DISTCC_HOSTS="127.0.0.1:$port_d1/2 127.0.0.1:$port_d2/2"
cflags="-I$annotations -fplugin-arg-sendsync-facts"
mkdir -p "$work/remote" "$work/local"
: > "$work/client.log"
bounded make -s -C "$work/remote" -f "$project/Makefile" -j2 SRCDIR="$project" CC="distcc $wrapper" CFLAGS="$cflags"
bounded make -s -C "$work/local" -f "$project/Makefile" -j2 SRCDIR="$project" CC="$wrapper" CFLAGS="$cflags"

# What the daemons compiled (their job summaries), and what the client says.
sources=$(find "$project" -maxdepth 1 -name '*.c' | wc -l)
await_log $((sources + 2)) 'COMPILE_OK' "$work/d1/log" "$work/d2/log" || true
echo "compiled by the daemons: $(cat "$work/d1/log" "$work/d2/log" | sed -n 's|.*COMPILE_OK.*/\([^/ ]*\.c\)$|\1|p' | grep -v '^probe\.c$' | sort | tr '\n' ' ')"
echo "compiled on 127.0.0.1 (client): $(sed -n 's|.* bytes from .*/\([^/ ]*\.c\) compiled on 127\.0\.0\.1 .*|\1|p' "$work/client.log" | sort | tr '\n' ' ')"
if grep -Eqi 'fallback|running locally|compile .* locally' "$work/client.log"; then
  echo "local compiles by distcc: yes"
else
  echo "local compiles by distcc: none"
fi

for err in "$work/local"/*.o.err; do
  name=$(basename "$err")
  if cmp -s "$err" "$work/remote/$name"; then
    echo "diagnostics of ${name%.err}: same ($(grep -c 'warning: .*\[sendsync-' "$err" || true) sendsync warnings)"
  else
    echo "diagnostics of ${name%.err}: DIFFERENT"
    diff "$err" "$work/remote/$name" || true
  fi
done

# -fplugin-arg-sendsync-facts puts the facts beside the object; the object
# distccd writes is a temporary on the server, and only the object comes
# back.
count() { find "$@" -name '*.sendsync-facts' | wc -l | tr -d ' '; }
echo "facts beside the local objects: $(count "$work/local")"
echo "facts beside the distcc objects: $(count "$work/remote")"
echo "facts left on the daemons: $(count "$work/d1/tmp" "$work/d2/tmp")"
