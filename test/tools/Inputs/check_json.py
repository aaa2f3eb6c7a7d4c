#!/usr/bin/env python3
"""Checks sendsync-check's --format=json report (schema "sendsync-check",
version 1, docs/ci.md) on the test project, and prints one line per
finding and failed file for FileCheck: "<check> <file>:<line>:<col> <fp>"."""
import json
import re
import sys

report = json.load(open(sys.argv[1]))
assert report["schema"] == "sendsync-check" and report["version"] == 1, report
assert report["tool"]["name"] == "sendsync-check"
assert re.fullmatch(r"\d+\.\d+\.\d+", report["tool"]["version"])
assert re.fullmatch(r"\d+\.\d+\.\d+.*", report["tool"]["clang"])
assert isinstance(report["files_checked"], int)
assert isinstance(report["baselined"], int)
assert set(report["dropped_flags"]) == {"files", "flags"}, report["dropped_flags"]
assert isinstance(report["dropped_flags"]["files"], int)
assert all(isinstance(f, str) for f in report["dropped_flags"]["flags"])
for f in report["findings"]:
    assert set(f) == {"check", "severity", "message", "location", "notes", "fixits",
                      "fingerprint"}, f
    assert f["severity"] in ("warning", "error")
    assert re.fullmatch(r"[0-9a-f]{32}", f["fingerprint"])
    assert not f["message"].endswith("]"), "the [check-id] suffix must be gone"
    for n in f["notes"]:
        assert set(n) == {"message", "location"}
    loc = f["location"]
    print("%s %s:%d:%d %s notes=%d" % (f["check"], loc["file"], loc["line"], loc["column"],
                                       f["fingerprint"], len(f["notes"])))
for x in report["failed_files"]:
    assert set(x) == {"file", "reason", "message", "errors"}
    print("failed %s %s: %s" % (x["file"], x["reason"], x["errors"].strip()))
for c in report.get("unsafe_claims", []):
    loc = c["location"]
    print("claim %s %s %s impl=%s %s:%d:%d" % (c["marker"], c["type"], c["reason"], c["impl"],
                                               loc["file"], loc["line"], loc["column"]))
for e in report["explanations"]:
    print("explain %s %s" % (e["type"], e["text"].splitlines()[0]))
print("files_checked=%d baselined=%d" % (report["files_checked"], report["baselined"]))
