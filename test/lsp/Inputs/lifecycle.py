"""shutdown/exit per the specification: exit after shutdown -> 0; requests
after shutdown -> InvalidRequest; exit without shutdown -> 1; end of input
without exit -> 1. Both modes."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"l.c": "int x;\n"})

c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
r = c.call("shutdown")
check(r["result"] is None and "error" not in r, r)
r = c.call("textDocument/hover", {"textDocument": {"uri": proj.uri("l.c")},
                                   "position": {"line": 0, "character": 0}})
check(r["error"]["code"] == -32600, "request after shutdown: %r" % r)
c.notify("exit")
check(c.wait_exit() == 0, "exit after shutdown -> 0")

c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
c.notify("exit")
check(c.wait_exit() == 1, "exit without shutdown -> 1")

c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
c.proc.stdin.close()
check(c.wait_exit() == 1, "end of input without exit -> 1")
print("lifecycle %s: ok" % a.mode)
