#!/usr/bin/env python3
"""The driver of bench/robustness.sh (run that; it finds the build and the
sanitizer runtime). For each input it runs plain clang once and clang with
the plugin in the default and the strict mode, under a timeout, and
compares them:

  crash      a crash or sanitizer report in the plugin run's output
             (stack dump, AddressSanitizer, runtime error, ...)
  hang       the plugin run hit the timeout and plain clang did not
  status     the plugin run's exit status differs from plain clang's,
             unless the only errors it adds are sendsync-annotation errors
             and the input carries wrong markers on purpose

Any of them fails the run. Each failure is kept with its input and the
command that reproduces it.
"""
import argparse
import concurrent.futures as cf
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

CRASH_RE = re.compile(r"PLEASE submit a bug report|Stack dump:|ERROR: AddressSanitizer|"
                      r"runtime error:|LeakSanitizer|Segmentation fault|UndefinedBehaviorSanitizer|"
                      r"SUMMARY: \w+Sanitizer")
ERROR_RE = re.compile(r"^.*?: (?:fatal )?error: (.*)$", re.M)


def run(cmd, cwd, env, timeout):
    t0 = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stderr.decode("utf-8", "replace"), time.time() - t0
    except subprocess.TimeoutExpired as e:
        err = (e.stderr or b"").decode("utf-8", "replace")
        return "timeout", err, time.time() - t0


class Runner:
    def __init__(self, a):
        self.a = a
        self.plain_env = {k: v for k, v in os.environ.items()
                          if k not in ("LD_PRELOAD",)}
        self.plugin_env = dict(self.plain_env)
        if a.asan_runtime:
            self.plugin_env.update({
                "LD_PRELOAD": a.asan_runtime,
                "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=0:halt_on_error=1"),
                "UBSAN_OPTIONS": os.environ.get("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"),
            })
            sym = os.path.join(os.path.dirname(a.clang), "llvm-symbolizer")
            if os.path.exists(sym):
                self.plugin_env["ASAN_SYMBOLIZER_PATH"] = sym
                self.plugin_env["UBSAN_SYMBOLIZER_PATH"] = sym

    def check(self, label, cwd, args, wrong_markers, plugin_args=()):
        """args: clang arguments without -fsyntax-only/-fplugin; plugin_args:
        -fplugin-arg-sendsync-... for the plugin runs. Returns a dict."""
        a = self.a
        base = [a.clang, "-fsyntax-only", "-ferror-limit=0"] + args
        prc, perr, pt = run(base, cwd, self.plain_env, a.timeout)
        res = dict(label=label, plain=prc, problems=[], time=pt, wrong=wrong_markers,
                   input=os.path.join(cwd, args[-1]))
        for mode in ("default", "strict"):
            cmd = [a.clang, "-fsyntax-only", "-ferror-limit=0", "-fplugin=" + a.plugin]
            if mode == "strict":
                cmd.append("-fplugin-arg-sendsync-strict")
            cmd += list(plugin_args) + args
            rc, err, t = run(cmd, cwd, self.plugin_env, a.timeout)
            res["time"] += t
            res[mode] = rc
            repro = "cd %s && %s%s" % (shlex.quote(cwd),
                                        "LD_PRELOAD=%s ASAN_OPTIONS=detect_leaks=0 " % a.asan_runtime
                                        if a.asan_runtime else "",
                                        " ".join(shlex.quote(c) for c in cmd))
            m = CRASH_RE.search(err)
            if m:
                line = next((l for l in err.splitlines() if CRASH_RE.search(l)), m.group(0))
                res["problems"].append(("crash", mode, line.strip(), repro, err))
                continue
            if rc == "timeout":
                if prc != "timeout":
                    res["problems"].append(("hang", mode, "no result after %ss (plain clang: %.1fs)"
                                            % (a.timeout, pt), repro, err))
                continue
            if rc != prc:
                plain_errors = set(ERROR_RE.findall(perr))
                added = [e for e in ERROR_RE.findall(err) if e not in plain_errors]
                expected = (wrong_markers and prc == 0 and rc == 1 and added
                            and all(e.endswith("[sendsync-annotation]") for e in added))
                if not expected:
                    first = next((e for e in added if not e.endswith("[sendsync-annotation]")),
                                 added[0] if added else "")
                    res["problems"].append(("status", mode, "exit %s with the plugin, %s without%s"
                                            % (rc, prc, "; " + first if first else ""), repro, err))
            elif wrong_markers is False and rc == prc and any(
                    e.endswith("[sendsync-annotation]") for e in ERROR_RE.findall(err)):
                # Markers that are all valid must not draw annotation errors.
                res["problems"].append(("status", mode, "sendsync-annotation error on valid markers",
                                        repro, err))
        return res


