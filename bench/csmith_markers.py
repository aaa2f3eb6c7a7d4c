#!/usr/bin/env python3
"""Insert sendsync markers at random places into a csmith program.

    bench/csmith_markers.py IN.c OUT.c --seed N

Right and wrong markers both: claims on structs and unions (send, sync,
not_send, unsafe_* with reasons), pointer kinds on pointer globals, and on
purpose misspelled markers ("sned"), misplaced ones (a pointer kind on an
int, a claim on a function), conflicting ones (send + not_send, owned +
borrowed), unsafe claims without a reason, impl declarations with a bad
marker or on a non-struct type, thread markers on a parameter of an
ordinary function. It also adds threads: entry functions that call
csmith's func_1, spawn functions that hand globals and locals (&, casts,
sendsync_assume_send) to pthread_create in loops, with and without joins,
and a spawn API of its own (SS_THREAD_ENTRY/ARG/JOIN).

Prints one line: "wrong=N inserted=M" (N: markers that are wrong on
purpose; the plugin may report them as sendsync-annotation errors, which
is then the only acceptable reason for its exit status to differ from
plain clang's). The output depends only on the input and --seed.
"""
import argparse
import random
import re
import sys

CLAIMS = ["SS_SEND", "SS_SYNC", "SS_NOT_SEND", "SS_NOT_SYNC",
          'SS_UNSAFE_SEND("csmith")', 'SS_UNSAFE_SYNC("csmith")']
KINDS = ["SS_OWNED", "SS_BORROWED", "SS_STATIC"]
# Wrong on purpose.
WRONG_CLAIMS = ['__attribute__((annotate("sned")))', '__attribute__((annotate("snyc")))',
                '__attribute__((annotate("unsafe_send")))', "SS_SEND SS_NOT_SEND",
                "SS_SYNC SS_NOT_SYNC", 'SS_UNSAFE_SYNC("") SS_SYNC',
                '__attribute__((annotate("send", "extra")))', "SS_OWNED"]
