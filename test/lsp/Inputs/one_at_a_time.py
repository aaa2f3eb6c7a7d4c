"""Never two checks of one file at once: clang is replaced by a script that
holds a lock while the real clang runs and logs an overlap. Edits come
faster than checks finish, so checks are started and stopped many times."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
def source(i):
    return "#include <sendsync.h>\nstruct SS_SEND job%d {\n  int *p SS_BORROWED;\n};\n" % i

proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"o.c": source(0)})
lockdir = os.path.join(a.tmp, "lock")
os.makedirs(lockdir)
env = dict(os.environ, SS_LOCK_DIR=lockdir, SS_REAL_CLANG=a.clang)
wrapper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locking_clang.sh")
argv = server_argv(a, extra=["--debounce=20"])
argv[1] = "--clang=" + wrapper
uri = proj.uri("o.c")
c = Client(argv, cwd=proj.root, env=env)
c.initialize("file://" + proj.root)
c.open(uri, source(0))
for i in range(1, 16):
    time.sleep(0.04)  # pacing only: the assertions do not depend on it
    c.change_full(uri, i + 1, source(i))
c.wait_diagnostics(uri, lambda p: any("job15" in d["message"] for d in sendsync_only(p["diagnostics"])),
                   "the last version's diagnostics")
check(c.shutdown_and_exit() == 0, "exit code")
log = open(os.path.join(lockdir, "log")).read().split()
check("overlap" not in log, "two checks of one file ran at once: %r" % log)
# How many checks start depends on timing (a slow, sanitized clang may see
# all the edits before its debounce ends): at least one, never two at once.
check(log.count("start") >= 1, "no check started: %r" % log)
# A check that finished before the next edit arrived may be published (it was
# current then); what must never happen is a result for an older version
# after a newer one, or diagnostics that do not belong to their version.
# (In wrap mode clangd's own publications carry clangd's versions; sendsync's
# diagnostics appear only in a publication for the version they belong to.)
last = 0
for p in c.publications(uri):
    v = p.get("version") or 0
    ours = sendsync_only(p["diagnostics"])
    if ours:
        check(v >= last, "an older sendsync result published after a newer one: %r" % p)
        last = v
    for d in ours:
        check("job%d" % (v - 1) in d["message"], "stale diagnostics for version %d: %r" % (v, p))
check(last == 16, "the last sendsync publication is not for the last version (%d)" % last)
print("one-at-a-time %s: ok (%d checks)" % (a.mode, log.count("start")))
