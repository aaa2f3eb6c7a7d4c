"""Stale results are never published: versions 1 and 2 are replaced before
their checks can finish; only version 3's findings may ever appear."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
def source(name):
    return "#include <sendsync.h>\nstruct SS_SEND %s {\n  int *p SS_BORROWED;\n};\n" % name

proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"s.c": source("alpha")})
uri = proj.uri("s.c")
c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
c.open(uri, source("alpha"), version=1)       # checked at once...
c.change_full(uri, 2, source("beta"))          # ...and already stale
c.change_full(uri, 3, source("gamma"))
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "diagnostics of v3")
check("'struct gamma'" in sendsync_only(p["diagnostics"])[0]["message"], p)
# Then one more edit, followed by another before its check can finish.
c.change_full(uri, 4, source("delta"))
c.change_full(uri, 5, source("epsilon"))
c.wait_diagnostics(uri, lambda p: any("epsilon" in d["message"]
                                      for d in sendsync_only(p["diagnostics"])),
                   "diagnostics of v5")
rc = c.shutdown_and_exit()
check(rc == 0, "exit code %r" % rc)
for p in c.publications(uri):
    ours = sendsync_only(p["diagnostics"])
    for d in ours:
        for stale in ("alpha", "beta", "delta"):
            check(stale not in d["message"], "stale result published: %r" % p)
    if ours:
        check(p.get("version") in (3, 5), "sendsync diagnostics with version %r" % p.get("version"))
print("stale %s: ok" % a.mode)
