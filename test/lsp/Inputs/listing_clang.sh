#!/bin/bash
# Stands in for clang: records what sendsync-lsp's private temporary
# directory holds while a check runs (mode, then "mode name" per file), waits
# $SS_SLEEP seconds (a check the test can interrupt), then runs clang.
shopt -s nullglob
for d in "$TMPDIR"/sendsync.*; do
  echo "dir $(stat -c %a "$d")" >> "$SS_LOG"
  for f in "$d"/*; do echo "file $(stat -c %a "$f") $(basename "$f")" >> "$SS_LOG"; done
done
echo end >> "$SS_LOG"
sleep "${SS_SLEEP:-0}"
exec "$SS_REAL_CLANG" "$@"
