// Strict mode at spawn sites (issue 3): sendsync-unknown where the plugin
// cannot prove that an argument may cross: an unannotated pointer (field,
// parameter, global), local pointers assigned memory of different kinds,
// memory of unknown origin, untyped memory (void *), and a pointee whose
// type holds a raw pointer. Default mode is silent; each case has a marked
// twin that is silent in strict mode too.
//
// RUN: %sendsync %s 2>&1 | count 0
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %verify -DSTRICT_FILE %s
// RUN: %sendsync -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown %s 2>&1 | count 0

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>
#ifdef STRICT_FILE
SS_STRICT_FILE;
#endif

struct job { int id; };
struct named_job { char *name; }; // #named_name
struct clean_job { char *name SS_OWNED; };

struct holder {
  struct job *raw; // #raw_field
  struct job *owned SS_OWNED;
};

struct job *global_raw; // #global_raw
struct job *lookup(int id);

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void raw_field(struct holder *h) {
  pthread_t t;
  pthread_create(&t, NULL, run, h->raw); // #raw
  pthread_join(t, NULL);
  pthread_create(&t, NULL, run, h->owned); // twin
  pthread_join(t, NULL);
}
// expected-warning@#raw {{cannot prove that 'h->raw' may be handed to another thread: it is the unannotated pointer in field 'raw'; mark that pointer SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
// expected-note@#raw_field {{'raw' is declared here without a pointer kind}}
// expected-note@#raw {{it is handed to the thread started here}}

void raw_parameter(struct job *j) { // #raw_param
  pthread_t t;
  struct job *copy = j;
  pthread_create(&t, NULL, run, copy); // #param
  pthread_join(t, NULL);
}
// expected-warning@#param {{cannot prove that 'copy' may be handed to another thread: it is parameter 'j' of 'raw_parameter'; mark that pointer SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
// expected-note@#raw_param {{'j' is declared here without a pointer kind}}
// expected-note@#param {{it is handed to the thread started here}}

void marked_parameter(struct job *j SS_OWNED) { // twin
  pthread_t t;
  struct job *copy = j;
  pthread_create(&t, NULL, run, copy);
  pthread_join(t, NULL);
}

void raw_global(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, global_raw); // #global
  pthread_join(t, NULL);
}
// expected-warning@#global {{cannot prove that 'global_raw' may be handed to another thread: where its memory lives is unknown (the unannotated pointer in variable 'global_raw'); wrap it in sendsync_assume_send() if it is safe [sendsync-unknown]}}
// expected-note@#global {{it is handed to the thread started here}}

void mixed(int flag) {
  pthread_t t;
  static struct job shared_job;
  struct job *j = malloc(sizeof *j); // #mixed_heap
  if (flag)
    j = &shared_job; // #mixed_static
  pthread_create(&t, NULL, run, j); // #mixed
  pthread_join(t, NULL);
}
// expected-warning@#mixed {{cannot prove that 'j' may be handed to another thread: it is assigned memory of different kinds [sendsync-unknown]}}
// expected-note-re@#mixed_heap {{assigned heap memory from malloc at spawn-sites.c:{{[0-9]+}} here}}
// expected-note@#mixed_static {{assigned a static local of 'mixed' here}}
// expected-note@#mixed {{it is handed to the thread started here}}

void unknown_origin(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, lookup(1)); // #lookup
  pthread_join(t, NULL);
  pthread_create(&t, NULL, run, sendsync_assume_send(lookup(2))); // twin
  pthread_join(t, NULL);
}
// expected-warning@#lookup {{cannot prove that 'lookup(1)' may be handed to another thread: where its memory lives is unknown (the result of 'lookup'); wrap it in sendsync_assume_send() if it is safe [sendsync-unknown]}}
// expected-note@#lookup {{it is handed to the thread started here}}

void untyped(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, malloc(16)); // #untyped
  pthread_join(t, NULL);
}
// expected-warning@#untyped {{cannot prove that 'malloc(16)' may be sent to another thread: it is untyped ('void *'); pass it with its real pointer type [sendsync-unknown]}}
// expected-note-re@#untyped {{required because 'malloc(16)' (heap memory from malloc at spawn-sites.c:{{[0-9]+}}) is handed over to the thread started here}}

void raw_inside(void) {
  pthread_t t;
  struct named_job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, run, j); // #inside
  pthread_join(t, NULL);
  struct clean_job *c = malloc(sizeof *c); // twin
  pthread_create(&t, NULL, run, c);
  pthread_join(t, NULL);
}
// expected-warning@#inside {{cannot prove that 'struct named_job' may be sent to another thread [sendsync-unknown]}}
// expected-note@#named_name {{'struct named_job' cannot be proven Send because its field 'name' is an unannotated pointer 'char *'}}
// expected-note-re@#inside {{required because 'j' (heap memory from malloc at spawn-sites.c:{{[0-9]+}}) is handed over to the thread started here}}
