"""Open, edit without saving, save, close; in beside or wrap mode.

The file on disk keeps the bug for the whole test: diagnostics that follow
the unsaved buffer prove the buffer (not the disk) is checked. In wrap mode
the same publications must also carry clangd's own diagnostic."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
BUGGY = """#include <sendsync.h>

struct SS_SEND job {
  int id;
  int *counter SS_BORROWED;
};
"""
FIXED = BUGGY.replace("int *counter SS_BORROWED;", "int counter;")
# A clang error that only clangd reports (the plugin does not).
CLANGD_ERROR = "int use_it(void) { return undeclared_name; }\n"

proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations,
               {"src/job.c": BUGGY + CLANGD_ERROR})
uri = proj.uri("src/job.c")
wrap = a.mode == "wrap"
c = Client(server_argv(a), cwd=proj.root)
caps = c.initialize("file://" + proj.root)
if not wrap:
    check(caps["capabilities"]["positionEncoding"] == "utf-16", "utf-16 by default: %r" % caps)
    check(caps["serverInfo"]["name"] == "sendsync-lsp", "serverInfo")

# ---- open: the claim is broken ------------------------------------------
c.open(uri, BUGGY + CLANGD_ERROR, version=1)
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "sendsync diagnostics (v1)")
check(p.get("version") == 1, "version 1: %r" % p)
[d] = sendsync_only(p["diagnostics"])
check(d["code"] == "sendsync-claim", d)
check(d["source"] == "sendsync", d)
check(d["severity"] == 2, d)
check(d["message"] == "'struct job' is marked send, but its field 'counter' borrows memory "
      "that holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by)",
      d["message"])
check(d["range"] == {"start": {"line": 4, "character": 7}, "end": {"line": 4, "character": 14}},
      "range of 'counter': %r" % d["range"])
check(d["codeDescription"]["href"].endswith("/docs/checks/sendsync-claim.md"), d)
rel = d["relatedInformation"]
check(rel[-1]["message"] == "'struct job' is claimed send here", rel)
check(rel[-1]["location"] == {"uri": uri, "range": {"start": {"line": 2, "character": 7},
                                                    "end": {"line": 2, "character": 14}}},
      "claim note location: %r" % rel[-1]["location"])
if wrap:
    check(others(p["diagnostics"]) or c.wait_diagnostics(
        uri, lambda p: others(p["diagnostics"]) and sendsync_only(p["diagnostics"]),
        "a publication with both clangd's and sendsync's diagnostics"), "merged")
    both = c.wait_diagnostics(uri, lambda p: others(p["diagnostics"]) and sendsync_only(p["diagnostics"]),
                              "merged diagnostics")
    clangd_msgs = [x["message"] for x in others(both["diagnostics"])]
    check(any("undeclared_name" in m for m in clangd_msgs), "clangd's error: %r" % clangd_msgs)

# ---- edit without saving: fixed in the buffer, still buggy on disk --------
m = c.mark()
c.change_full(uri, 2, FIXED + CLANGD_ERROR)
p = c.wait_diagnostics(uri, lambda p: p.get("version") == 2 and not sendsync_only(p["diagnostics"]),
                       "no sendsync diagnostics for the fixed buffer (v2)", start=m)
if wrap:
    # clangd's error is still there, merged with sendsync's (empty) set.
    c.wait_diagnostics(uri, lambda p: any("undeclared_name" in x["message"] for x in p["diagnostics"])
                       and not sendsync_only(p["diagnostics"]), "clangd's error after the fix", start=m)

# ---- an incremental edit brings a bug back under another name ------------
m = c.mark()
c.change_range(uri, 3, (4, 2), (4, 13), "int *total SS_BORROWED; int")
# line 4 is now "  int *total SS_BORROWED; int counter;"
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "diagnostics for v3", start=m)
check(p.get("version") == 3, p)
[d] = sendsync_only(p["diagnostics"])
check("'total'" in d["message"], d["message"])
check(d["range"]["start"] == {"line": 4, "character": 7}, d["range"])

# ---- save (disk now matches): still reported, nothing stale -------------
with open(proj.path("src/job.c"), "w") as f:
    f.write(FIXED.replace("int counter;", "int *total SS_BORROWED; int counter;") + CLANGD_ERROR)
m = c.mark()
c.save(uri)
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "diagnostics after save", start=m)
check(p.get("version") == 3, p)

# ---- close: cleared -----------------------------------------------------
m = c.mark()
c.close(uri)
c.wait_diagnostics(uri, lambda p: p["diagnostics"] == [], "empty diagnostics after close", start=m)

rc = c.shutdown_and_exit()
check(rc == 0, "exit code after shutdown+exit: %r" % rc)
for p in c.publications(uri):
    for d in sendsync_only(p["diagnostics"]):
        check(d["source"] == "sendsync" and d["code"].startswith("sendsync-"), d)
print("flow %s: ok" % a.mode)
