// A send/sync claim is verified from the fields (docs/rules.md §1: "the plugin
// verifies it from the fields and reports every field that breaks it"). The
// report sits on the breaking field, says why the field breaks it, ends its
// chain at the root cause, and notes where the claim is. Each broken claim is
// followed by the nearest correct version, which stays silent.
//
// RUN: %verify %s

#include <sendsync.h>
#include <setjmp.h>
#include <pthread.h>

struct SS_NOT_SEND logger { int fd; }; // #logger_not_send

// ---- Send ---------------------------------------------------------------

struct SS_SEND job { // #job_claim
  int id;
  // expected-warning@+1 {{'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
  struct logger *log SS_OWNED;
};
// expected-note@#logger_not_send {{'struct logger' is marked not_send here}}
// expected-note@#job_claim {{'struct job' is claimed send here}}

// Owning a Send type, or holding a pointer that is not owned: fine.
struct plain_logger { int fd; };
struct SS_SEND job_ok {
  int id;
  struct plain_logger *log SS_OWNED;
  char *name SS_OWNED;
  const char *label SS_STATIC;
  void (*callback)(int);
};

// A thread-affine type (docs/rules.md §1 table) is neither Send nor Sync.
struct SS_SEND unwinder { // #unwinder_claim
  // expected-warning@+1 {{'struct unwinder' is marked send, but its field 'env' holds a 'jmp_buf', which is thread-affine: it belongs to the thread that created it [sendsync-claim]}}
  jmp_buf env;
};
// expected-note@#unwinder_claim {{'struct unwinder' is claimed send here}}
// Owning a jmp_buf would not do either: the chain goes through the pointer.
struct SS_SEND unwinder_ok { int depth; void (*on_error)(int); };

// A borrowed pointer is Send only if the pointee is Sync (Rust: &T is Send
// iff T: Sync), and a 'static one likewise.
struct SS_SEND view { // #view_claim
  // expected-warning@+1 {{'struct view' is marked send, but its field 'text' borrows memory that holds a mutable 'char'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
  char *text SS_BORROWED;
};
// expected-note@#view_claim {{'struct view' is claimed send here}}
struct SS_SEND view_ok { const char *text SS_BORROWED; };

// ---- Sync ---------------------------------------------------------------

struct SS_SYNC counter { // #counter_claim
  // expected-warning@+1 {{'struct counter' is marked sync, but its field 'hits' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
  int hits;
};
// expected-note@#counter_claim {{'struct counter' is claimed sync here}}
struct SS_SYNC counter_ok {
  _Atomic int hits;
  const int limit;
  pthread_mutex_t mu;
  int total __attribute__((guarded_by(mu)));
};

struct SS_SYNC name_ref { // #name_ref_claim
  // expected-warning@+1 {{'struct name_ref' is marked sync, but its field 'name' is a mutable pointer 'const char *'; make the pointer itself const ('T *const'), _Atomic, or guard it with a lock [sendsync-claim]}}
  const char *name SS_STATIC;
};
// expected-note@#name_ref_claim {{'struct name_ref' is claimed sync here}}
struct SS_SYNC name_ref_ok { const char *const name SS_STATIC; };

// A union is judged like a struct; so is the marker after the closing brace.
union value { int i; struct logger *log SS_OWNED; } SS_SEND; // #value_claim
// expected-warning@-1 {{'union value' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
// expected-note@#value_claim {{'union value' is claimed send here}}
// expected-note@#logger_not_send {{'struct logger' is marked not_send here}}
union value_ok { int i; struct plain_logger *log SS_OWNED; } SS_SEND;
