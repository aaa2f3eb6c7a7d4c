"""Structural assertions on the JSON report of test/json/findings.c.

usage: check_findings.py <report.json> <source.c>

Lines are looked up by `// @tag` comments in the source, columns are derived
from the source text, so every expectation here is independent of edits that
move code around.
"""
import json
import os
import re
import sys

report_path, source_path = sys.argv[1], sys.argv[2]
with open(report_path) as f:
    report = json.load(f)
with open(source_path) as f:
    lines = f.read().split("\n")


def line_of(tag):
    hits = [i + 1 for i, l in enumerate(lines) if l.rstrip().endswith("// @" + tag)]
    assert len(hits) == 1, (tag, hits)
    return hits[0]


def col_of(tag, text, nth=0):
    """1-based column of the nth occurrence of text on the tagged line."""
    line = lines[line_of(tag) - 1]
    pos = -1
    for _ in range(nth + 1):
        pos = line.index(text, pos + 1)
    return pos + 1


def same_file(path):
    return os.path.realpath(path) == os.path.realpath(source_path)


def expect_loc(loc, tag, column, what):
    assert isinstance(loc, dict), (what, loc)
    assert set(loc) == {"file", "line", "column"}, (what, sorted(loc))
    assert same_file(loc["file"]), (what, loc["file"], source_path)
    assert loc["line"] == line_of(tag), (what, loc, tag, line_of(tag))
    assert loc["column"] == column, (what, loc, column)


# ---- top level --------------------------------------------------------------
assert set(report) == {"schema", "version", "tool", "translation_unit",
                       "compile_errors", "findings", "unsafe_claims",
                       "explanations"}, sorted(report)
assert report["schema"] == "sendsync-findings", report["schema"]
assert report["version"] == 1 and isinstance(report["version"], int), report["version"]
tool = report["tool"]
assert set(tool) == {"name", "version", "clang"}, tool
assert tool["name"] == "sendsync", tool
assert re.fullmatch(r"\d+\.\d+\.\d+", tool["version"]), tool
assert re.fullmatch(r"\d+\.\d+\.\d+.*", tool["clang"]), tool
assert same_file(report["translation_unit"]), report["translation_unit"]
assert report["compile_errors"] is False, report["compile_errors"]

# ---- findings, in source order --------------------------------------------
findings = report["findings"]
assert [f["check"] for f in findings] == ["sendsync-claim", "sendsync-annotation"], \
    [f["check"] for f in findings]
for f in findings:
    assert set(f) == {"check", "severity", "message", "location", "notes", "fixits"}, sorted(f)

claim, annotation = findings
assert claim["severity"] == "warning", claim
# The message carries no "[check-id]" suffix: that is the "check" field.
assert claim["message"] == ("'struct job' is marked send, but its field 'out' has type "
                            "'struct sink', which is not Send"), claim["message"]
expect_loc(claim["location"], "job_out", col_of("job_out", "out"), "claim")
assert claim["fixits"] == [], claim["fixits"]
notes = claim["notes"]
for n in notes:
    assert set(n) == {"message", "location"}, sorted(n)
assert [n["message"] for n in notes] == [
    "'struct sink' is not Send because its field 'log' owns a 'struct logger', which is not Send",
    "'struct logger' is marked not_send here",
    "'struct job' is claimed send here",
], [n["message"] for n in notes]
expect_loc(notes[0]["location"], "sink_log", col_of("sink_log", "log", 1), "hop 1")
# A marker written through a macro is located where the macro is used.
expect_loc(notes[1]["location"], "logger", col_of("logger", "SS_NOT_SEND"), "root cause")
expect_loc(notes[2]["location"], "job_claim", col_of("job_claim", "SS_SEND"), "claim note")

assert annotation["severity"] == "error", annotation
assert annotation["message"] == "unknown sendsync marker 'sned'; did you mean 'send'?", annotation
expect_loc(annotation["location"], "typo", col_of("typo", "annotate"), "annotation")
assert annotation["notes"] == [], annotation["notes"]
assert len(annotation["fixits"]) == 1, annotation["fixits"]
fix = annotation["fixits"][0]
assert set(fix) == {"begin", "end", "replacement"}, sorted(fix)
# The range covers the string literal "sned" with its quotes; end is one past
# its last character (as in clang's -fdiagnostics-parseable-fixits).
begin = col_of("typo", '"sned"')
expect_loc(fix["begin"], "typo", begin, "fixit begin")
expect_loc(fix["end"], "typo", begin + len('"sned"'), "fixit end")
assert fix["replacement"] == '"send"', fix["replacement"]

# ---- unsafe claims: every unsafe_* marker, with its reason ---------------
claims = report["unsafe_claims"]
for c in claims:
    assert set(c) == {"marker", "type", "reason", "impl", "location"}, sorted(c)
by_type = {c["type"]: c for c in claims}
assert sorted(by_type) == ["foreign_t", "struct foreign", "struct pool"], sorted(by_type)
pool = by_type["struct pool"]
assert pool["marker"] == "unsafe_send" and pool["impl"] is False, pool
assert pool["reason"] == "guarded by the pool lock", pool
expect_loc(pool["location"], "pool", col_of("pool", "SS_UNSAFE_SEND"), "unsafe pool")
impl = by_type["struct foreign"]
assert impl["marker"] == "unsafe_sync" and impl["impl"] is True, impl
assert impl["reason"] == "read-only after init", impl
expect_loc(impl["location"], "impl", col_of("impl", "SS_IMPL"), "unsafe impl")
td = by_type["foreign_t"]
assert td["marker"] == "unsafe_send" and td["impl"] is False, td
assert td["reason"] == "one owner at a time", td
expect_loc(td["location"], "typedef_unsafe", col_of("typedef_unsafe", "SS_UNSAFE_SEND"), "unsafe typedef")

# ---- explanations: explain=job -----------------------------------------------
expl = report["explanations"]
assert len(expl) == 1 and set(expl[0]) == {"type", "text"}, expl
assert expl[0]["type"] == "job", expl
assert expl[0]["text"].startswith("sendsync: derivation of 'struct job'"), expl[0]["text"]

print("ok")