def parse_seeds(s):
    m = re.match(r"^(\d+)-(\d+)$", s) or re.match(r"^(\d+)$", s)
    if not m:
        raise argparse.ArgumentTypeError("seeds are A-B or N")
    lo = int(m.group(1))
    hi = int(m.group(2)) if m.lastindex == 2 else lo
    if hi < lo:
        raise argparse.ArgumentTypeError("seeds: %d-%d is empty" % (lo, hi))
    return lo, hi


def glibc_jobs(a):
    root = a.glibc_root
    files = []
    for d, dirs, fs in os.walk(root):
        dirs.sort()
        for f in sorted(fs):
            if f.endswith(".c"):
                files.append(os.path.relpath(os.path.join(d, f), root))
    total = len(files)
    if a.limit and a.limit < total:
        # Evenly spread over the tree, always the same files for one limit.
        files = [files[i * total // a.limit] for i in range(a.limit)]
    jobs = []
    for f in files:
        args = ["-D_GNU_SOURCE", "-I", os.path.dirname(f) or ".", "-I", ".",
                "-idirafter", "include", f]
        jobs.append((f, root, args, None, ()))
    return jobs, total


def csmith_jobs(a, work):
    lo, hi = a.seeds
    jobs = []
    os.makedirs(work, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    for seed in range(lo, hi + 1):
        src = os.path.join(work, "csmith-%d.c" % seed)
        if not os.path.exists(src):
            subprocess.run([a.csmith, "--seed", str(seed), "-o", src + ".tmp"], check=True,
                           stdout=subprocess.DEVNULL)
            os.replace(src + ".tmp", src)
        for variant in ("mixed", "valid"):
            out = os.path.join(work, "csmith-%d-%s.c" % (seed, variant))
            cmd = [sys.executable, os.path.join(here, "csmith_markers.py"), src, out, "--seed", str(seed)]
            if variant == "valid":
                cmd.append("--no-wrong")
            summary = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout.decode()
            wrong = int(re.search(r"wrong=(\d+)", summary).group(1))
            args = ["-I", a.csmith_include, "-I", a.annotations, os.path.basename(out)]
            jobs.append(("seed %d %s (%d wrong markers)" % (seed, variant, wrong), work, args,
                         wrong > 0 if variant == "mixed" else False, ()))
    return jobs


# The deep and recursive call graphs of bench/gen_stress.py, one input each,
# and all of them together with a compile error at the bottom of every chain
# (plain clang rejects that one; the plugin must still end, with the same
# exit status). The plugin runs also print every summary and spawn site, so
# that the summaries of all functions are computed, not only the entries'.
STRESS_INPUTS = [("chain", []), ("mutual", []), ("wrappers", []), ("joiners", []),
                 ("deep", ["--broken"])]


def stress_jobs(a, work):
    os.makedirs(work, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    jobs = []
    for parts, extra in STRESS_INPUTS:
        name = "stress-%s%s-k%d.c" % (parts, "-broken" if extra else "", a.stress_k)
        subprocess.run([sys.executable, os.path.join(here, "gen_stress.py"), str(a.stress_k),
                        "--parts", parts, "-o", os.path.join(work, name)] + extra, check=True)
        args = ["-I", a.annotations, name]
        label = "gen_stress.py %d --parts %s%s" % (a.stress_k, parts, " " + " ".join(extra) if extra else "")
        jobs.append((label, work, args, None,
                     ("-fplugin-arg-sendsync-dump-summaries", "-fplugin-arg-sendsync-dump-spawns")))
    return jobs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clang", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--asan-runtime", default="")
    ap.add_argument("--annotations", required=True)
    ap.add_argument("--corpus", choices=["glibc", "csmith", "stress"], required=True)
    ap.add_argument("--glibc-root")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--seeds", type=parse_seeds, default=(1, 20))
    ap.add_argument("--stress-k", type=int, default=4)
    ap.add_argument("--csmith", default="csmith")
    ap.add_argument("--csmith-include", default="/usr/include/csmith")
    ap.add_argument("--work", required=True)
    ap.add_argument("--keep", required=True, help="failures are copied here")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()

    if a.corpus == "glibc":
        jobs, total = glibc_jobs(a)
        title = "glibc-source: %d of the %d C files in %s" % (len(jobs), total, a.glibc_root)
    elif a.corpus == "stress":
        jobs = stress_jobs(a, a.work)
        title = ("gen_stress.py k=%d: deep and recursive call graphs (chains of %d functions)"
                 % (a.stress_k, 2500 * a.stress_k))
    else:
        jobs = csmith_jobs(a, a.work)
        title = "csmith seeds %d-%d, each with random markers (mixed: some wrong on purpose; valid: none wrong)" % a.seeds
    runner = Runner(a)
    t0 = time.time()
    results = []
    with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        futs = [ex.submit(runner.check, label, cwd, args, wrong, pargs)
                for label, cwd, args, wrong, pargs in jobs]
        for i, f in enumerate(cf.as_completed(futs), 1):
            r = f.result()
            results.append(r)
            if a.verbose or r["problems"]:
                print("  [%d/%d] %s: plain %s, default %s, strict %s%s" % (
                    i, len(jobs), r["label"], r["plain"], r.get("default"), r.get("strict"),
                    "".join("\n      %s (%s): %s" % p[:3] for p in r["problems"])), flush=True)
    elapsed = time.time() - t0

    print("== %s ==" % title)
    print("plugin: %s%s" % (a.plugin, " (ASan+UBSan, runtime preloaded)" if a.asan_runtime else ""))
    parsed = sum(1 for r in results if r["plain"] == 0)
    print("inputs: %d" % len(results))
    print("parsed by plain clang: %d" % parsed)
    print("rejected by plain clang: %d (the plugin still runs on their partial ASTs)"
          % sum(1 for r in results if r["plain"] not in (0, "timeout")))
    if a.corpus == "csmith":
        mixed = [r for r in results if r["wrong"]]
        print("inputs with wrong markers on purpose: %d; plugin exit 1 on them (sendsync-annotation errors only): %d/%d"
              % (len(mixed), sum(1 for r in mixed if r.get("default") == 1 and r["plain"] == 0), len(mixed)))
    kinds = {"crash": 0, "hang": 0, "status": 0}
    for r in results:
        for p in r["problems"]:
            kinds[p[0]] += 1
    print("plugin runs: %d (default and strict)" % (2 * len(results)))
    print("crashes or sanitizer reports: %d" % kinds["crash"])
    print("hangs (timeout %ds): %d" % (a.timeout, kinds["hang"]))
    print("unexpected exit status: %d" % kinds["status"])
    slow = sorted(results, key=lambda r: -r["time"])[:3]
    print("slowest inputs (3 runs): %s" % ", ".join("%s %.1fs" % (r["label"], r["time"]) for r in slow))
    print("wall time: %.0fs with -j%d" % (elapsed, a.jobs))
    failed = [r for r in results if r["problems"]]
    if failed:
        os.makedirs(a.keep, exist_ok=True)
        for n, r in enumerate(failed):
            d = os.path.join(a.keep, "failure-%d" % n)
            os.makedirs(d, exist_ok=True)
            for kind, mode, line, repro, err in r["problems"]:
                with open(os.path.join(d, "%s-%s.txt" % (kind, mode)), "w") as f:
                    f.write("%s\n%s\n\n%s" % (r["label"], repro, err))
            try:
                shutil.copy(r["input"], d)
            except OSError:
                pass
            print("FAILED: %s (kept in %s)" % (r["label"], d))
            for kind, mode, line, repro, err in r["problems"]:
                print("    %s, %s mode: %s\n    reproduce: %s" % (kind, mode, line, repro))
    print("robustness: %s" % ("OK" if not failed else "FAILED"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
