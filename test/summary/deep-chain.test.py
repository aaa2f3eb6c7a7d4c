"""Writes a C file with a chain of N functions (see deep-chain.test): line
1-3 the declarations, lines 4..N+3 the chain (f<N-1> first, f0 last), then
'last' (N+4..N+8) and loop_back (N+9)."""
import sys

n = int(sys.argv[1])
print("struct s { int x; };")
print("void last(struct s *p);")
print("void loop_back(struct s *p);")
for i in range(n - 1, -1, -1):
    callee = "last" if i == n - 1 else "f%d" % (i + 1)
    print("void f%d(struct s *p) { %s(p); }" % (i, callee))
print("void last(struct s *p) {")
print("  if (p->x)")
print("    return;")
print("  p->x = 1; loop_back(p);")
print("}")
print("void loop_back(struct s *p) { last(p); }")
