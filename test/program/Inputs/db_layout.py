"""Rewrites a program database for db-layout.test.

  db_layout.py one-line IN OUT        the same JSON on one line (parsed whole)
  db_layout.py set IN OUT NAME VALUE  functions.NAME.spawn_wrapper.arg_param
                                      = VALUE, keeping the merge's layout
  db_layout.py cut IN OUT NAME        NAME's line cut in half (not JSON)
  db_layout.py add IN OUT NAME        a wrong entry NAME ("at": 5) added
  db_layout.py version IN OUT N       the header's version set to N
"""
import json
import sys


def main():
    op, src, dst = sys.argv[1:4]
    text = open(src).read()
    lines = text.split("\n")
    if op == "one-line":
        out = json.dumps(json.loads(text), separators=(",", ":")) + "\n"
    elif op in ("set", "cut"):
        name = sys.argv[4]
        prefix = '"%s":' % name
        (i,) = [i for i, l in enumerate(lines) if l.startswith(prefix)]
        if op == "cut":
            lines[i] = lines[i][: len(lines[i]) // 2]
        else:
            comma = lines[i].endswith(",")
            entry = json.loads(lines[i][len(prefix):].rstrip(","))
            entry["spawn_wrapper"]["arg_param"] = json.loads(sys.argv[5])
            lines[i] = prefix + json.dumps(entry, separators=(",", ":"))
            lines[i] += "," if comma else ""
        out = "\n".join(lines)
    elif op == "add":
        lines.insert(1, '"%s":{"at":5},' % sys.argv[4])
        out = "\n".join(lines)
    elif op == "version":
        old = '],"version":1}'
        (i,) = [i for i, l in enumerate(lines) if l == old]
        lines[i] = '],"version":%s}' % sys.argv[4]
        out = "\n".join(lines)
    else:
        sys.exit("db_layout.py: unknown operation " + op)
    open(dst, "w").write(out)


main()