WRONG_KINDS = ["SS_OWNED SS_BORROWED", '__attribute__((annotate("onwed")))', "SS_SEND",
               "SS_THREAD_ARG", '__attribute__((annotate("static", 1)))']


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-wrong", action="store_true", help="insert only valid markers")
    a = ap.parse_args()
    r = random.Random(a.seed)
    lines = open(a.input, errors="replace").read().split("\n")
    wrong = inserted = 0

    def pick(good, bad, p_bad=0.25):
        nonlocal wrong, inserted
        inserted += 1
        if not a.no_wrong and r.random() < p_bad:
            wrong += 1
            return r.choice(bad)
        return r.choice(good)

    records, globals_, ptr_globals, protos = [], [], [], []
    claimed = set()   # records with a claim of their own
    out = []
    for line in lines:
        m = re.match(r"^(struct|union) (\w+) \{\s*$", line)
        if m and r.random() < 0.8:
            line = "%s %s %s {" % (m.group(1), pick(CLAIMS, WRONG_CLAIMS), m.group(2))
            records.append("%s %s" % (m.group(1), m.group(2)))
            claimed.add("%s %s" % (m.group(1), m.group(2)))
        elif m:
            records.append("%s %s" % (m.group(1), m.group(2)))
        # A global definition: static <type> g_N[dims] = ...;
        m = re.match(r"^(static )((?:const |volatile )*[\w ]+?[\s*]*(?:const |volatile )*)(g_\d+)((?:\[\d+\])*)( = .*;.*)$", line)
        if m:
            name = m.group(3)
            is_ptr = "*" in m.group(2)
            globals_.append(name)
            if is_ptr:
                ptr_globals.append(name)
            if r.random() < 0.3 and (is_ptr or not a.no_wrong):
                mark = pick(KINDS, WRONG_KINDS) if is_ptr else pick(["SS_STATIC"], WRONG_KINDS, 0.0)
                if not is_ptr:
                    wrong += 1   # a pointer kind on a non-pointer: misplaced
                line = "%s%s%s%s %s%s" % (m.group(1) or "", m.group(2), name, m.group(4), mark, m.group(5))
        # A prototype: static <type> func_N(params);
        m = re.match(r"^(static .*?\b(func_\d+)\()(.*)(\);.*)$", line)
        if m:
            protos.append(m.group(2))
            params = m.group(3)
            first_param = params.partition(",")[0]
            if r.random() < 0.15 and params.strip() != "void" and (
                    "*" in first_param or not a.no_wrong):
                # (on a struct or union parameter the marker is misplaced)
                if "*" not in first_param:
                    wrong += 1
                # a thread marker on an ordinary function's first parameter
                first, _, rest = params.partition(",")
                params = first + " " + pick(["SS_THREAD_ARG"], ["SS_THREAD_ENTRY", "SS_THREAD_JOIN"], 0.5) \
                    + ("," + rest if rest else "")
                line = m.group(1) + params + m.group(4)
            elif r.random() < 0.1 and not a.no_wrong:
                wrong += 1
                inserted += 1
                line = m.group(1) + params + ") " + r.choice(["SS_SEND", "SS_OWNED"]) + m.group(4)[1:]
        out.append(line)

    prelude = ["#include <pthread.h>", "#include <sendsync.h>"]
    if r.random() < 0.2:
        prelude.append("SS_STRICT_FILE;")
    tail = [""]
    for rec in records:
        # An impl on a type with a claim of its own may conflict with it.
        if r.random() < 0.3 and not (a.no_wrong and rec in claimed):
            marker = pick(["send", "sync", "unsafe_send", "unsafe_sync", "not_send"], ["sned", "owned"], 0.3)
            if rec in claimed:
                wrong += 1   # may conflict with the record's own claim
            tail.append('SS_IMPL(%s, %s, "csmith");' % (rec, marker))
    if r.random() < 0.2 and not a.no_wrong:
        wrong += 1
        inserted += 1
        tail.append('SS_IMPL(int, send, "not a struct");')

    # Threads.
    if "func_1" in protos:
        tail.append("static void *ss_entry(void *p) { (void)func_1(); return p; }")
    else:
        tail.append("static void *ss_entry(void *p) { return p; }")
    tail.append("int ss_spawn_api(void *(*f)(void *) SS_THREAD_ENTRY, void *arg SS_THREAD_ARG,")
    tail.append("                 pthread_t *t SS_THREAD_JOIN) { return pthread_create(t, 0, f, arg); }")
    nspawn = r.randint(1, 4)
    for s in range(nspawn):
        tail.append("void ss_spawner_%d(int n) {" % s)
        tail.append("  pthread_t t[4]; pthread_t one;")
        local_rec = r.choice(records) if records and r.random() < 0.5 else None
        if local_rec:
            tail.append("  %s local_%d;" % (local_rec, s))
            tail.append("  __builtin_memset(&local_%d, 0, sizeof local_%d);" % (s, s))
        else:
            tail.append("  long local_%d = n;" % s)
        for i in range(r.randint(1, 5)):
            g = r.choice(globals_) if globals_ else None
            how = r.choice(["&g", "(void *)&g", "assume", "local", "ptr", "null", "heap", "api"])
            if how == "ptr" and ptr_globals:
                arg = "(void *)%s" % r.choice(ptr_globals)
            elif how in ("&g", "(void *)&g") and g:
                arg = "(void *)&%s" % g
            elif how == "assume" and g:
                arg = "sendsync_assume_send((void *)&%s)" % g
            elif how == "local":
                arg = "&local_%d" % s
            elif how == "heap":
                arg = "__builtin_malloc(16)"
            else:
                arg = "0"
            loop = r.random() < 0.4
            join = r.random() < 0.7
            if how == "api":
                call = "ss_spawn_api(ss_entry, %s, &%s)" % ("(void *)&%s" % g if g else "0",
                                                             "t[i]" if loop else "one")
            else:
                call = "pthread_create(&%s, 0, ss_entry, %s)" % ("t[i]" if loop else "one", arg)
            if loop:
                tail.append("  for (int i = 0; i < 4 && i < n; i++) %s;" % call)
                if join:
                    tail.append("  for (int i = 0; i < 4 && i < n; i++) pthread_join(t[i], 0);")
            else:
                tail.append("  %s;" % call)
                if join:
                    tail.append("  pthread_join(one, 0);")
                elif r.random() < 0.5:
                    tail.append("  pthread_detach(one);")
            if r.random() < 0.3:
                tail.append("  __builtin_memset(&local_%d, 1, sizeof local_%d);" % (s, s))
        tail.append("}")

    text = "\n".join(prelude + out + tail) + "\n"
    with open(a.output, "w") as f:
        f.write(text)
    print("wrong=%d inserted=%d" % (wrong, inserted))


if __name__ == "__main__":
    main()
