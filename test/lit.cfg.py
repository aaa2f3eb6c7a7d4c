# -*- Python -*-
# lit configuration of the sendsync test suite.
#
# Normally lit is pointed at a build directory, whose test/lit.site.cfg.py (made
# by CMake from lit.site.cfg.py.in) records the build and then loads this file:
#
#     cmake --build build/llvm-22 --target check-sendsync
#     lit -sv build/llvm-22/test
#
# lit may also be pointed at tests in the source tree; this file then finds a
# build directory itself: --param build=<dir>, else $SENDSYNC_BUILD, else the
# newest build/llvm-N that exists (else another build/llvm-N-*):
#
#     lit -v test/plugin/loads.c
#     lit -v --param build=build/llvm-19 test/checks
#
# Substitutions:
#   %clang, %clangxx   clang / clang++ of the LLVM the plugin was built for
#   %plugin            absolute path of sendsync.so
#   %annotations       the repository's annotations/ directory
#   %sendsync          %clang -fsyntax-only -fplugin=%plugin -I %annotations
#   %verify            %sendsync -Xclang -verify
#   %examples, %repo   the repository's examples/ directory and root
#   %sendsync-check, %sendsync-merge, %sendsync-lsp   the C11 tools built into
#                      <build>/bin
# Features: llvm-N, asan (sanitizer build), gcc, g++ (when on PATH), distcc
# (distcc and distccd on PATH).

import os
import shlex
import shutil

import lit.formats

if getattr(config, "sendsync_obj_root", None) is None:
    # Run on the source tree: load a build directory's site config, which
    # loads this file again with the build's facts set (the else branch).
    _src_test = os.path.dirname(os.path.abspath(__file__))
    _repo = os.path.dirname(_src_test)
    _build = lit_config.params.get("build") or os.environ.get("SENDSYNC_BUILD")
    if not _build:
        _candidates = []
        _build_root = os.path.join(_repo, "build")
        if os.path.isdir(_build_root):
            for _name in os.listdir(_build_root):
                _site = os.path.join(_build_root, _name, "test", "lit.site.cfg.py")
                if _name.startswith("llvm-") and os.path.isfile(_site):
                    _version = _name[len("llvm-"):].split("-")[0]
                    if _version.isdigit():
                        # Prefer build/llvm-N itself, then the newest LLVM,
                        # then the most recently configured directory.
                        _candidates.append((_name == "llvm-" + _version, int(_version),
                                            os.path.getmtime(_site), _name))
        if not _candidates:
            lit_config.fatal(
                "no configured build directory found; build first "
                "(make build LLVM=22) or pass --param build=<build dir>")
        _build = os.path.join(_build_root, max(_candidates)[-1])
    _site = os.path.join(os.path.abspath(_build), "test", "lit.site.cfg.py")
    if not os.path.isfile(_site):
        lit_config.fatal("%s not found: is %s a configured sendsync build directory?"
                         % (_site, _build))
    lit_config.note("using build directory %s" % os.path.abspath(_build))
    lit_config.load_config(config, _site)
