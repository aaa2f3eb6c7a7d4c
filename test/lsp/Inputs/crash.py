"""Wrap mode: when clangd dies, the editor is told (window/showMessage, an
error for the request clangd left unanswered) and sendsync-lsp exits with
status 1. Once with a fake clangd that exits, once with the real clangd-19
killed by SIGKILL."""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations,
               {"k.c": "#include <sendsync.h>\nint x;\n"})


def shown(c, what):
    m = c.wait_for(lambda m: m.get("method") == "window/showMessage"
                   and "clangd" in m["params"]["message"], what)
    check(m["params"]["type"] == 1, "an error message: %r" % m)
    return m["params"]["message"]


# 1. A fake clangd that exits with status 3 in the middle of a request.
fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_clangd.py")
c = Client([a.lsp, "--clang=" + a.clang, "--plugin=" + a.plugin, "--wrap", "--",
            sys.executable, fake], cwd=proj.root)
c.initialize("file://" + proj.root)
rid = c.request("test/die", {})
r = c.response(rid)
check(r["error"]["code"] == -32603, "the pending request fails: %r" % r)
msg = shown(c, "the message about clangd's exit")
check("exited with status 3 unexpectedly" in msg, msg)
check(c.wait_exit() == 1, "exit status 1")
check(b"exited with status 3" in c.stderr_text, c.stderr_text)

# 2. The real clangd, killed.
c = Client(server_argv(a, mode="wrap"), cwd=proj.root)
c.initialize("file://" + proj.root)
c.open(proj.uri("k.c"), "#include <sendsync.h>\nint x;\n")
c.wait_diagnostics(proj.uri("k.c"), lambda p: True, "clangd's first publication")
children = open("/proc/%d/task/%d/children" % (c.proc.pid, c.proc.pid)).read().split()
clangd = [int(p) for p in children
          if os.path.basename(open("/proc/%s/cmdline" % p, "rb").read().split(b"\0")[0])
          .startswith(b"clangd")]
check(len(clangd) == 1, "one clangd child: %r" % children)
os.kill(clangd[0], signal.SIGKILL)
msg = shown(c, "the message about clangd being killed")
check("was killed by signal 9 unexpectedly" in msg, msg)
check(c.wait_exit() == 1, "exit status 1")
print("crash: ok")
