"""Malformed input gets the right JSON-RPC error and never kills the server;
afterwards it still checks files. Both modes (in wrap mode these errors are
answered by sendsync-lsp itself, before anything reaches clangd)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
TEXT = "#include <sendsync.h>\nstruct SS_SEND job {\n  int *p SS_BORROWED;\n};\n"
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"g.c": TEXT})
uri = proj.uri("g.c")
c = Client(server_argv(a), cwd=proj.root)


def error_with(code, what, start):
    m = c.wait_for(lambda m: "error" in m and m["error"]["code"] == code, what, start=start)
    return m


if a.mode == "beside":
    # Before initialize: requests are refused with ServerNotInitialized.
    r = c.call("textDocument/hover", {})
    check(r["error"]["code"] == -32002, r)

# Bad JSON -> -32700 with id null.
m = c.mark()
c.send_raw(frame(b'{"jsonrpc": "2.0", "id": 99, "method": "initialize", '))
e = error_with(-32700, "a parse error", m)
check(e["id"] is None, e)
# Bad framing: a header block without Content-Length, then a non-numeric one.
m = c.mark()
c.send_raw(b"Content-Type: application/json\r\n\r\n")
e = error_with(-32700, "a framing error", m)
check(e["id"] is None and "Content-Length" in e["error"]["message"], e)
m = c.mark()
c.send_raw(b"Content-Length: twelve\r\n\r\n")
error_with(-32700, "a framing error (non-numeric length)", m)
# Invalid requests -> -32600.
for bad in ([1, 2, 3], {"jsonrpc": "1.0", "id": 7, "method": "x"},
            {"jsonrpc": "2.0", "id": 8, "method": 42},
            {"jsonrpc": "2.0", "id": {"no": 1}, "method": "x"},
            {"jsonrpc": "2.0", "id": 9}):
    m = c.mark()
    c.send(bad)
    e = error_with(-32600, "invalid request for %r" % (bad,), m)
    if isinstance(bad, dict) and isinstance(bad.get("id"), int):
        check(e["id"] == bad["id"], "the error keeps the id: %r" % e)
# A body with a multi-byte character: Content-Length counts bytes.
c.initialize("file://" + proj.root)
m = c.mark()
c.send(frame({"jsonrpc": "2.0", "method": "$/ünknöwn", "params": {"x": "😀"}}))
# Unknown request -> -32601 (answered by clangd in wrap mode, also -32601).
r = c.call("sendsync/noSuchMethod", {"x": "ö"})
check(r["error"]["code"] == -32601, r)
# Still alive and working.
c.open(uri, TEXT)
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "diagnostics after garbage")
check(c.proc.poll() is None, "server alive")
if a.mode == "beside":
    # A second initialize is an invalid request.
    r = c.call("initialize", {"capabilities": {}})
    check(r["error"]["code"] == -32600, r)
check(c.shutdown_and_exit() == 0, "exit code 0")
print("garbage %s: ok" % a.mode)
