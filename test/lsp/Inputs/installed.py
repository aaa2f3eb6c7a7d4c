"""An installed sendsync-lsp takes its plugin, its marker header and its
doc links from its own prefix, not from the build's source tree, also after
the prefix was moved. Run as: installed.py <lspargs> --tmp DIR (the prefix
is DIR/prefix)."""
import os
import shutil
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
TEXT = "#include <sendsync.h>\nstruct SS_SEND job {\n  int *p SS_BORROWED;\n};\n"
wrapper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "argv_clang.sh")
log = os.path.join(a.tmp, "argv.log")
env = dict(os.environ, SS_LOG=log, SS_REAL_CLANG=a.clang)


def run(prefix):
    proj = Project(os.path.join(a.tmp, "proj"), a.clang, a.annotations, {"i.c": TEXT}, compiled=[])
    os.remove(os.path.join(proj.root, "compile_commands.json"))  # default flags
    c = Client([os.path.join(prefix, "bin", "sendsync-lsp"), "--clang=" + wrapper],
               cwd=proj.root, env=env)
    c.initialize("file://" + proj.root)
    c.open(proj.uri("i.c"), TEXT)
    p = c.wait_diagnostics(proj.uri("i.c"), lambda p: sendsync_only(p["diagnostics"]),
                           "a finding from the installed server")
    check(c.shutdown_and_exit() == 0, "exit code")
    [d] = sendsync_only(p["diagnostics"])
    href = d["codeDescription"]["href"]
    check(href == "file://%s/share/doc/sendsync/checks/sendsync-claim.md"
          % urllib.parse.quote(prefix), "doc link in the prefix: %r" % href)
    check(os.path.isfile(urllib.parse.unquote(href[len("file://"):])), href)
    argv = open(log).read().split("\n")
    check("-idirafter" in argv and argv[argv.index("-idirafter") + 1] == prefix + "/include",
          "the installed header directory: %r" % argv)
    plugins = [x for x in argv if x.startswith("-fplugin=")]
    check(plugins and all(x.startswith("-fplugin=" + prefix + "/lib/sendsync/") for x in plugins),
          "the installed plugin: %r" % plugins)


prefix = os.path.join(a.tmp, "prefix")
run(prefix)
moved = os.path.join(a.tmp, "moved prefix")
shutil.move(prefix, moved)
run(moved)
print("installed: ok")
