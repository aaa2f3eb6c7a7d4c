"""The compile database of glibc-whole-program.test.

  glibc_program_db.py TESTS.json PLANTED_DIR > compile_commands.json

TESTS.json is realcode.sh --corpus glibc --compile-db: glibc's thread
tests. Adds glibc's test-support library (support/*.c, which defines
xpthread_create and xpthread_join) and the planted tests of PLANTED_DIR,
all with the tests' flags: the program whose files a user would check.
"""
import glob
import json
import os
import sys

tests, planted = sys.argv[1], sys.argv[2]
entries = json.load(open(tests))
root = entries[0]["directory"]
clang, flags = entries[0]["arguments"][0], entries[0]["arguments"][2:-1]
extra = [os.path.relpath(f, root)
         for f in sorted(glob.glob(os.path.join(root, "support", "*.c")))]
extra += sorted(glob.glob(os.path.join(os.path.abspath(planted), "*.c")))
for f in extra:
    entries.append({"directory": root, "file": f,
                    "arguments": [clang, "-c", *flags, f]})
json.dump(entries, sys.stdout, indent=1)
