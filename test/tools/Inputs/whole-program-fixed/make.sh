#!/usr/bin/env bash
# Copies the three-file project of whole-program-fixed-entry.test to <dir> and writes its
# compile_commands.json with the real paths: make.sh <dir>
set -eu
src=$(dirname "$0")
rm -rf "$1"
mkdir -p "$1"
cp "$src"/*.c "$src"/*.h "$1"
sed -e "s|@DIR@|$1|g" "$src/compile_commands.json.in" > "$1/compile_commands.json"
