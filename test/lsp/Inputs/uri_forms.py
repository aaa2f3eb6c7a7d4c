"""One file, two spellings of its URI: the editor's "c++%20proj" and
clangd's (or another client's) "c%2B%2B%20proj". Documents are matched by
their decoded, normalised path, and every publication goes out under the
URI the editor used. In wrap mode clangd's and sendsync's sets merge."""
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
BUGGY = """#include <sendsync.h>

struct SS_SEND job {
  int id;
  int *counter SS_BORROWED;
};
int use_it(void) { return undeclared_name; }
"""
FIXED = BUGGY.replace("int *counter SS_BORROWED;", "int counter;")
proj = Project(os.path.join(a.tmp, "c++ proj"), a.clang, a.annotations, {"main.c": BUGGY})
path = proj.path("main.c")
editor_uri = "file://" + urllib.parse.quote(path, safe="/+")       # c++%20proj
other_uri = "file://" + urllib.parse.quote(path, safe="/")          # c%2B%2B%20proj
odd_uri = "file://" + urllib.parse.quote(os.path.dirname(path), safe="/") + "/./main.c"
check("c++%20proj" in editor_uri and "c%2B%2B%20proj" in other_uri, (editor_uri, other_uri))
wrap = a.mode == "wrap"


def same_file(uri):
    return uri.startswith("file://") and \
        os.path.normpath(urllib.parse.unquote(uri[7:])) == path


c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + urllib.parse.quote(proj.root, safe="/+"))
c.open(editor_uri, BUGGY, version=1)
if wrap:
    c.wait_diagnostics(editor_uri, lambda p: sendsync_only(p["diagnostics"]) and
                       any("undeclared_name" in d["message"] for d in others(p["diagnostics"])),
                       "one publication with clangd's error and sendsync's finding")
else:
    c.wait_diagnostics(editor_uri, lambda p: sendsync_only(p["diagnostics"]), "sendsync's finding")

# An edit sent under another spelling is the same document.
m = c.mark()
c.change_full(other_uri, 2, FIXED)
c.wait_diagnostics(editor_uri, lambda p: p.get("version") == 2 and
                   not sendsync_only(p["diagnostics"]), "the fix seen under the editor's URI",
                   start=m)
m = c.mark()
c.change_full(odd_uri, 3, BUGGY)
p = c.wait_diagnostics(editor_uri, lambda p: p.get("version") == 3 and
                       sendsync_only(p["diagnostics"]), "the bug back (v3, URI with /./)", start=m)
# Quick fixes asked for under the other spelling.
d = sendsync_only(p["diagnostics"])[0]
r = c.call("textDocument/codeAction", {"textDocument": {"uri": other_uri}, "range": d["range"],
                                       "context": {"diagnostics": [d]}})
check(isinstance(r.get("result"), list), r)
check(c.shutdown_and_exit() == 0, "exit code")

spellings = set(m["params"]["uri"] for m in c.messages
                if m.get("method") == "textDocument/publishDiagnostics"
                and same_file(m["params"]["uri"]))
check(spellings == {editor_uri}, "publications only under the editor's URI: %r" % spellings)
for m in c.messages:
    if m.get("method") != "textDocument/publishDiagnostics":
        continue
    for d in m["params"]["diagnostics"]:
        for ri in d.get("relatedInformation", []):
            u = ri["location"]["uri"]
            check(not same_file(u) or u == editor_uri, "related location under %r" % u)
print("uri forms %s: ok" % a.mode)
