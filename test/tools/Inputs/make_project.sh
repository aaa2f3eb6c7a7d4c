#!/usr/bin/env bash
# Copies the test project to <dir> and writes its compile_commands.json
# with the real paths: make_project.sh <dir> <annotations dir>
set -eu
src=$(dirname "$0")/project
dir=$1
annotations=$2
rm -rf "$dir"
mkdir -p "$dir"
cp -r "$src"/. "$dir"
sed -e "s|@DIR@|$dir|g" -e "s|@ANNOTATIONS@|$annotations|g" \
  "$dir/compile_commands.json.in" > "$dir/compile_commands.json"
rm "$dir/compile_commands.json.in"
