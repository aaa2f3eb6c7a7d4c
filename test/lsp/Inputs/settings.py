"""Settings from the editor: initializationOptions and
workspace/didChangeConfiguration override the command line's strict,
disable, debounce, plugin and clang; trustedFolders is refused from
didChangeConfiguration."""
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
           and "/nonexistent/clang-x" in m["params"]["message"], "the configured clang", start=m)
m = c.mark()
c.notify("workspace/didChangeConfiguration",
         {"settings": {"sendsync": {"plugin": "/nonexistent/sendsync-x.so"}}})
c.wait_for(lambda m: m.get("method") == "window/showMessage"
           and "/nonexistent/sendsync-x.so" in m["params"]["message"], "the configured plugin",
           start=m)

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
print("settings %s: ok" % a.mode)
