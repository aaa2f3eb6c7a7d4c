"""Each docs/checks/<id>.md lists the tests of test/checks/<id>/ in its Tests
table. The table and the folder must agree: every file listed exists, every
test file is listed, and a row says XFAIL exactly when the test is one (a
known gap that is fixed must not stay documented as a gap)."""
import glob
import os
import re
import sys

root = sys.argv[1]
problems = []
for page in sorted(glob.glob(os.path.join(root, "docs", "checks", "*.md"))):
    check = os.path.basename(page)[:-3]
    folder = os.path.join(root, "test", "checks", check)
    rows = re.findall(r"^\| `([^`]+\.(?:c|cpp|test))` \| (.*)\|$",
                      open(page, encoding="utf-8").read(), re.M)
    listed = {name for name, _ in rows}
    tests = {os.path.basename(p) for p in glob.glob(os.path.join(folder, "*"))
             if os.path.isfile(p)}
    for name in sorted(listed - tests):
        problems.append(f"{check}.md lists {name}, which is not in {folder}")
    for name in sorted(tests - listed):
        problems.append(f"{check}.md does not list {name}")
    for name, covers in rows:
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        doc_xfail = covers.strip().startswith("XFAIL")
        test_xfail = "XFAIL:" in open(path, encoding="utf-8").read()
        if doc_xfail != test_xfail:
            problems.append(f"{check}.md: {name} is "
                            f"{'' if doc_xfail else 'not '}XFAIL in the docs "
                            f"but {'' if test_xfail else 'not '}in the test")
for p in problems:
    print(p)
print(f"docs tables: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
