#!/usr/bin/env bash
# Snapshot what a plugin build says about every C input of the test suite, so
# that a refactoring can prove its output is byte-identical:
#
#   scripts/golden.sh --build build/llvm-22 --out /tmp/before
#   ... change the plugin, rebuild ...
#   scripts/golden.sh --build build/llvm-22 --out /tmp/after
#   diff -r /tmp/before /tmp/after
#
# For every .c/.cpp file under test/ (Inputs included) and examples/, it runs
# the plugin four times: default and strict mode, each with dump-spawns and
# the JSON report, and keeps stdout, stderr (the diagnostics) and the JSON,
# with the build's paths replaced by placeholders. Add --realcode to also keep
# the per-file outputs of scripts/realcode.sh over the fetched corpora, in
# both modes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build/llvm-22"
OUT=
REALCODE=0
PLUGIN=

usage() { sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
while [ "$#" -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --plugin) PLUGIN=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --realcode) REALCODE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "golden: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[ -n "$OUT" ] || { echo "golden: --out DIR is required" >&2; exit 2; }
BUILD=$(cd "$BUILD" && pwd)
PLUGIN=${PLUGIN:-$BUILD/lib/sendsync.so}
CLANG=$(sed -n 's/^config.sendsync_clang = "\(.*\)"$/\1/p' "$BUILD/test/lit.site.cfg.py")
[ -x "$CLANG" ] || { echo "golden: no clang recorded in $BUILD/test/lit.site.cfg.py" >&2; exit 2; }
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run_one() { # <file> <mode>
  local src=$1 mode=$2 rel dest dir lang=()
  rel=${src#"$ROOT"/}
  dest="$OUT/$rel.$mode"
  dir=$(dirname "$src")
  mkdir -p "$(dirname "$dest")"
  case "$src" in *.cpp) lang=(-x c++) ;; esac
  local args=(-fsyntax-only "${lang[@]}" -fplugin="$PLUGIN"
              -fplugin-arg-sendsync-dump-spawns
              -fplugin-arg-sendsync-json="$tmp/report.json"
              -I "$ROOT/annotations" -I "$dir" -I "$dir/Inputs")
  [ "$mode" = strict ] && args+=(-fplugin-arg-sendsync-strict)
  rm -f "$tmp/report.json"
  (cd "$dir" && "$CLANG" "${args[@]}" "$src" >"$dest.out" 2>"$dest.err") || true
  [ -f "$tmp/report.json" ] && cp "$tmp/report.json" "$dest.json"
  sed -i "s|$PLUGIN|<plugin>|g; s|$ROOT|<root>|g; s|$tmp|<tmp>|g" "$dest".* 2>/dev/null || true
}

count=0
while IFS= read -r -d '' src; do
  run_one "$src" default
  run_one "$src" strict
  count=$((count + 1))
done < <(find "$ROOT/test" "$ROOT/examples" -type f \( -name '*.c' -o -name '*.cpp' \) -print0 | sort -z)
echo "golden: $count inputs, 2 modes each -> $OUT"

if [ "$REALCODE" = 1 ]; then
  for mode in default strict; do
    flag=()
    [ "$mode" = strict ] && flag=(--strict)
    "$ROOT/scripts/realcode.sh" --build "$BUILD" --plugin "$PLUGIN" "${flag[@]}" --keep "$OUT/realcode-$mode" \
      >"$OUT/realcode-$mode.summary" 2>&1 || true
  done
  echo "golden: real-code outputs -> $OUT/realcode-{default,strict}"
fi
