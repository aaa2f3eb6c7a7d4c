"""Opening an untrusted folder must not run its code (issue 15).

A shared library whose constructor writes a marker file is named in the
compile database in every form that makes clang load it: -fplugin=,
-fpass-plugin=, -Xclang -load, -Xclang -add-plugin with -load, and inside
an @rsp file. Through open, edit and save of each file the marker never
appears, and the user is told once per file which flags were dropped. With
the folder in trustedFolders (or --trusted-folder=) the markers do appear,
which proves the test can fail; a folder whose name merely starts with the
trusted one's stays untrusted."""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import *  # noqa: F401,F403

a = args_from_argv()
SRC = "#include <sendsync.h>\nstruct SS_SEND job {\n  int *counter SS_BORROWED;\n};\n"
FORMS = {
    "fplugin": lambda lib: ["-fplugin=" + lib],
    "fpass": lambda lib: ["-fpass-plugin=" + lib],
    "load": lambda lib: ["-Xclang", "-load", "-Xclang", lib],
    "addplugin": lambda lib: ["-Xclang", "-add-plugin", "-Xclang", "x", "-Xclang", "-load",
                              "-Xclang", lib],
    "rsp": None,  # -fplugin= inside flags.rsp
}


def project(root):
    """One file per form; returns {form: (uri, lib, marker)}."""
    proj = Project(root, a.clang, a.annotations, {f + ".c": SRC for f in FORMS})
    out, entries = {}, []
    for form, flags in FORMS.items():
        marker = os.path.join(root, "marker-" + form)
        lib = os.path.join(root, "lib" + form + ".so")
        subprocess.check_call([a.clang, "-shared", "-fPIC", "-DMARKER=\"%s\"" % marker,
                               os.path.join(os.path.dirname(__file__), "marker.c"), "-o", lib])
        if flags is None:
            with open(os.path.join(root, "flags.rsp"), "w") as f:
                f.write("-fplugin=%s\n" % lib)
            flags = lambda lib: ["@flags.rsp"]  # noqa: E731
        entries.append({"directory": root, "file": form + ".c",
                        "arguments": [a.clang, "-std=c11", "-I", a.annotations] +
                        flags(lib) + ["-c", form + ".c"]})
        out[form] = (proj.uri(form + ".c"), lib, marker)
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    return proj, out


def drive(c, files):
    """Open, edit and save each file; each step waits for its check."""
    for form, (uri, lib, marker) in files.items():
        m = c.mark()
        c.open(uri, SRC)
        c.wait_diagnostics(uri, lambda p: p.get("version") == 1 and sendsync_only(p["diagnostics"]),
                           "the check of %s.c (open)" % form, start=m)
        m = c.mark()
        c.change_range(uri, 2, (2, 7), (2, 14), "total")
        c.wait_diagnostics(uri, lambda p: p.get("version") == 2 and sendsync_only(p["diagnostics"]),
                           "the check of %s.c (edit)" % form, start=m)
        m = c.mark()
        c.save(uri)
        c.wait_diagnostics(uri, lambda p: p.get("version") == 2, "the check of %s.c (save)" % form,
                           start=m)


def warnings(c):
    return [m["params"]["message"] for m in c.messages
            if m.get("method") == "window/showMessage" and m["params"]["type"] == 2]


# Does this clang load a pass plugin in a syntax-only run at all? clang 22
# does (while parsing its options); clang 19 loads it only for code
# generation. Where it does not, the trusted run cannot show that form.
cal = os.path.join(a.tmp, "calibrate")
_, cal_files = project(cal)
cal_src = os.path.join(cal, "fpass.c")
subprocess.call([a.clang, "-fsyntax-only", "-I", a.annotations,
                 "-fpass-plugin=" + cal_files["fpass"][1], cal_src],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
pass_plugins_load = os.path.exists(cal_files["fpass"][2])

# ---- untrusted: nothing loads -------------------------------------------
proj, files = project(os.path.join(a.tmp, "proj"))
c = Client(server_argv(a), cwd=proj.root)
c.initialize("file://" + proj.root)
drive(c, files)
check(c.shutdown_and_exit() == 0, "exit code")
for form, (uri, lib, marker) in files.items():
    check(not os.path.exists(marker), "%s: the library was loaded (%s)" % (form, marker))
    said = [w for w in warnings(c) if lib in w]
    check(len(said) == 1, "%s: one warning naming %s: %r" % (form, lib, warnings(c)))
    path = proj.path(form + ".c")
    check(path in said[0] and "trustedFolders" in said[0], said[0])
check(any("-fpass-plugin=" + files["fpass"][1] in w for w in warnings(c)), warnings(c))
check(any("-Xclang -load" in w and files["load"][1] in w for w in warnings(c)), warnings(c))

# ---- trusted through initializationOptions: everything loads -------------
proj, files = project(os.path.join(a.tmp, "trusted"))
_, lookalike = project(os.path.join(a.tmp, "trusted-not"))
c = Client(server_argv(a), cwd=proj.root)
c.call("initialize", {"processId": os.getpid(), "rootUri": "file://" + proj.root,
                      "capabilities": {},
                      "initializationOptions": {"trustedFolders": [proj.root + "/"]}})
c.notify("initialized", {})
for form, (uri, lib, marker) in list(files.items()) + list(lookalike.items()):
    c.open(uri, SRC)
loading = {f: v for f, v in files.items() if f != "fpass" or pass_plugins_load}
deadline = time.monotonic() + TIMEOUT
while time.monotonic() < deadline and not all(os.path.exists(m) for _, _, m in loading.values()):
    time.sleep(0.1)
for form, (uri, lib, marker) in loading.items():
    check(os.path.exists(marker), "%s: trusted, yet the library was not loaded" % form)
c.wait_diagnostics(lookalike["fplugin"][0], lambda p: sendsync_only(p["diagnostics"]),
                   "the check of the look-alike folder's file")
check(c.shutdown_and_exit() == 0, "exit code")
for form, (uri, lib, marker) in lookalike.items():
    check(not os.path.exists(marker), "trusted-not/%s: a prefix is not a folder" % form)
check(not any(files["fplugin"][1] in w for w in warnings(c)), "no warning when trusted")

# ---- trusted through the command line -----------------------------------
if a.mode == "beside":
    proj, files = project(os.path.join(a.tmp, "cmdline"))
    c = Client(server_argv(a, extra=["--trusted-folder=" + proj.root]), cwd=proj.root)
    c.initialize("file://" + proj.root)
    uri, lib, marker = files["load"]
    c.open(uri, SRC)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and not os.path.exists(marker):
        time.sleep(0.1)
    check(os.path.exists(marker), "--trusted-folder: the library was not loaded")
    check(c.shutdown_and_exit() == 0, "exit code")
print("untrusted %s: ok (trusted forms that loaded: %s)" % (a.mode, " ".join(sorted(loading))))
