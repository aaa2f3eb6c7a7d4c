#!/bin/bash
# nvim.sh <mode> <tmp> %lspargs: makes the project and runs nvim_test.lua.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mode=$1 tmp=$2; shift 2
while [ $# -gt 0 ]; do
  case $1 in
    --lsp) SS_LSP=$2;; --clang) SS_CLANG=$2;; --plugin) SS_PLUGIN=$2;;
    --annotations) ann=$2;; --clangd) SS_CLANGD=$2;;
  esac
  shift 2
done
root=$tmp/proj
mkdir -p "$root"
cat > "$root/job.c" <<'C'
#include <sendsync.h>

struct SS_SEND job {
  int id;
  int *counter SS_BORROWED;
};
int use(void) { return undeclared_name; }
C
python3 - "$root" "$SS_CLANG" "$ann" <<'PY'
import json, sys
root, clang, ann = sys.argv[1:]
json.dump([{"directory": root, "file": "job.c",
            "arguments": [clang, "-std=c11", "-I", ann, "-c", "job.c"]}],
          open(root + "/compile_commands.json", "w"))
PY
# The configuration is docs/editors.md's, verbatim; it names "sendsync-lsp"
# and "clangd", which these shims on PATH provide.
python3 "$here/snippet.py" "$here/../../../docs/editors.md" "nvim-$mode" > "$tmp/snippet.lua"
mkdir -p "$tmp/bin"
printf '#!/bin/sh\nexec "%s" "--clang=%s" "--plugin=%s" "$@"\n' "$SS_LSP" "$SS_CLANG" "$SS_PLUGIN" \
  > "$tmp/bin/sendsync-lsp"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$SS_CLANGD" > "$tmp/bin/clangd"
chmod +x "$tmp/bin/sendsync-lsp" "$tmp/bin/clangd"
export PATH="$tmp/bin:$PATH" SS_SNIPPET=$tmp/snippet.lua
export SS_LSP SS_CLANG SS_PLUGIN SS_CLANGD SS_ROOT=$root SS_MODE=$mode
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache
cd "$root"
timeout 300 nvim --headless --clean -u NONE -i NONE -n -c "lua local ok, e = pcall(dofile, [[$here/nvim_test.lua]]) if not ok then io.stdout:write(\"FAIL: \" .. tostring(e) .. \"\\n\") vim.cmd(\"cquit! 1\") end" </dev/null
