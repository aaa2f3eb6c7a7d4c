#!/usr/bin/env python3
"""Checks a SARIF file against SARIF 2.1.0's required properties and types.

python3 has no jsonschema module here, so the parts of the schema
(sarif-schema-2.1.0.json) that sendsync-check's output uses are checked by
hand: required properties, their types, enumerated values, and the
cross-references (ruleIndex, relatedLocations ids, uriBaseId). Prints
"sarif: ok: <n> results, <m> rules" or the first problem (exit 1).

usage: check_sarif.py <file.sarif> [--rule <id>]...   (ids that must be rules)
"""
import json
import sys
import urllib.parse

LEVELS = {"none", "note", "warning", "error"}
KINDS = {"notApplicable", "pass", "fail", "review", "open", "informational"}


def fail(msg):
    print("sarif: FAIL: " + msg)
    sys.exit(1)


def expect(cond, msg):
    if not cond:
        fail(msg)


def is_int(v, minimum):
    return isinstance(v, int) and not isinstance(v, bool) and v >= minimum


def check_message(m, where):
    expect(isinstance(m, dict), where + ": message is not an object")
    expect(isinstance(m.get("text"), str) or isinstance(m.get("id"), str),
           where + ": message needs text or id")


def check_artifact_location(a, where, base_ids):
    expect(isinstance(a, dict), where + ": artifactLocation is not an object")
    uri = a.get("uri")
    expect(isinstance(uri, str) and uri, where + ": artifactLocation.uri missing")
    parsed = urllib.parse.urlparse(uri)
    if "uriBaseId" in a:
        expect(a["uriBaseId"] in base_ids, where + ": unknown uriBaseId " + a["uriBaseId"])
        expect(not parsed.scheme and not uri.startswith("/"),
               where + ": a uri with uriBaseId must be relative: " + uri)
    else:
        expect(parsed.scheme == "file", where + ": uri without uriBaseId must be absolute: " + uri)


def check_location(loc, where, base_ids):
    expect(isinstance(loc, dict), where + ": location is not an object")
    if "id" in loc:
        expect(is_int(loc["id"], -1), where + ": location id must be an integer >= -1")
    phys = loc.get("physicalLocation")
    expect(isinstance(phys, dict), where + ": physicalLocation missing")
    check_artifact_location(phys.get("artifactLocation"), where, base_ids)
    if "region" in phys:
        r = phys["region"]
        expect(is_int(r.get("startLine"), 1), where + ": region.startLine must be >= 1")
        if "startColumn" in r:
            expect(is_int(r["startColumn"], 1), where + ": region.startColumn must be >= 1")
    if "message" in loc:
        check_message(loc["message"], where)


def check_fix(fix, where, base_ids):
    """SARIF 2.1.0 section 3.55: a fix has artifactChanges (required, at
    least one), each with an artifactLocation and replacements (required,
    at least one), each with a deletedRegion; insertedContent is optional."""
    expect(isinstance(fix, dict), where + ": fix is not an object")
    if "description" in fix:
        check_message(fix["description"], where + " description")
    changes = fix.get("artifactChanges")
    expect(isinstance(changes, list) and changes, where + ": artifactChanges missing or empty")
    for change in changes:
        check_artifact_location(change.get("artifactLocation"), where, base_ids)
        reps = change.get("replacements")
        expect(isinstance(reps, list) and reps, where + ": replacements missing or empty")
        for rep in reps:
            region = rep.get("deletedRegion")
            expect(isinstance(region, dict), where + ": deletedRegion missing")
            expect(is_int(region.get("startLine"), 1), where + ": deletedRegion.startLine")
            expect(is_int(region.get("startColumn", 1), 1), where + ": deletedRegion.startColumn")
            end_line = region.get("endLine", region["startLine"])
            expect(is_int(end_line, region["startLine"]), where + ": deletedRegion.endLine")
            if end_line == region["startLine"] and "endColumn" in region:
                expect(is_int(region["endColumn"], region.get("startColumn", 1)),
                       where + ": deletedRegion ends before it starts")
            if "insertedContent" in rep:
                content = rep["insertedContent"]
                expect(isinstance(content, dict) and
                       (isinstance(content.get("text"), str) or
                        isinstance(content.get("binary"), str)),
                       where + ": insertedContent needs text or binary")


