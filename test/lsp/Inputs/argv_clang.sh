#!/bin/bash
# Stands in for clang: logs its arguments, one per line, then runs clang.
printf '%s\n' "$@" > "$SS_LOG"
exec "$SS_REAL_CLANG" "$@"
