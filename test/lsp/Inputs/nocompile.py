"""A file without a compile command is checked with default flags (the
marker header is still found), and the user is told so once."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
TEXT = "#include <sendsync.h>\nstruct SS_SEND job {\n  int *p SS_BORROWED;\n};\n"
# The database lists another file only.
proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations,
               {"listed.c": "int x;\n", "extra/orphan.c": TEXT}, compiled=["listed.c"])
uri = proj.uri("extra/orphan.c")
c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
c.open(uri, TEXT)
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "diagnostics with default flags")
check(sendsync_only(p["diagnostics"])[0]["code"] == "sendsync-claim", p)
m = c.mark()
c.change_full(uri, 2, TEXT.replace("job", "job2"))
c.wait_diagnostics(uri, lambda p: p.get("version") == 2, "v2", start=m)
c.close(uri)
c.open(uri, TEXT, version=3)
c.wait_diagnostics(uri, lambda p: p.get("version") == 3, "v3 after reopening")
# A buffer that was never saved (no file on disk) is checked too, and
# reported under its own URI.
new_uri = proj.uri("extra/never saved.c").replace(" ", "%20")
c.open(new_uri, TEXT.replace("job", "fresh"))
p = c.wait_diagnostics(new_uri, lambda p: sendsync_only(p["diagnostics"]), "a never-saved buffer")
[d] = sendsync_only(p["diagnostics"])
check("'struct fresh'" in d["message"], d)
check(d["relatedInformation"][-1]["location"]["uri"] == new_uri, d)
check(not os.path.exists(proj.path("extra/never saved.c")), "nothing written next to it")
check(c.shutdown_and_exit() == 0, "exit code")
said = [m["params"]["message"] for m in c.messages if m.get("method") == "window/showMessage"
        and "no compile command" in m["params"]["message"]]
check(len(said) == 2, "said once per file: %r" % said)
check(proj.path("extra/orphan.c") in said[0] and "default flags" in said[0], said)
print("nocompile %s: ok" % a.mode)