def check_rule(rule, where):
    expect(isinstance(rule.get("id"), str) and rule["id"], where + ": rule id missing")
    for key in ("shortDescription", "fullDescription"):
        expect(isinstance(rule.get(key), dict) and isinstance(rule[key].get("text"), str),
               where + ": " + key + ".text missing")
    if "helpUri" in rule:
        expect(urllib.parse.urlparse(rule["helpUri"]).scheme != "",
               where + ": helpUri must be an absolute URI: " + rule["helpUri"])
    if "help" in rule:
        expect(isinstance(rule["help"].get("text"), str), where + ": help.text missing")
    if "defaultConfiguration" in rule:
        expect(rule["defaultConfiguration"].get("level", "warning") in LEVELS,
               where + ": bad defaultConfiguration.level")


def main():
    args = sys.argv[1:]
    path = args.pop(0)
    wanted_rules = [args[i + 1] for i in range(len(args)) if args[i] == "--rule"]
    with open(path) as f:
        log = json.load(f)
    expect(log.get("version") == "2.1.0", "version must be \"2.1.0\"")
    expect(isinstance(log.get("$schema", ""), str), "$schema must be a string")
    runs = log.get("runs")
    expect(isinstance(runs, list) and len(runs) == 1, "runs must be an array of one run")
    run = runs[0]
    driver = run.get("tool", {}).get("driver")
    expect(isinstance(driver, dict), "runs[0].tool.driver missing")
    expect(isinstance(driver.get("name"), str) and driver["name"], "driver.name missing")
    rules = driver.get("rules", [])
    expect(isinstance(rules, list), "driver.rules must be an array")
    ids = []
    for i, rule in enumerate(rules):
        check_rule(rule, "rules[%d]" % i)
        ids.append(rule["id"])
    expect(len(ids) == len(set(ids)), "rule ids must be unique")
    for rule_id in wanted_rules:
        expect(rule_id in ids, "no rule " + rule_id)

    base_ids = run.get("originalUriBaseIds", {})
    expect(isinstance(base_ids, dict), "originalUriBaseIds must be an object")
    for name, base in base_ids.items():
        uri = base.get("uri", "")
        expect(urllib.parse.urlparse(uri).scheme == "file" and uri.endswith("/"),
               "originalUriBaseIds." + name + " must be an absolute file URI ending in '/'")

    for i, inv in enumerate(run.get("invocations", [])):
        expect(isinstance(inv.get("executionSuccessful"), bool),
               "invocations[%d].executionSuccessful (required) must be a boolean" % i)
        for j, n in enumerate(inv.get("toolExecutionNotifications", [])):
            check_message(n.get("message"), "notification %d" % j)
            expect(n.get("level", "warning") in LEVELS, "notification %d: bad level" % j)
            for loc in n.get("locations", []):
                check_location(loc, "notification %d" % j, base_ids)

    results = run.get("results")
    expect(isinstance(results, list), "runs[0].results must be an array")
    for i, res in enumerate(results):
        where = "results[%d]" % i
        check_message(res.get("message"), where)
        expect(isinstance(res.get("ruleId"), str), where + ": ruleId missing")
        if "ruleIndex" in res:
            ix = res["ruleIndex"]
            expect(is_int(ix, 0) and ix < len(rules), where + ": ruleIndex out of range")
            expect(rules[ix]["id"] == res["ruleId"], where + ": ruleIndex names another rule")
        kind = res.get("kind", "fail")
        level = res.get("level", "warning")
        expect(kind in KINDS, where + ": bad kind")
        expect(level in LEVELS, where + ": bad level")
        expect(kind == "fail" or level == "none", where + ": a non-fail result must have level none")
        locs = res.get("locations", [])
        expect(len(locs) >= 1, where + ": no location")
        for loc in locs:
            check_location(loc, where, base_ids)
        related_ids = []
        for loc in res.get("relatedLocations", []):
            check_location(loc, where + " related", base_ids)
            expect("message" in loc, where + ": related location without message")
            related_ids.append(loc.get("id"))
        expect(len(related_ids) == len(set(related_ids)), where + ": related ids not unique")
        fixes = res.get("fixes", [])
        expect(isinstance(fixes, list), where + ": fixes must be an array")
        for fix in fixes:
            check_fix(fix, where + " fix", base_ids)
        fps = res.get("partialFingerprints", {})
        expect(isinstance(fps, dict) and all(isinstance(v, str) for v in fps.values()),
               where + ": partialFingerprints must map to strings")
    print("sarif: ok: %d results, %d rules" % (len(results), len(rules)))


main()
