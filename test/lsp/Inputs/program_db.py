"""Issue 14, item 7: the server passes -fplugin-arg-sendsync-program= when
program.sendsync-db exists beside the compile database, looked for at each
check: a hand-off split across three files (test/tools/Inputs/whole-program)
is reported while the database is there, and not before or after. The
server never makes one."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "Inputs",
                   "whole-program")
names = ("threads.h", "main.c", "worker.c", "wrapper.c")
files = {n: open(os.path.join(src, n), encoding="utf-8").read() for n in names}
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, files)
db = proj.path("program.sendsync-db")
MAIN = files["main.c"]


def escapes(p):
    return [d for d in sendsync_only(p["diagnostics"])
            if "escapes to a thread" in d["message"]]


def make_db():
    facts = []
    for n in ("main.c", "worker.c", "wrapper.c"):
        out = proj.path(n + ".sendsync-facts")
        subprocess.run([a.clang, "-fsyntax-only", "-fplugin=" + a.plugin,
                        "-fplugin-arg-sendsync-facts=" + out, "-I", a.annotations, n],
                       cwd=proj.root, check=True)
        facts.append(out)
    merge = os.path.join(os.path.dirname(a.lsp), "sendsync-merge")
    subprocess.run([merge, "-o", db] + facts, cwd=proj.root, check=True)


c = Client(server_argv(a, extra=["--debounce=10"]), cwd=proj.root)
c.initialize("file://" + proj.root)

# No database: start_worker is a function of another file, unknown here.
c.open(proj.uri("main.c"), MAIN)
p = c.wait_diagnostics(proj.uri("main.c"), lambda p: p.get("version") == 1, "v1")
check(not escapes(p), "no database, no finding: %r" % p)
check(not os.path.exists(db), "the server made no database")

# The database appears (as sendsync-check --whole-program writes it): the
# next check uses it.
make_db()
m = c.mark()
c.change_full(proj.uri("main.c"), 2, MAIN)
p = c.wait_diagnostics(proj.uri("main.c"), lambda p: p.get("version") == 2, "v2", start=m)
found = escapes(p)
check(len(found) == 1, "with the database: %r" % p)
check(found[0]["range"]["start"]["line"] == 7, found)

# It goes away: the next check does without it.
os.remove(db)
m = c.mark()
c.change_full(proj.uri("main.c"), 3, MAIN)
p = c.wait_diagnostics(proj.uri("main.c"), lambda p: p.get("version") == 3, "v3", start=m)
check(not escapes(p), "database gone, finding gone: %r" % p)
check(not os.path.exists(db), "the server made no database")

# A database that is not one: the check fails and says which file.
with open(db, "w") as f:
    f.write("not json\n")
m = c.mark()
c.change_full(proj.uri("main.c"), 4, MAIN)
c.wait_for(lambda msg: msg.get("method") == "window/showMessage"
           and db in msg["params"]["message"], "the message naming the database", start=m)
check(c.shutdown_and_exit() == 0, "exit code")
print("program-db %s: ok" % a.mode)
