"""Headers: a .h is taken with languageId cpp (Neovim's default), objective-c
and c; it is checked with the flags of a source file that includes it (or
of a sibling, as clangd infers them), and findings that a source file's
check locates in an open header are published for that header."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
JOB_H = """#pragma once
#include <sendsync.h>
#ifdef JOB_FLAG
struct SS_SEND job {
  int *counter SS_BORROWED;
};
#endif
#ifdef FROM_MAIN
struct SS_SEND only_main {
  int *p SS_BORROWED;
};
#endif
"""
MAIN_C = '#define FROM_MAIN\n#include "inc/job.h"\nint main(void) { return 0; }\n'
LONE_H = JOB_H.replace("struct SS_SEND job", "struct SS_SEND lone")
PLAIN_H = "#include <sendsync.h>\nstruct SS_SEND plain {\n  int *q SS_BORROWED;\n};\n"
# Only main.c is in the database, with -DJOB_FLAG: a header shows its
# 'struct job' only when checked with main.c's flags.
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations,
               {"main.c": MAIN_C, "inc/job.h": JOB_H, "lone.h": LONE_H, "plain.h": PLAIN_H},
               compiled=["main.c"], flags=["-DJOB_FLAG"])
job, lone, plain, main = (proj.uri(n) for n in ("inc/job.h", "lone.h", "plain.h", "main.c"))


def names(p):
    return sorted(d["message"].split("'")[1] for d in sendsync_only(p["diagnostics"]))


c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)

c.open(job, JOB_H, language="cpp")
p = c.wait_diagnostics(job, lambda p: sendsync_only(p["diagnostics"]),
                       "a finding in job.h, opened as cpp, with main.c's flags")
check(names(p) == ["struct job"], "job.h alone: %r" % names(p))
c.open(lone, LONE_H, language="objective-c")
p = c.wait_diagnostics(lone, lambda p: sendsync_only(p["diagnostics"]),
                       "a finding in lone.h (objective-c, a sibling's flags)")
check(names(p) == ["struct lone"], "lone.h: %r" % names(p))
c.open(plain, PLAIN_H, language="c")
p = c.wait_diagnostics(plain, lambda p: sendsync_only(p["diagnostics"]), "plain.h (c)")
check(names(p) == ["struct plain"], "plain.h: %r" % names(p))

# main.c's check sees job.h after "#define FROM_MAIN": its finding there is
# published for job.h, beside job.h's own (once each).
m = c.mark()
c.open(main, MAIN_C)
p = c.wait_diagnostics(job, lambda p: "struct only_main" in names(p),
                       "main.c's finding published for job.h", start=m)
check(names(p) == ["struct job", "struct only_main"], "job.h with main.c open: %r" % names(p))
d = [x for x in sendsync_only(p["diagnostics"]) if "only_main" in x["message"]][0]
check(d["range"]["start"] == {"line": 9, "character": 7}, d["range"])
for q in c.publications(main, start=m):
    check(not sendsync_only(q["diagnostics"]), "nothing located in main.c: %r" % q)

# main.c no longer includes job.h: its finding there goes away (a check
# with nothing in job.h replaces what the previous one found there).
m = c.mark()
c.change_full(main, 2, MAIN_C.replace('#include "inc/job.h"\n', "\n"))
p = c.wait_diagnostics(job, lambda p: "struct only_main" not in names(p),
                       "job.h without main.c's finding", start=m)
check(names(p) == ["struct job"], "job.h after the edit of main.c: %r" % names(p))
# Closing main.c withdraws what its checks said about job.h.
m = c.mark()
c.change_full(main, 3, MAIN_C)
c.wait_diagnostics(job, lambda p: "struct only_main" in names(p), "main.c includes job.h again",
                   start=m)
m = c.mark()
c.close(main)
p = c.wait_diagnostics(job, lambda p: "struct only_main" not in names(p), "main.c closed", start=m)
check(names(p) == ["struct job"], "job.h after main.c closed: %r" % names(p))
check(c.shutdown_and_exit() == 0, "exit code")
print("headers %s: ok" % a.mode)
