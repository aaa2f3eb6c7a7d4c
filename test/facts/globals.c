// Every external function gets the globals its code names (docs/facts.md,
// "functions.<name>"), as thread entries do, with "write" when the code
// assigns to one: directly, through fields and array subscripts. A write
// through a pointer (the global's address, or the pointer it holds) is not
// seen. A function that names no global has no "globals". Only globals with
// external linkage are listed: a static global, or a function's static
// variable ('seen'), is this unit's own, and no other unit can name it.
// Only the functions that reach a global of that kind are walked; the size
// of a variable-length array counts ('limit', named only there).
//
// RUN: rm -f %t.facts
// RUN: %sendsync %s -fplugin-arg-sendsync-facts=%t.facts
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); f=d['functions']; \
// RUN:   [print(n, json.dumps(f[n].get('globals'), sort_keys=True)) for n in sorted(f)]" %t.facts \
// RUN:   | FileCheck %s --match-full-lines
//
// CHECK: calls_pure null
// CHECK-NEXT: cast_only [{"at": "{{.*}}globals.c:[[@LINE+50]]", "name": "limit"}]
// CHECK-NEXT: no_globals null
// CHECK-NEXT: reads [{"at": "{{.*}}globals.c:[[@LINE+18]]", "name": "total"}]
// CHECK-NEXT: via_vla [{"at": "{{.*}}globals.c:[[@LINE+38]]", "name": "limit", "via": "vla_only"}]
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

int limit = 8;

static void vla_only(void) {
  char buf[limit];
  buf[0] = 0;
}

int via_vla(void) {
  vla_only();
  return 0;
}

void cast_only(void *p) { ((int (*)[limit])p)[0][0] = 1; }

static int pure(int a) { return a * 2; }

int calls_pure(int a) { return pure(a); }
