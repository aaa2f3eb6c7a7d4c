"""A stand-in for clangd that answers initialize, then dies (exit status 3)
when it receives the request "test/die"."""
import json
import sys

inp = sys.stdin.buffer
out = sys.stdout.buffer
while True:
    headers = {}
    line = inp.readline()
    if not line:
        sys.exit(0)
    while line not in (b"\r\n", b""):
        k, _, v = line.decode().partition(":")
        headers[k.strip().lower()] = v.strip()
        line = inp.readline()
    msg = json.loads(inp.read(int(headers["content-length"])))
    if msg.get("method") == "initialize":
        body = json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": {
            "capabilities": {"textDocumentSync": 2}}}).encode()
        out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        out.flush()
    elif msg.get("method") == "test/die":
        sys.exit(3)
