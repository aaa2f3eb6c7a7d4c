// sendsync-unknown is strict-only (docs/rules.md §4): a claim that cannot be proven
// because of an unannotated pointer or an opaque type. Default mode treats
// unknown as "yes" and stays silent (docs/rules.md §1: "no noise on unannotated
// code"); `strict` reports each unprovable field with what to do about it.
//
// RUN: %sendsync -Xclang -verify=default %s
// RUN: %sendsync -Xclang -verify=strict -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -Xclang -verify=default -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown %s
// Under werror an unknown fails the build like any finding.
// RUN: not %sendsync -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-werror %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WERROR
// WERROR: error: cannot prove the send claim on 'struct job': its field 'name' is an unannotated pointer 'char *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]

#include <sendsync.h>

// ---- an unannotated pointer ----------------------------------------------

struct SS_SEND job { // strict-note 3 {{'struct job' is claimed send here}}
  // strict-warning@+1 {{cannot prove the send claim on 'struct job': its field 'name' is an unannotated pointer 'char *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
  char *name;
  char *owned_name SS_OWNED;       // fine: owns a char
  const char *label SS_STATIC;     // fine
  // ---- an opaque (incomplete) type --------------------------------------
  // strict-warning@+2 {{cannot prove the send claim on 'struct job': its field 'db' owns a 'struct database', which cannot be proven Send [sendsync-unknown]}}
  // strict-note@+1 {{'struct database' is incomplete here and carries no sendsync marker; mark a declaration of it, e.g. 'struct SS_UNSAFE_SEND("why") database;'}}
  struct database *db SS_OWNED;
  // ---- untyped memory ----------------------------------------------------
  // strict-warning@+1 {{cannot prove the send claim on 'struct job': its field 'user' owns memory that is untyped ('void'), so what it holds cannot be judged [sendsync-unknown]}}
  void *user SS_OWNED;
};

// A marked opaque type is known: nothing to report.
struct SS_UNSAFE_SEND("the library serializes every call") connection;
struct SS_SEND job_ok { char *name SS_OWNED; struct connection *conn SS_OWNED; };

// Sync: the pointer itself is const, but what it points to is unknown.
struct SS_SYNC table { // strict-note {{'struct table' is claimed sync here}}
  // strict-warning@+1 {{cannot prove the sync claim on 'struct table': its field 'rows' is an unannotated pointer 'const int *const'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
  const int *const rows;
  const int *const cols SS_STATIC;
};

// A claim on a typedef of a raw pointer: the report sits on the typedef.
typedef struct job *job_ref SS_SEND; // #job_ref
// strict-warning@#job_ref {{cannot prove the send claim on 'job_ref': it is an unannotated pointer 'struct job *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
// strict-note@#job_ref {{'job_ref' is claimed send here}}

// A field that is definitely not Send is sendsync-claim, in either mode: the
// only report of the default runs.
struct SS_NOT_SEND logger { int fd; }; // strict-note {{'struct logger' is marked not_send here}} default-note {{'struct logger' is marked not_send here}}
struct SS_SEND sink { // strict-note {{'struct sink' is claimed send here}} default-note {{'struct sink' is claimed send here}}
  // strict-warning@+2 {{'struct sink' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
  // default-warning@+1 {{'struct sink' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
  struct logger *log SS_OWNED;
};
