"""Latency of sendsync-lsp (not a lit test; run by hand):

  python3 test/lsp/Inputs/latency.py <lspargs> --tmp DIR --mode beside|wrap

A 5,000-line C file in a 30,000-entry compile database; 10 edits, each
renaming the field a finding names. Measures from sending the didChange
to the first publication of that version carrying the renamed finding,
and prints median and max, and both minus the debounce (300 ms)."""
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
HEAD = "#include <sendsync.h>\nstruct SS_SEND job {\n  int *field0 SS_BORROWED;\n};\n"
body = "".join("static int f%d(int x) {\n  int y = x * %d;\n  return y + 1;\n}\n" % (i, i)
               for i in range(1249))
TEXT = HEAD + body
assert TEXT.count("\n") >= 5000, TEXT.count("\n")
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"big.c": TEXT})
db = os.path.join(proj.root, "compile_commands.json")
entries = json.load(open(db))
entries += [{"directory": proj.root, "file": "gen/f%d.c" % i,
             "arguments": [a.clang, "-std=c11", "-I", a.annotations, "-c", "gen/f%d.c" % i]}
            for i in range(30000 - len(entries))]
json.dump(entries, open(db, "w"))
uri = proj.uri("big.c")
c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
c.open(uri, TEXT)
c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "the first check")
times = []
for i in range(1, 11):
    time.sleep(1.0)
    name, old = "field%d" % i, "field%d" % (i - 1)
    m = c.mark()
    t0 = time.monotonic()
    c.change_range(uri, i + 1, (2, 7), (2, 7 + len(old)), name)
    c.wait_diagnostics(uri, lambda p: p.get("version") == i + 1 and any(
        "'%s'" % name in d["message"] for d in sendsync_only(p["diagnostics"])),
        "the finding of v%d" % (i + 1), start=m)
    times.append((time.monotonic() - t0) * 1000)
c.shutdown_and_exit()
print("%s: edit -> publication: median %.0f ms, max %.0f ms; after the 300 ms debounce: "
      "median %.0f ms, max %.0f ms (%s)" % (a.mode, statistics.median(times), max(times),
                                             statistics.median(times) - 300, max(times) - 300,
                                             ", ".join("%.0f" % t for t in times)))
