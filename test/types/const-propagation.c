// docs/rules.md §1: Send/Sync are judged on qualified types. Members of a const
// struct are const (through nested structs and arrays, not through
// pointers), so 'const struct cfg' can be Sync where 'struct cfg' is not;
// sharing through a pointer to const makes every member const.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=cfg_view_t %s | FileCheck %s --check-prefix=VIEW
// RUN: %sendsync -fplugin-arg-sendsync-explain=cfg %s | FileCheck %s --check-prefix=CFG
// RUN: %sendsync -fplugin-arg-sendsync-explain=reader %s | FileCheck %s --check-prefix=READER

#include <sendsync.h>

struct limits {
  int soft; // #soft
  int hard[2];
};

struct cfg {
  int port; // #port
  struct limits lim;
  const char *name SS_OWNED;
  int table[4];
};

/* Holds: a const struct cfg, directly, through a typedef, as an array and
 * behind a pointer to const. */
typedef const struct cfg cfg_view_t SS_SYNC;
typedef struct cfg cfg_t;

struct SS_SYNC holder {
  const struct cfg direct;
  const cfg_t via_typedef;
  const struct cfg several[2];
  const struct cfg *const shared SS_STATIC;
  const cfg_t *const shared_td SS_OWNED;
};

/* The same types without const are not Sync. */
struct SS_SYNC bad_holder { // #bad_claim
  struct cfg direct;        // #direct
  cfg_t via_typedef;        // #via_typedef
  struct cfg *const shared SS_STATIC; // #shared
};
// expected-warning@#direct {{'struct bad_holder' is marked sync, but its field 'direct' has type 'struct cfg', which is not Sync [sendsync-claim]}}
// expected-warning@#via_typedef {{'struct bad_holder' is marked sync, but its field 'via_typedef' has type 'cfg_t', which is not Sync [sendsync-claim]}}
// expected-warning@#shared {{'struct bad_holder' is marked sync, but its field 'shared' points to a static 'struct cfg', which is not Sync [sendsync-claim]}}
// expected-note@#port 3 {{'struct cfg' is not Sync because its field 'port' holds a mutable 'int'}}
// expected-note@#bad_claim 3 {{'struct bad_holder' is claimed sync here}}

/* Sharing through a pointer to const: every member is const through it. */
struct SS_SYNC reader {
  const struct limits *const lim SS_STATIC;
};

/* const does not reach through a pointer: the pointee of a member of a
 * const struct keeps its own qualifiers. */
struct owner {
  char *buf SS_OWNED; // #buf
};
typedef const struct owner owner_view_t SS_SYNC; // #owner_view_t
struct owner_fixed {
  const char *buf SS_OWNED;
};
typedef const struct owner_fixed owner_fixed_view_t SS_SYNC;
// expected-warning@#buf {{'owner_view_t' is marked sync, but its field 'buf' owns memory that holds a mutable 'char'}}
// expected-note@#owner_view_t {{'owner_view_t' is claimed sync here}}

/* The field itself is const: only that member, not its siblings. */
struct SS_SYNC half_const { // #half_claim
  const struct limits lim;
  struct limits other; // #other
};
// expected-warning@#other {{'struct half_const' is marked sync, but its field 'other' has type 'struct limits', which is not Sync}}
// expected-note@#soft {{'struct limits' is not Sync because its field 'soft' holds a mutable 'int'}}
// expected-note@#half_claim {{'struct half_const' is claimed sync here}}


// Verdicts: the const view is Sync (and Send); the plain struct is Send only.
// VIEW-LABEL: sendsync: derivation of 'cfg_view_t'
// VIEW-NEXT:   Send: yes
// VIEW-NEXT:   Sync: yes
// VIEW:        field 'port' 'int'
// VIEW-NEXT:     Send: yes
// VIEW-NEXT:     Sync: yes
// VIEW:        field 'soft' 'int'
// VIEW-NEXT:       Send: yes
// VIEW-NEXT:       Sync: yes
// VIEW:        field 'table' 'int[4]'
// VIEW-NEXT:     Send: yes
// VIEW-NEXT:     Sync: yes

// CFG-LABEL: sendsync: derivation of 'struct cfg'
// CFG-NEXT:   Send: yes
// CFG-NEXT:   Sync: no
// CFG:        field 'port' 'int'
// CFG-NEXT:     Send: yes
// CFG-NEXT:     Sync: no: it holds a mutable 'int'

// Through a pointer to const, the pointee's members are seen const: the
// derivation below the pointer must agree with the pointer's own verdict.
// READER-LABEL: sendsync: derivation of 'struct reader'
// READER-NEXT:   Send: yes
// READER-NEXT:   Sync: yes
// READER-NEXT:   field 'lim' 'const struct limits *const' static
// READER-NEXT:     Send: yes
// READER-NEXT:     Sync: yes
// READER-NEXT:     field 'soft'
// READER-NEXT:       Send: yes
// READER-NEXT:       Sync: yes
