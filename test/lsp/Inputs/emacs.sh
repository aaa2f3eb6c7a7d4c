#!/bin/bash
# emacs.sh <tmp> %lspargs: headless Emacs with Eglot and docs/editors.md's
# configuration, verbatim, in wrap mode, in a project path with "+" and a
# space (runs emacs_test.el).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$1; shift
while [ $# -gt 0 ]; do
  case $1 in
    --lsp) SS_LSP=$2;; --clang) SS_CLANG=$2;; --plugin) SS_PLUGIN=$2;;
    --annotations) ann=$2;; --clangd) SS_CLANGD=$2;;
  esac
  shift 2
done
root="$tmp/c++ proj"
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
python3 "$here/snippet.py" "$here/../../../docs/editors.md" emacs-wrap > "$tmp/snippet.el"
mkdir -p "$tmp/bin"
# sendsync-lsp's stderr goes to a log: Eglot would show it in a buffer only.
printf '#!/bin/sh\nexec "%s" "--clang=%s" "--plugin=%s" "$@" 2>>"%s"\n' \
  "$SS_LSP" "$SS_CLANG" "$SS_PLUGIN" "$tmp/lsp.stderr" > "$tmp/bin/sendsync-lsp"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$SS_CLANGD" > "$tmp/bin/clangd"
chmod +x "$tmp/bin/sendsync-lsp" "$tmp/bin/clangd"
export PATH="$tmp/bin:$PATH" SS_SNIPPET=$tmp/snippet.el SS_ROOT=$root
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config
cd "$root"
timeout 300 emacs --batch --no-init-file -l "$here/emacs_test.el"
