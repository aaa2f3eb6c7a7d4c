"""JSON-RPC 2.0 lets a method that takes no parameters be sent without
"params"; Emacs' jsonrpc.el sends "params": null (shutdown, exit,
initialized). Both are accepted, and the server exits with 0."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"n.c": "int x;\n"})

# "params": null on everything that takes none.
c = Client(server_argv(a), cwd=proj.root)
c.call("initialize", {"processId": None, "rootUri": "file://" + proj.root,
                      "capabilities": {}})
c.send({"jsonrpc": "2.0", "method": "initialized", "params": None})
c.send({"jsonrpc": "2.0", "id": 7, "method": "shutdown", "params": None})
r = c.response(7, "the response to shutdown with null params")
check("error" not in r and r.get("result", "missing") is None,
      "shutdown with \"params\": null must answer null: %r" % r)
c.send({"jsonrpc": "2.0", "method": "exit", "params": None})
check(c.wait_exit(10) == 0, "exit with \"params\": null after shutdown -> 0")
errors = [m for m in c.messages if "error" in m]
check(not errors, "no error responses: %r" % errors)

# Absent params.
c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
c.send({"jsonrpc": "2.0", "id": 8, "method": "shutdown"})
r = c.response(8, "the response to shutdown without params")
check("error" not in r and r.get("result", "missing") is None, r)
c.send({"jsonrpc": "2.0", "method": "exit"})
check(c.wait_exit(10) == 0, "exit without params after shutdown -> 0")

# A scalar is still no params object.
c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
c.send({"jsonrpc": "2.0", "id": 9, "method": "shutdown", "params": 3})
r = c.response(9, "the response to shutdown with params 3")
check(r.get("error", {}).get("code") == -32600, "params 3 -> InvalidRequest: %r" % r)
c.proc.stdin.close()
c.wait_exit(10)
print("null params %s: ok" % a.mode)
