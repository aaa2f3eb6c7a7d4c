// A compile error hides only what it touches (docs/rules.md §4.14): a
// function whose definition holds an error is not judged, nor is a spawn
// whose function calls one; everything else is. A warning made an error by
// -Werror touches nothing. After a fatal error nothing is judged.
//
// RUN: %verify %s
// RUN: %verify=expected,werror -Werror=unused-variable %s
// RUN: not %sendsync -DFATAL %s 2>&1 | FileCheck %s --check-prefix=FATAL \
// RUN:   --implicit-check-not=warning: --implicit-check-not=[sendsync-
// FATAL: fatal error: 'no/such/header.h' file not found

#ifdef FATAL
#include <pthread.h>
#include "no/such/header.h"
void after_fatal(void) {
  pthread_t tid;
  int j = 1;
  pthread_create(&tid, NULL, (void *(*)(void *))0, &j);
  pthread_detach(tid);
}
#else
#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

struct job { int id; };
static void *run(void *arg) { return arg; }

// Parsed without errors: judged as ever.
void clean(void) {
  pthread_t tid;
  struct job j = {1}; // #clean_j
  pthread_create(&tid, NULL, run, &j); // #clean_spawn
  pthread_detach(tid); // #clean_detach
}
// expected-warning@#clean_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#clean_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#clean_detach {{the thread is detached here, so it is never joined}}
// expected-note@#clean_spawn {{the thread is started here; hand it heap memory or a copy instead}}

// The twin with a syntax error in its body: clang's recovery leaves
// `int x;`, with no trace of the error in the AST, so the location decides.
void broken(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  pthread_detach(tid);
  int x = = 3; // expected-error {{expected expression}}
}

// An error that is a warning by default made an error (an implicit
// declaration): the call may be anything, so the body is not judged.
void implicit_call(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  pthread_detach(tid);
  undeclared_cleanup(&j); // expected-error {{call to undeclared function 'undeclared_cleanup'}}
}

// A join helper clang could not parse may join: its caller's spawn is not
// judged either, though its own body is clean.
void join_it(pthread_t *t) { pthread_join(*t, NULL) } // expected-error {{expected ';' after expression}}
void joins_through_broken_helper(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  join_it(&tid);
}

// A struct with an invalid field is not judged (clang has reported it); its
// twin without the error is.
struct SS_NOT_SEND logger { int fd; }; // #logger
struct SS_SEND broken_job {
  unknown_t x; // expected-error {{unknown type name 'unknown_t'}}
  struct logger *log SS_OWNED;
};
struct SS_SEND job2 { // #job2
  struct logger *log SS_OWNED; // #job2_log
};
// expected-warning@#job2_log {{'struct job2' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#job2 {{'struct job2' is claimed send here}}

// A warning that -Werror makes an error changes nothing clang parsed.
void unused_local(void) {
  int unused; // werror-error {{unused variable 'unused'}}
  pthread_t tid;
  struct job j = {1}; // #werror_j
  pthread_create(&tid, NULL, run, &j); // #werror_spawn
  pthread_detach(tid); // #werror_detach
}
// expected-warning@#werror_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#werror_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#werror_detach {{the thread is detached here, so it is never joined}}
// expected-note@#werror_spawn {{the thread is started here; hand it heap memory or a copy instead}}
#endif
