"""A fix-it of the plugin (a misspelled marker) is offered as a quick fix
with the exact edit. In wrap mode it is added to clangd's own actions."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
TEXT = ('#include <sendsync.h>\n'
        '/* é */ struct __attribute__((annotate("sned"))) point { const int x; };\n')
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"f.c": TEXT})
uri = proj.uri("f.c")
c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
c.open(uri, TEXT)
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "the annotation error")
[d] = sendsync_only(p["diagnostics"])
check(d["code"] == "sendsync-annotation" and d["severity"] == 1, d)
check(d["message"] == "unknown sendsync marker 'sned'; did you mean 'send'?", d)
# "/* é */ " is 8 UTF-16 units (9 bytes): the '"sned"' string starts at 39.
r = c.call("textDocument/codeAction", {
    "textDocument": {"uri": uri}, "range": d["range"],
    "context": {"diagnostics": [d]}})
actions = [x for x in r["result"] if "sendsync" in x["title"]]
check(len(actions) == 1, "one sendsync action: %r" % r)
act = actions[0]
check(act["kind"] == "quickfix", act)
check(act["edit"]["changes"] == {uri: [{
    "range": {"start": {"line": 1, "character": 39}, "end": {"line": 1, "character": 45}},
    "newText": '"send"'}]}, "the edit: %r" % act["edit"])
# Outside the diagnostic's range: nothing of ours.
r = c.call("textDocument/codeAction", {
    "textDocument": {"uri": uri},
    "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
    "context": {"diagnostics": []}})
check(not [x for x in (r["result"] or []) if "sendsync" in x.get("title", "")], r)
# Applying the edit makes the error go away.
m = c.mark()
c.change_range(uri, 2, (1, 39), (1, 45), '"send"')
c.wait_diagnostics(uri, lambda p: p.get("version") == 2 and not sendsync_only(p["diagnostics"]),
                   "no error after the fix", start=m)
check(c.shutdown_and_exit() == 0, "exit code")
print("codeaction %s: ok" % a.mode)
