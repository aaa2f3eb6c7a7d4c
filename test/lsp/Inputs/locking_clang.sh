#!/bin/bash
# Stands in for clang: takes an exclusive lock for as long as the real clang
# runs (the lock file descriptor survives the exec and dies with clang), and
# logs "overlap" if another check already holds it.
exec 9>>"$SS_LOCK_DIR/lock"
if ! flock -n 9; then echo overlap >> "$SS_LOCK_DIR/log"; fi
echo start >> "$SS_LOCK_DIR/log"
exec "$SS_REAL_CLANG" "$@"
