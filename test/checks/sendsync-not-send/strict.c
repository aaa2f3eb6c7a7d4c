// Default mode reports a non-Send transfer only when the chain ends at an
// explicit cause (a not_send/not_sync marker, a thread-affine type); strict
// mode (docs/rules.md §4: "strict always") also reports chains that end at the
// storage rule, such as a static pointer to mutable data. Strict mode is on
// for the build (strict) or for this file (SS_STRICT_FILE).
//
// RUN: %sendsync %s 2>&1 | count 0
// RUN: %verify=strict -fplugin-arg-sendsync-strict %s
// RUN: %verify=strict -DSTRICT_FILE %s
// The strict marker in another file (a header) does not make this one strict.
// RUN: %sendsync -DSTRICT_HEADER -I %S/Inputs %s 2>&1 | count 0

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>
#ifdef STRICT_FILE
SS_STRICT_FILE;
#endif
#ifdef STRICT_HEADER
#include "strict-header.h"
#endif

struct counter { int n; }; // #counter

// Every holder of a static pointer reaches the counter: moving the holder
// shares the counter, which is not Sync (mutable int).
struct handle { struct counter *c SS_STATIC; }; // #handle_c
// Same for a borrowed pointer.
struct view { struct counter *c SS_BORROWED; }; // #view_c

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void send_handle(void) {
  pthread_t t;
  struct handle *h = malloc(sizeof *h);
  pthread_create(&t, NULL, run, h); // #send_handle
  pthread_join(t, NULL);
}
// strict-warning@#send_handle {{'struct handle' cannot be sent to another thread safely [sendsync-not-send]}}
// strict-note@#handle_c {{'struct handle' is not Send because its field 'c' points to a static 'struct counter', which is not Sync}}
// strict-note@#counter 2 {{'struct counter' is not Sync because its field 'n' holds a mutable 'int'}}
// strict-note-re@#send_handle {{required because 'h' (heap memory from malloc at strict.c:{{[0-9]+}}) is handed over to the thread started here}}

void send_view(void) {
  pthread_t t;
  struct view *v = malloc(sizeof *v);
  pthread_create(&t, NULL, run, v); // #send_view
  pthread_join(t, NULL);
}
// strict-warning@#send_view {{'struct view' cannot be sent to another thread safely [sendsync-not-send]}}
// strict-note@#view_c {{'struct view' is not Send because its field 'c' borrows a 'struct counter', which is not Sync}}
// strict-note-re@#send_view {{required because 'v' (heap memory from malloc at strict.c:{{[0-9]+}}) is handed over to the thread started here}}

// The twins, silent in strict mode too: a counter moved by itself (mutable
// is fine for Send), and a static pointer to a const counter.
struct const_handle { const struct counter *c SS_STATIC; };

void send_twins(void) {
  pthread_t t[2];
  struct counter *c = malloc(sizeof *c);
  struct const_handle *h = malloc(sizeof *h);
  pthread_create(&t[0], NULL, run, c);
  pthread_create(&t[1], NULL, run, h);
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
}
