"""The compile database is read once and kept: checks of several versions
and files do not read it again (window/logMessage says each read). It is
read again when it changes on disk, and the new flags are used."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
TEXT = ("#include <sendsync.h>\n#ifdef WITH_JOB\nstruct SS_SEND job {\n"
        "  int *p SS_BORROWED;\n};\n#endif\nint v%d;\n")
# Many entries, so that a re-read would also cost time.
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations,
               {"a.c": TEXT % 0, "b.c": TEXT % 0})
db = os.path.join(proj.root, "compile_commands.json")
entries = json.load(open(db))
filler = [{"directory": proj.root, "file": "gen/f%d.c" % i,
           "arguments": [a.clang, "-c", "gen/f%d.c" % i]} for i in range(3000)]
json.dump(entries + filler, open(db, "w"))


def reads(c, start=0):
    return [m["params"]["message"] for m in c.since(start)
            if m.get("method") == "window/logMessage" and db in m["params"]["message"]]


c = Client(server_argv(a, extra=["--debounce=10"]), cwd=proj.root)
c.initialize("file://" + proj.root)
for i, name in enumerate(("a.c", "b.c")):
    c.open(proj.uri(name), TEXT % 1)
    c.wait_diagnostics(proj.uri(name), lambda p: p.get("version") == 1, name + " v1")
    for v in range(2, 5):
        m = c.mark()
        c.change_full(proj.uri(name), v, TEXT % v)
        c.wait_diagnostics(proj.uri(name), lambda p: p.get("version") == v, "%s v%d" % (name, v),
                           start=m)
r = reads(c)
check(len(r) == 1, "8 checks, one read: %r" % r)
check("(3002 entries)" in r[0], r)
check(not any(sendsync_only(p["diagnostics"]) for p in c.publications(proj.uri("a.c"))),
      "no WITH_JOB yet")

# The database changes on disk: a.c gets -DWITH_JOB.
entries[0]["arguments"].insert(1, "-DWITH_JOB")
check(entries[0]["file"] == "a.c", entries[0])
json.dump(entries + filler, open(db, "w"))
m = c.mark()
c.change_full(proj.uri("a.c"), 5, TEXT % 5)
c.wait_diagnostics(proj.uri("a.c"), lambda p: p.get("version") == 5 and
                   sendsync_only(p["diagnostics"]), "a.c with the new flags", start=m)
check(len(reads(c, m)) == 1, "read again once: %r" % reads(c, m))
check(c.shutdown_and_exit() == 0, "exit code")
print("dbcache %s: ok" % a.mode)
