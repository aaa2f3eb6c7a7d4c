"""A scripted LSP client for the sendsync-lsp tests (python3, stdlib only).

It starts the server, writes framed messages to it, and collects everything
the server sends on a reader thread, so tests wait for conditions (with
generous timeouts, for a loaded CI machine) instead of sleeping.
"""
import json
import os
import subprocess
import sys
import threading
import time

TIMEOUT = float(os.environ.get("SENDSYNC_LSP_TEST_TIMEOUT", "60"))


def fail(message):
    sys.stderr.write("FAIL: %s\n" % (message,))
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def frame(obj_or_bytes):
    body = obj_or_bytes if isinstance(obj_or_bytes, bytes) else \
        json.dumps(obj_or_bytes, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    def __init__(self, argv, cwd=None, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.messages = []       # everything received, in order
        self.cond = threading.Condition()
        self.eof = False
        self.stderr_text = b""
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.err_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self.err_reader.start()

    # ---- receiving --------------------------------------------------------
    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                headers = {}
                line = out.readline()
                if not line:
                    break
                while line not in (b"\r\n", b""):
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                    line = out.readline()
                if line == b"":
                    break
                n = int(headers["content-length"])
                body = out.read(n)
                if len(body) < n:
                    break
                msg = json.loads(body.decode("utf-8"))
                with self.cond:
                    self.messages.append(msg)
                    self.cond.notify_all()
        finally:
            with self.cond:
                self.eof = True
                self.cond.notify_all()

    def _read_stderr(self):
        data = self.proc.stderr.read()
        self.stderr_text = data

    def wait_for(self, predicate, what, timeout=TIMEOUT, start=0):
        """Waits for a message (at index >= start) satisfying predicate."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for i in range(start, len(self.messages)):
                    if predicate(self.messages[i]):
                        return self.messages[i]
                if self.eof:
                    fail("server closed its output while waiting for %s; stderr:\n%s"
                         % (what, self.stderr_text.decode("utf-8", "replace")))
                left = deadline - time.monotonic()
                if left <= 0:
                    fail("timed out waiting for %s; received:\n%s"
                         % (what, "\n".join(json.dumps(m) for m in self.messages)))
                self.cond.wait(left)

    def mark(self):
        with self.cond:
            return len(self.messages)

    def since(self, start):
        with self.cond:
            return list(self.messages[start:])

    # ---- sending ------------------------------------------------------------
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        self.send_raw(frame(obj))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def response(self, rid, what=None, timeout=TIMEOUT):
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m
                             and ("result" in m or "error" in m),
                             what or "the response to request %r" % rid, timeout)

    def call(self, method, params=None):
        return self.response(self.request(method, params), "the response to %s" % method)

    # ---- LSP conveniences ------------------------------------------------------
    def initialize(self, root_uri, capabilities=None):
        r = self.call("initialize", {"processId": os.getpid(), "rootUri": root_uri,
                                     "capabilities": capabilities or {}})
        check("result" in r, "initialize failed: %r" % r)
        self.notify("initialized", {})
        return r["result"]

    def open(self, uri, text, version=1, language="c"):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def change_full(self, uri, version, text):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})

    def change_range(self, uri, version, start, end, text):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {
                "start": {"line": start[0], "character": start[1]},
                "end": {"line": end[0], "character": end[1]}}, "text": text}]})

    def save(self, uri):
        self.notify("textDocument/didSave", {"textDocument": {"uri": uri}})

    def close(self, uri):
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def publications(self, uri, start=0):
        return [m["params"] for m in self.since(start)
                if m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri]

    def wait_diagnostics(self, uri, predicate, what, start=0, timeout=TIMEOUT):
        m = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri and predicate(m["params"]),
                          what, timeout, start)
        return m["params"]

    def shutdown_and_exit(self, timeout=TIMEOUT):
        r = self.call("shutdown")
        check(r.get("result", "missing") is None and "error" not in r,
              "shutdown must answer null: %r" % r)
        self.notify("exit")
        return self.wait_exit(timeout)

    def wait_exit(self, timeout=TIMEOUT):
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            fail("the server did not exit")
        self.reader.join(timeout)
        self.err_reader.join(timeout)
        return rc


def sendsync_only(diags):
    return [d for d in diags if d.get("source") == "sendsync"]


def others(diags):
    return [d for d in diags if d.get("source") != "sendsync"]


class Project:
    """A tiny C project in a fresh directory, with a compile_commands.json."""

    def __init__(self, root, clang, annotations, files, compiled=None, flags=()):
        self.root = os.path.abspath(root)
        os.makedirs(self.root, exist_ok=True)
        for name, text in files.items():
            path = os.path.join(self.root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        entries = []
        for name in (compiled if compiled is not None else
                     [n for n in files if n.endswith(".c")]):
            entries.append({"directory": self.root, "file": name,
                            "arguments": [clang, "-std=c11", "-I", annotations] +
                            list(flags) + ["-c", name, "-o", name + ".o"]})
        with open(os.path.join(self.root, "compile_commands.json"), "w") as f:
            json.dump(entries, f, indent=1)

    def path(self, name):
        return os.path.join(self.root, name)

    def uri(self, name):
        return "file://" + self.path(name)


def args_from_argv():
    """--lsp PATH --clang PATH --plugin PATH --annotations DIR --clangd PATH --tmp DIR"""
    import argparse
    p = argparse.ArgumentParser()
    p.add_argument("--lsp", required=True)
    p.add_argument("--clang", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--annotations", required=True)
    p.add_argument("--clangd", default="")
    p.add_argument("--tmp", required=True)
    p.add_argument("--mode", default="beside")
    return p.parse_args()


def server_argv(a, mode=None, extra=(), clangd_args=()):
    mode = mode or a.mode
    argv = [a.lsp, "--clang=" + a.clang, "--plugin=" + a.plugin] + list(extra)
    if mode == "wrap":
        argv += ["--wrap", "--", a.clangd] + list(clangd_args)
    return argv
