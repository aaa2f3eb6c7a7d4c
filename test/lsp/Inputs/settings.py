"""Settings from the editor: initializationOptions and
workspace/didChangeConfiguration override the command line's strict,
disable and debounce; plugin, clang and trustedFolders, which decide what
code runs, are taken from initializationOptions and refused from
didChangeConfiguration (workspace settings may come from the folder)."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
TEXT = """#include <sendsync.h>
struct SS_SEND job {
  int *counter SS_BORROWED;
};
struct SS_SYNC raw_atomic {
  _Atomic(char *) p;
};
"""
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"s.c": TEXT})
uri = proj.uri("s.c")


def codes(p):
    return sorted(d["code"] for d in sendsync_only(p["diagnostics"]))


# The command line says: not strict, a 5 s debounce.
c = Client(server_argv(a, extra=["--debounce=5000"]), cwd=proj.root)
c.call("initialize", {"processId": os.getpid(), "rootUri": "file://" + proj.root,
                      "capabilities": {},
                      "initializationOptions": {"strict": True, "disable": ["sendsync-claim"],
                                                "debounce": 50, "clangdFileStatus": True}})
c.notify("initialized", {})
c.open(uri, TEXT)
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "strict, claim disabled")
check(codes(p) == ["sendsync-unknown"], "initializationOptions: %r" % codes(p))
m = c.mark()
t0 = time.monotonic()
c.change_full(uri, 2, TEXT + "\n")
c.wait_diagnostics(uri, lambda p: p.get("version") == 2, "v2", start=m)
check(time.monotonic() - t0 < 4, "the debounce of initializationOptions (50 ms), not 5 s")

m = c.mark()
c.notify("workspace/didChangeConfiguration",
         {"settings": {"sendsync": {"strict": False, "disable": ""}}})
p = c.wait_diagnostics(uri, lambda p: codes(p) == ["sendsync-claim"],
                       "not strict, nothing disabled", start=m)

m = c.mark()
c.notify("workspace/didChangeConfiguration", {"settings": {"clang": "/nonexistent/clang-x"}})
c.wait_for(lambda m: m.get("method") == "window/showMessage"
           and "clang is read only from initializationOptions" in m["params"]["message"],
           "clang refused", start=m)
m = c.mark()
c.notify("workspace/didChangeConfiguration",
         {"settings": {"sendsync": {"plugin": "/nonexistent/sendsync-x.so"}}})
c.wait_for(lambda m: m.get("method") == "window/showMessage"
           and "plugin is read only from initializationOptions" in m["params"]["message"],
           "plugin refused", start=m)
# The refused settings changed nothing: the findings are still there.
c.wait_diagnostics(uri, lambda p: codes(p) == ["sendsync-claim"], "the same plugin and clang")

m = c.mark()
c.notify("workspace/didChangeConfiguration",
         {"settings": {"sendsync": {"trustedFolders": [proj.root], "debounce": "fast"}}})
c.wait_for(lambda m: m.get("method") == "window/showMessage"
           and "trustedFolders is read only" in m["params"]["message"], "trust refused", start=m)
# Back to the initializationOptions and the command line.
m = c.mark()
c.notify("workspace/didChangeConfiguration", {"settings": {}})
c.wait_diagnostics(uri, lambda p: codes(p) == ["sendsync-unknown"], "initializationOptions again",
                   start=m)
check(c.shutdown_and_exit() == 0, "exit code")

# initializationOptions, the editor's own configuration, may name them.
c = Client(server_argv(a), cwd=proj.root)
m = c.mark()
c.call("initialize", {"processId": os.getpid(), "rootUri": "file://" + proj.root,
                      "capabilities": {},
                      "initializationOptions": {"clang": "/nonexistent/clang-y"}})
c.notify("initialized", {})
c.open(uri, TEXT)
c.wait_for(lambda m: m.get("method") == "window/showMessage"
           and "/nonexistent/clang-y" in m["params"]["message"], "the configured clang", start=m)
check(c.shutdown_and_exit() == 0, "exit code")
print("settings %s: ok" % a.mode)
