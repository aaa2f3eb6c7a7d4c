"""Temporary copies of unsaved buffers live in a private directory (mode
0700) under unpredictable names, and are removed when their document
closes, when the server exits, and when it gets SIGTERM. The directory
exists only while checks run, so that an editor that kills the server with
SIGKILL (Eglot, right after "exit") leaves nothing behind."""
import glob
import os
import re
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
TEXT = "#include <sendsync.h>\nstruct SS_SEND job {\n  int *p SS_BORROWED;\n};\n"
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations,
               {"a.c": TEXT, "b.c": TEXT.replace("job", "other")})
tmp = os.path.join(a.tmp, "tmp")
log = os.path.join(a.tmp, "listing.log")
os.makedirs(tmp)
env = dict(os.environ, TMPDIR=tmp, SS_LOG=log, SS_REAL_CLANG=a.clang)
wrapper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "listing_clang.sh")
argv = [x if not x.startswith("--clang=") else "--clang=" + wrapper for x in server_argv(a)]


def ours():
    return glob.glob(os.path.join(tmp, "sendsync.*"))


def holding(text):
    """Files under our directories whose content holds text."""
    found = []
    for d in ours():
        for f in glob.glob(os.path.join(d, "*")):
            try:
                with open(f, errors="replace") as fh:
                    if text in fh.read():
                        found.append(f)
            except OSError:
                pass
    return found


def wait_until(cond, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            fail("timed out waiting until " + what)
        time.sleep(0.05)


# ---- what a check sees: a private directory, random names ---------------
c = Client(argv, cwd=proj.root, env=env)
c.initialize("file://" + proj.root)
c.open(proj.uri("a.c"), TEXT + "/* UNSAVED_A */\n")
c.wait_diagnostics(proj.uri("a.c"), lambda p: sendsync_only(p["diagnostics"]), "a.c checked")
c.open(proj.uri("b.c"), TEXT.replace("job", "other") + "/* UNSAVED_B */\n")
c.wait_diagnostics(proj.uri("b.c"), lambda p: sendsync_only(p["diagnostics"]), "b.c checked")
with open(log) as f:
    listing = f.read().split("end\n")
check(len(listing) >= 3, listing)
for snap in listing[:2]:
    lines = snap.splitlines()
    check(lines and lines[0] == "dir 700", "the directory is private: %r" % lines)
    for line in lines[1:]:
        _, mode, name = line.split(" ", 2)
        check(mode in ("600", "700"), "file mode: %r" % line)
    buffers = [l.split(" ", 2)[2] for l in lines[1:] if " buffer-" in l]
    check(buffers, "a buffer copy while the check runs: %r" % lines)
    for b in buffers:
        check(re.fullmatch(r"buffer-[A-Za-z0-9]{6}", b), "unpredictable name: %r" % b)
wait_until(lambda: ours() == [], "no directory while no check runs")

# ---- closing a document while its check runs removes its copy -----------
env["SS_SLEEP"] = "3"
c2 = Client(argv, cwd=proj.root, env=env)
c2.initialize("file://" + proj.root)
c2.open(proj.uri("a.c"), TEXT + "/* CLOSED_A */\n")
wait_until(lambda: holding("CLOSED_A"), "a copy of a.c while it is checked")
c2.close(proj.uri("a.c"))
wait_until(lambda: not holding("CLOSED_A"), "the copy removed after didClose", timeout=2.5)
check(c2.shutdown_and_exit() == 0, "exit code")
check(ours() == [], "c2's directory removed: %r" % ours())

# ---- exit and SIGTERM remove the directory ------------------------------
check(c.shutdown_and_exit() == 0, "exit code")
check(ours() == [], "removed on exit: %r" % ours())
c3 = Client(argv, cwd=proj.root, env=env)
c3.initialize("file://" + proj.root)
c3.open(proj.uri("a.c"), TEXT + "/* TERM_A */\n")
wait_until(lambda: holding("TERM_A"), "a copy of a.c while it is checked")
c3.proc.send_signal(signal.SIGTERM)
rc = c3.wait_exit(10)
check(rc != 0, "SIGTERM is not a clean exit: %r" % rc)
check(ours() == [], "removed on SIGTERM: %r" % ours())

# SIGKILL cannot be handled; while no check runs there is nothing to leave.
env["SS_SLEEP"] = "0"
c4 = Client(argv, cwd=proj.root, env=env)
c4.initialize("file://" + proj.root)
c4.open(proj.uri("a.c"), TEXT)
c4.wait_diagnostics(proj.uri("a.c"), lambda p: sendsync_only(p["diagnostics"]), "a.c checked")
wait_until(lambda: ours() == [], "no directory once the check is done")
c4.proc.kill()
c4.wait_exit(10)
check(ours() == [], "nothing left after SIGKILL: %r" % ours())
print("tmpfiles %s: ok" % a.mode)
