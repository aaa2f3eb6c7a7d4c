// A heap object handed to a thread must not hold a borrowed pointer when the
// thread may outlive the spawning function (docs/rules.md §1: a borrowed pointer
// may not cross into an unscoped thread): sendsync-not-send in the default
// mode, with the chain down to the borrowed field and the path that leaves.
// Joined threads, and 'static pointers, are fine. The search goes through
// owned pointers and cycles (a list head reaches the borrow through a node,
// whichever of the two is judged first).
//
// RUN: %verify %s

#include <pthread.h>
#include <stdlib.h>
#include <sendsync.h>

struct config { int level; };
struct job { int id; const struct config *cfg SS_BORROWED; }; // #job_cfg
struct plain_job { int id; const struct config *cfg SS_STATIC; };

// Cycle: a node owns the next node and borrows a config; a list head owns a
// node. The borrow is reached from the head only through the cycle.
struct node { struct list *rest SS_OWNED; const struct config *cfg SS_BORROWED; }; // #node_cfg
struct list { struct node *first SS_OWNED; }; // #list_first

static void *work(void *arg) { return arg; }

void detached(const struct config *c) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  j->cfg = c;
  pthread_create(&t, NULL, work, j); // #det_spawn
  pthread_detach(t); // #det_detach
}

int returns_unjoined(const struct config *c) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  j->cfg = c;
  pthread_create(&t, NULL, work, j); // #ret_spawn
  return 0; // #ret_return
}

void joined(const struct config *c) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  j->cfg = c;
  pthread_create(&t, NULL, work, j);
  pthread_join(t, NULL);
}

void static_pointer(void) {
  pthread_t t;
  struct plain_job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, work, j);
  pthread_detach(t);
}

void node_first(void) {
  pthread_t t;
  struct node *n = malloc(sizeof *n);
  pthread_create(&t, NULL, work, n); // #node_spawn
  pthread_detach(t); // #node_detach
}

void list_after(void) {
  pthread_t t;
  struct list *l = malloc(sizeof *l);
  pthread_create(&t, NULL, work, l); // #list_spawn
  pthread_detach(t); // #list_detach
}

// expected-warning@#det_spawn {{'struct job' cannot be sent to a thread that may outlive what it borrows [sendsync-not-send]}}
// expected-note@#job_cfg {{'struct job' may not outlive what it borrows: its field 'cfg' borrows a 'const struct config', which may not outlive its owner}}
// expected-note@#det_detach {{the thread is detached here}}
// expected-note@#det_spawn {{required because 'j' (heap memory from malloc at borrowed-in-object.c:}}
// expected-warning@#ret_spawn {{'struct job' cannot be sent to a thread that may outlive what it borrows [sendsync-not-send]}}
// expected-note@#job_cfg {{'struct job' may not outlive what it borrows: its field 'cfg' borrows a 'const struct config', which may not outlive its owner}}
// expected-note@#ret_return {{this path returns without joining 't'}}
// expected-note@#ret_spawn {{required because 'j' (heap memory from malloc at borrowed-in-object.c:}}
// expected-warning@#node_spawn {{'struct node' cannot be sent to a thread that may outlive what it borrows [sendsync-not-send]}}
// expected-note@#node_cfg 2 {{'struct node' may not outlive what it borrows: its field 'cfg' borrows a 'const struct config', which may not outlive its owner}}
// expected-note@#node_detach {{the thread is detached here}}
// expected-note@#node_spawn {{required because 'n' (heap memory from malloc at borrowed-in-object.c:}}
// expected-warning@#list_spawn {{'struct list' cannot be sent to a thread that may outlive what it borrows [sendsync-not-send]}}
// expected-note@#list_first {{'struct list' may not outlive what it borrows: its field 'first' owns a 'struct node', which holds a borrowed pointer}}
// expected-note@#list_detach {{the thread is detached here}}
// expected-note@#list_spawn {{required because 'l' (heap memory from malloc at borrowed-in-object.c:}}
