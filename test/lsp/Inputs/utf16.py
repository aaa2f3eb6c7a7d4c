"""Columns after non-ASCII text: UTF-16 code units by default, bytes when the
client negotiates utf-8 (general.positionEncodings). Incremental edits are
read in the same encoding."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
# Before 'counter' on line 4: "  /* ü😀 */ int *" -- ü is 2 bytes / 1 UTF-16
# unit, 😀 is 4 bytes / 2 UTF-16 units.
TEXT = ("#include <sendsync.h>\n"
        "/* Grüße */\n"
        "struct SS_SEND job {\n"
        "  int id;\n"
        "  /* ü😀 */ int *counter SS_BORROWED;\n"
        "};\n")
prefix = "  /* ü😀 */ int *"
units16 = len(prefix.encode("utf-16-le")) // 2
units8 = len(prefix.encode("utf-8"))
check((units16, units8) == (17, 20), (units16, units8))

proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"u.c": TEXT})
uri = proj.uri("u.c")

for encoding, start in (("utf-16", units16), ("utf-8", units8)):
    caps = {}
    if encoding == "utf-8":
        # LSP 3.17's negotiation; clangd-19 only knows its older extension
        # (offsetEncoding), and in wrap mode clangd's choice is followed.
        caps = {"general": {"positionEncodings": ["utf-8", "utf-16"]}} if a.mode == "beside" \
            else {"offsetEncoding": ["utf-8", "utf-16"]}
    c = Client(server_argv(a), cwd=proj.root)
    result = c.initialize("file://" + proj.root, caps)
    if a.mode == "beside":
        check(result["capabilities"]["positionEncoding"] == encoding, result)
    c.open(uri, TEXT)
    p = c.wait_diagnostics(uri, lambda p: sendsync_only(p["diagnostics"]), "diagnostics")
    [d] = sendsync_only(p["diagnostics"])
    check(d["range"] == {"start": {"line": 4, "character": start},
                         "end": {"line": 4, "character": start + 7}},
          "%s range: %r" % (encoding, d["range"]))
    # Rename 'counter' to 'tally' with a range in the same encoding.
    m = c.mark()
    c.change_range(uri, 2, (4, start), (4, start + 7), "tally")
    p = c.wait_diagnostics(uri, lambda p: any("'tally'" in d["message"]
                                              for d in sendsync_only(p["diagnostics"])),
                           "diagnostics after the %s edit" % encoding, start=m)
    [d] = sendsync_only(p["diagnostics"])
    check(d["range"]["end"] == {"line": 4, "character": start + 5}, d["range"])
    check(c.shutdown_and_exit() == 0, "exit code")
    print("%s %s: ok" % (encoding, a.mode))
