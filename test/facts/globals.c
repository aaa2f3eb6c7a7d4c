// Every external function gets the globals its code names (docs/facts.md,
// "functions.<name>"), as thread entries do, with "write" when the code
// assigns to one: directly, through fields and array subscripts. A write
// through a pointer (the global's address, or the pointer it holds) is not
// seen. A function that names no global has no "globals". Only globals with
// external linkage are listed: a static global, or a function's static
// variable ('seen'), is this unit's own, and no other unit can name it.
//
// RUN: rm -f %t.facts
// RUN: %sendsync %s -fplugin-arg-sendsync-facts=%t.facts
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); f=d['functions']; \
// RUN:   [print(n, json.dumps(f[n].get('globals'), sort_keys=True)) for n in sorted(f)]" %t.facts \
// RUN:   | FileCheck %s --match-full-lines
//
// CHECK: no_globals null
// CHECK-NEXT: reads [{"at": "{{.*}}globals.c:[[@LINE+17]]", "name": "total"}]
// CHECK-NEXT: writes [{"at": "{{.*}}globals.c:[[@LINE+27]]", "name": "arr", "write": true}, {"at": "{{.*}}globals.c:[[@LINE+19]]", "name": "pos", "via": "bump_pos", "write": true}, {"at": "{{.*}}globals.c:[[@LINE+28]]", "name": "ptr"}, {"at": "{{.*}}globals.c:[[@LINE+25]]", "name": "total", "write": true}, {"at": "{{.*}}globals.c:[[@LINE+29]]", "name": "whole"}]

#include <string.h>

struct point {
  int x, y;
};

int total;
struct point pos;
int arr[4];
int *ptr;
struct point whole;

int no_globals(int a) { return a + 1; }

int reads(void) { return total; }

static void bump_pos(void) {
  pos.x++;
}

int writes(int i) {
  static int seen;
  int r = total;
  total = r + 1;
  bump_pos();
  arr[i] += 2;
  *ptr = 1;
  memset(&whole, 0, sizeof whole);
  seen = 1;
  return r;
}
