"""Feeds the plugin damaged program databases (db-mutations.test).

  db_mutate.py DB SEED COUNT -- CLANG ARGS...

Makes COUNT mutants of DB, in the merge's line layout and on one line:
values replaced by ones of the wrong type or range, keys deleted, lines
cut or swapped, the file cut short. Runs CLANG ARGS... with
-fplugin-arg-sendsync-program=<mutant> on each. The plugin must never
crash: clang exits 0, or 1 with a "sendsync: program:" error, and prints
no crash report. Prints one line per kind of outcome and exits 1 on the
first crash, naming the mutant.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

WRONG = [-1, 4097, 2**40, "x", "", "a.c:", "a.c:0", ":7", None, [], {},
         [[]], 1.5, 1e308, True, "\u00e9\u0000", "a" * 5000]
CRASH = ("PLEASE submit a bug report", "Stack dump", "AddressSanitizer",
         "UndefinedBehaviorSanitizer", "runtime error:",
         "frontend command failed")


def paths(value, prefix=()):
    """Every (path, value) below value."""
    yield prefix, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, prefix + (i,))


def mutate_value(db, rng):
    name = rng.choice(sorted(db["functions"]))
    entry = db["functions"][name]
    path, _ = rng.choice(list(paths(entry))[1:] or [((), entry)])
    parent = entry
    for step in path[:-1]:
        parent = parent[step]
    if path and rng.random() < 0.25 and isinstance(parent, dict):
        del parent[path[-1]]
    elif path:
        parent[path[-1]] = rng.choice(WRONG)
    else:
        db["functions"][name] = rng.choice(WRONG)


def lines_text(db):
    """The merge's layout (a function and a unit per line)."""
    head = {k: v for k, v in db.items()
            if k not in ("functions", "translation_units")}
    dump = lambda v: json.dumps(v, separators=(",", ":"), sort_keys=True)
    out = ['{"conflicts":%s,"format":%s,"functions":{'
           % (dump(head.get("conflicts", {})), dump(head.get("format")))]
    fns = sorted(db["functions"].items())
    out += ['%s:%s%s' % (dump(k), dump(v), "," if i + 1 < len(fns) else "")
            for i, (k, v) in enumerate(fns)]
    out.append('},"translation_units":[')
    units = db.get("translation_units", [])
    out += [dump(u) + ("," if i + 1 < len(units) else "")
            for i, u in enumerate(units)]
    out.append('],"version":%s}' % dump(head.get("version")))
    return "\n".join(out) + "\n"


def mutants(text, rng, count):
    db = json.loads(text)
    for _ in range(count):
        kind = rng.choice(["value", "value", "value", "cut", "swap", "short"])
        if kind == "value":
            m = json.loads(text)
            for _ in range(rng.randint(1, 3)):
                mutate_value(m, rng)
            yield kind, lines_text(m)
            yield kind, json.dumps(m)
        elif kind == "short":
            yield kind, text[: rng.randrange(len(text))]
        else:
            lines = lines_text(db).split("\n")
            i = rng.randrange(1, len(lines) - 1)
            if kind == "cut":
                lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
            else:
                j = rng.randrange(1, len(lines) - 1)
                lines[i], lines[j] = lines[j], lines[i]
            yield kind, "\n".join(lines)


def main():
    db_path, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1:]
    rng = random.Random(seed)
    text = open(db_path).read()
    outcomes = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, (kind, mutant) in enumerate(mutants(text, rng, count)):
            path = os.path.join(tmp, "m%d.db" % n)
            with open(path, "w") as f:
                f.write(mutant)
            run = subprocess.run(
                command + ["-fplugin-arg-sendsync-program=" + path],
                capture_output=True, text=True, errors="replace")
            crashed = any(c in run.stderr for c in CRASH)
            rejected = "error: sendsync: program:" in run.stderr
            if crashed or run.returncode not in (0, 1) or \
                    (run.returncode == 1 and not rejected):
                keep = os.path.join(os.path.dirname(db_path), "crash.db")
                with open(keep, "w") as f:
                    f.write(mutant)
                print("crash: mutant %d (%s), kept as %s, exit %d:\n%s"
                      % (n, kind, keep, run.returncode, run.stderr[-2000:]))
                sys.exit(1)
            key = "%s: %s" % (kind, "rejected" if rejected else "accepted")
            outcomes[key] = outcomes.get(key, 0) + 1
    for key in sorted(outcomes):
        print(key, outcomes[key])
    print("no crash in", sum(outcomes.values()), "runs")


main()
