"""A file whose name is not UTF-8 (Latin-1 bytes, as on an old disk): every
message stays valid UTF-8 (the name's bad bytes are written \\xNN) and the
findings are published for it, although the plugin's JSON turns those bytes
into U+FFFD."""
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
TEXT = "#include <sendsync.h>\nstruct SS_SEND job {\n  int *p SS_BORROWED;\n};\n"
root = os.fsencode(os.path.join(a.tmp, "proj")) + b"\xe9"
os.makedirs(root)
path = root + b"/caf\xe9.c"
with open(path, "w") as f:
    f.write(TEXT)
uri = "file://" + urllib.parse.quote(path)
check("%E9" in uri, uri)

# No compile database: the "default flags" message names the file.
c = Client(server_argv(a), cwd=a.tmp)
c.initialize("file://" + urllib.parse.quote(root))
c.open(uri, TEXT)
p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "the finding in caf\\xE9.c")
[d] = sendsync_only(p["diagnostics"])
check(d["code"] == "sendsync-claim" and d["range"]["start"] == {"line": 2, "character": 7}, d)
check(d["relatedInformation"][-1]["location"]["uri"] == uri, d["relatedInformation"])
said = [m["params"]["message"] for m in c.messages if m.get("method") == "window/showMessage"]
check(any("proj\\xE9/caf\\xE9.c" in s for s in said), "the name, escaped: %r" % said)
check(c.shutdown_and_exit() == 0, "exit code")
print("non-utf8 %s: ok" % a.mode)
