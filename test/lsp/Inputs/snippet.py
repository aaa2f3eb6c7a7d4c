"""snippet.py <markdown> <name>: prints the fenced code block that follows
the line "<!-- test: <name> -->", so that the editor tests run exactly what
docs/editors.md shows."""
import sys

path, name = sys.argv[1:]
lines = open(path, encoding="utf-8").read().split("\n")
marker = "<!-- test: %s -->" % name
try:
    i = lines.index(marker)
except ValueError:
    sys.exit("snippet.py: no %r in %s" % (marker, path))
if not lines[i + 1].startswith("```"):
    sys.exit("snippet.py: %r is not followed by a code block" % marker)
end = lines.index("```", i + 2)
print("\n".join(lines[i + 2:end]))