else:
    def _q(path):
        return shlex.quote(path)

    N = config.llvm_version_major
    config.name = "sendsync (llvm-%s%s)" % (N, ", asan" if config.sendsync_sanitize else "")

    # Bash runs the RUN lines (pipefail on); SENDSYNC_LIT_SHELL=internal selects
    # lit's internal shell instead.
    _use_bash = (os.environ.get("SENDSYNC_LIT_SHELL", "bash") != "internal"
                 and shutil.which("bash") is not None)
    config.test_format = lit.formats.ShTest(execute_external=_use_bash)

    config.suffixes = [".c", ".test", ".cpp"]
    config.excludes = ["Inputs", "README.md", "CMakeLists.txt",
                       "lit.cfg.py", "lit.site.cfg.py", "lit.site.cfg.py.in"]
    config.test_source_root = os.path.join(config.sendsync_src_root, "test")
    config.test_exec_root = os.path.join(config.sendsync_obj_root, "test")

    if not os.path.isfile(config.sendsync_plugin):
        lit_config.fatal("plugin not built: %s (run: cmake --build %s)"
                         % (config.sendsync_plugin, config.sendsync_obj_root))
    for _tool in (config.sendsync_clang, config.sendsync_clangxx):
        if not os.path.isfile(_tool):
            lit_config.fatal("%s not found (apt-get install clang-%s)" % (_tool, N))

    # ---- environment ------------------------------------------------------
    # The matching LLVM's tools (FileCheck, not, count, ...) come first on PATH.
    config.environment["PATH"] = os.pathsep.join(
        [config.llvm_tools_dir, os.environ.get("PATH", "")])
    for _var in ("HOME", "TMPDIR", "LANG"):
        if os.environ.get(_var):
            config.environment[_var] = os.environ[_var]
    # sendsync-check --whole-program caches in the user's cache directory by
    # default: the tests' runs cache in the build tree instead.
    config.environment["XDG_CACHE_HOME"] = os.path.join(
        config.sendsync_obj_root, "test", "xdg-cache")

    if config.sendsync_sanitize:
        # The plugin is built with ASan+UBSan (-shared-libsan) and loaded into
        # an unsanitized clang: the ASan runtime must be preloaded. It is then
        # preloaded into every process of a RUN line (FileCheck too), which is
        # harmless. clang leaks on purpose: no leak detection.
        if not os.path.isfile(config.sendsync_asan_runtime):
            lit_config.fatal("ASan runtime not found: %r (apt-get install libclang-rt-%s-dev)"
                             % (config.sendsync_asan_runtime, N))
        config.environment["LD_PRELOAD"] = config.sendsync_asan_runtime
        config.environment["ASAN_OPTIONS"] = \
            "detect_leaks=0:abort_on_error=0:halt_on_error=1"
        config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
        _symbolizer = os.path.join(config.llvm_tools_dir, "llvm-symbolizer")
        if os.path.isfile(_symbolizer):
            config.environment["ASAN_SYMBOLIZER_PATH"] = _symbolizer
            config.environment["UBSAN_SYMBOLIZER_PATH"] = _symbolizer

    # ---- features ---------------------------------------------------------
    config.available_features.add("llvm-%s" % N)
    if config.sendsync_sanitize:
        config.available_features.add("asan")
    for _compiler in ("gcc", "g++"):
        if shutil.which(_compiler, path=config.environment["PATH"]):
            config.available_features.add(_compiler)
    # distcc.test: the client and the daemon (Debian's distcc), setsid,
    # timeout and python3 (a free port).
    if all(shutil.which(_t, path=config.environment["PATH"])
           for _t in ("distcc", "distccd", "setsid", "timeout", "python3")):
        config.available_features.add("distcc")

    # ---- substitutions (longer names before their prefixes: %clangxx first) --
    _annotations = os.path.join(config.sendsync_src_root, "annotations")
    _sendsync = "%s -fsyntax-only -fplugin=%s -I %s" % (
        _q(config.sendsync_clang), _q(config.sendsync_plugin), _q(_annotations))
    # The tools' names contain '%sendsync' as a prefix: they must come first.
    _bin = getattr(config, "sendsync_bin_dir", os.path.join(config.sendsync_obj_root, "bin"))
    for _tool in ("sendsync-check", "sendsync-merge", "sendsync-lsp"):
        config.substitutions.append(("%" + _tool, _q(os.path.join(_bin, _tool))))
        if os.path.isfile(os.path.join(_bin, _tool)):
            config.available_features.add(_tool)
    config.substitutions.append(("%clangxx", _q(config.sendsync_clangxx)))
    config.substitutions.append(("%clang", _q(config.sendsync_clang)))
    config.substitutions.append(("%plugin", _q(config.sendsync_plugin)))
    config.substitutions.append(("%annotations", _q(_annotations)))
    config.substitutions.append(("%sendsync", _sendsync))
    config.substitutions.append(("%verify", _sendsync + " -Xclang -verify"))
    config.substitutions.append(
        ("%examples", _q(os.path.join(config.sendsync_src_root, "examples"))))
    config.substitutions.append(("%repo", _q(config.sendsync_src_root)))
