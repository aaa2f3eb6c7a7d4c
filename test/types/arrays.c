// docs/rules.md §1: an array T[N] is Send iff T is Send and Sync iff T is Sync,
// for every element type (scalars, structs, pointers with a kind, atomics,
// multi-dimensional and flexible array members). A marker on the field that
// declares an array of pointers describes those pointers.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=buffer %s | FileCheck %s

#include <sendsync.h>

struct SS_NOT_SEND token { // #token
  const int id;
};
struct point {
  int x, y; // #point_x
};

/* Holds: arrays of Sync elements are Sync; arrays of Send elements Send. */
struct SS_SYNC lookup {
  const int small[4];
  const double grid[3][3];
  _Atomic int hits[8];
  const struct point corners[4];
  const char *const names[2] SS_STATIC;
  const struct token tokens[2];
  const unsigned char tail[];
};
struct SS_SEND buffer {
  int data[16];
  struct point path[4][4];
  char *lines[8] SS_OWNED;
  int rest[];
};

/* Does not hold: the element type decides. */
struct SS_SYNC racy_lookup { // #racy_lookup
  int small[4];             // #small
  double grid[3][3];        // #grid
  struct point corners[4];  // #corners
  const char *names[2] SS_STATIC; // #names
  unsigned char tail[];     // #tail
};
// expected-warning@#small {{'struct racy_lookup' is marked sync, but its field 'small' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
// expected-warning@#grid {{'struct racy_lookup' is marked sync, but its field 'grid' holds a mutable 'double'}}
// expected-warning@#corners {{'struct racy_lookup' is marked sync, but its field 'corners' holds elements of type 'struct point', which is not Sync [sendsync-claim]}}
// expected-note@#point_x {{'struct point' is not Sync because its field 'x' holds a mutable 'int'}}
// expected-warning@#names {{'struct racy_lookup' is marked sync, but its field 'names' is a mutable pointer 'const char *'}}
// expected-warning@#tail {{'struct racy_lookup' is marked sync, but its field 'tail' holds a mutable 'unsigned char'}}
// expected-note@#racy_lookup 5 {{'struct racy_lookup' is claimed sync here}}

struct SS_SEND batch { // #batch
  struct token tokens[2];       // #tokens
  struct token matrix[2][2];    // #matrix
  struct token *owned[2] SS_OWNED; // #owned_tokens
};
// expected-warning@#tokens {{'struct batch' is marked send, but its field 'tokens' holds elements of type 'struct token', which is not Send [sendsync-claim]}}
// expected-warning@#matrix {{'struct batch' is marked send, but its field 'matrix' holds elements of type 'struct token', which is not Send [sendsync-claim]}}
// expected-warning@#owned_tokens {{'struct batch' is marked send, but its field 'owned' holds 'struct token *' elements; each owns a 'struct token', which is not Send [sendsync-claim]}}
// expected-note@#token 3 {{'struct token' is marked not_send here}}
// expected-note@#batch 3 {{'struct batch' is claimed send here}}

// CHECK-LABEL: sendsync: derivation of 'struct buffer'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: no
// CHECK-NEXT:     - 'struct buffer' is not Sync because its field 'data' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) (arrays.c:30:7)
// CHECK-NEXT:   field 'data' 'int[16]'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'int'
