// docs/rules.md §1, Markers on types: a marker on an ordinary typedef describes
// that typedef name only. The struct it names, and any other typedef of the
// struct, are unaffected; a name built on the marked typedef (a typedef of
// the typedef) still denotes the marked type. Claims on typedefs are
// verified from the fields, as claims on the struct are.
//
// RUN: %verify -isystem %S/Inputs %s
// RUN: %verify -isystem %S/Inputs -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -isystem %S/Inputs -fplugin-arg-sendsync-explain=logger_t %s | FileCheck %s --check-prefix=TYPEDEF
// RUN: %sendsync -isystem %S/Inputs -fplugin-arg-sendsync-explain='struct logger' %s | FileCheck %s --check-prefix=STRUCT

#include <sendsync.h>
#include <vendor.h>

struct logger {
  const int level;
};
typedef struct logger logger_t SS_NOT_SEND; // #logger_t
typedef struct logger other_logger_t;
typedef logger_t wrapped_logger_t;

typedef int cookie_t SS_NOT_SYNC; // #cookie_t
typedef struct {
  const int x;
} anon_t SS_NOT_SEND; // #anon_t

struct counter {
  int n; // #counter_n
};
typedef struct counter shared_counter_t SS_UNSAFE_SYNC("every access goes through the counter's own protocol");

/* Holds: the struct itself, and another typedef of it, are Send; the
 * unsafe_sync typedef is Sync; const int is Sync. */
struct SS_SEND SS_SYNC uses_struct {
  const struct logger l;
  const other_logger_t o;
  const int plain_cookie;
  const shared_counter_t sc;
};

/* Does not hold: the marked typedef name, and names built on it. */
struct SS_SEND uses_typedef { // #uses_typedef
  logger_t l;                 // #ut_l
  wrapped_logger_t w;         // #ut_w
  anon_t a;                   // #ut_a
};
// expected-warning@#ut_l {{'struct uses_typedef' is marked send, but its field 'l' has type 'logger_t', which is not Send [sendsync-claim]}}
// expected-warning@#ut_w {{'struct uses_typedef' is marked send, but its field 'w' has type 'wrapped_logger_t', which is not Send [sendsync-claim]}}
// expected-note@#logger_t 2 {{'logger_t' is marked not_send here}}
// expected-warning@#ut_a {{'struct uses_typedef' is marked send, but its field 'a' has type 'anon_t', which is not Send [sendsync-claim]}}
// expected-note@#anon_t {{'anon_t' is marked not_send here}}
// expected-note@#uses_typedef 3 {{'struct uses_typedef' is claimed send here}}

/* Does not hold: not_sync on a typedef beats const; the struct behind the
 * unsafe_sync typedef is still judged from its fields. */
struct SS_SYNC uses_cookie { // #uses_cookie
  const cookie_t c;          // #uc_c
  const struct counter raw;  // fine: const
  struct counter unprotected; // #uc_unprotected
};
// expected-warning@#uc_c {{'struct uses_cookie' is marked sync, but its field 'c' has type 'const cookie_t', which is not Sync [sendsync-claim]}}
// expected-note@#cookie_t {{'cookie_t' is marked not_sync here}}
// expected-warning@#uc_unprotected {{'struct uses_cookie' is marked sync, but its field 'unprotected' has type 'struct counter', which is not Sync [sendsync-claim]}}
// expected-note@#counter_n {{'struct counter' is not Sync because its field 'n' holds a mutable 'int'}}
// expected-note@#uses_cookie 2 {{'struct uses_cookie' is claimed sync here}}

/* Claims on typedefs: verified field by field, reported at the field. */
typedef const struct counter frozen_counter_t SS_SYNC;
typedef struct counter counter_t SS_SYNC; // #counter_t
// expected-warning@#counter_n {{'counter_t' is marked sync, but its field 'n' holds a mutable 'int'}}
// expected-note@#counter_t {{'counter_t' is claimed sync here}}

/* A claim on the user's typedef of a struct from a system header is the
 * user's claim: it must be reported at the claim (not dropped with the
 * header's own diagnostics), with a note at the header's field. */
typedef struct vendor_config vendor_config_t SS_SYNC; // #vendor_config_t
// expected-warning@#vendor_config_t {{'vendor_config_t' is marked sync, but its field 'verbosity' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
// expected-note@vendor.h:10 {{its field 'verbosity' is declared here}}
// expected-note@* 0-1 {{'struct vendor_config' is not Sync because its field 'verbosity' holds a mutable 'int'}}
// expected-note@#vendor_config_t {{'vendor_config_t' is claimed sync here}}

// TYPEDEF-LABEL: sendsync: derivation of 'logger_t'
// TYPEDEF-NEXT:   Send: no
// TYPEDEF-NEXT:     - 'logger_t' is marked not_send here (typedef-markers.c:18:32)
// TYPEDEF-NEXT:   Sync: yes

// STRUCT-LABEL: sendsync: derivation of 'struct logger'
// STRUCT-NEXT:   Send: yes
// STRUCT-NEXT:   Sync: yes
