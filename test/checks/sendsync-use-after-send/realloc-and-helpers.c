// Use after hand-off through realloc and through the spawner's own helpers
// (docs/rules.md §6.6): realloc of the handed-over block ends it like free;
// a function of this file whose summary frees, reallocates or writes the
// object counts as that access. Twins: the same after the join, a helper
// that only reads.
//
// RUN: %verify %s

#include <pthread.h>
#include <stdlib.h>

struct job {
  int id; int tag;
  char *name;
};

static void *work(void *arg) {
  struct job *j = arg;
  return j->id ? j->name : NULL; // #work_reads
}
static void *print(void *arg) {
  char *s = arg;
  return s;
}

void grow_while_running(void) {
  pthread_t t;
  char *buf = malloc(16);
  pthread_create(&t, NULL, print, buf); // #grow_spawn
  buf = realloc(buf, 32); // #grow
  pthread_join(t, NULL);
  free(buf);
}
// expected-warning@#grow {{'buf' is reallocated while the thread it was handed to may still use it [sendsync-use-after-send]}}
// expected-note@#grow_spawn {{'buf' (heap memory from malloc at realloc-and-helpers.c:28) is handed over to the thread started here}}
// expected-note@#grow_spawn {{join 't' before reallocating it, or let the thread own it}}

void grow_after_join(void) {
  pthread_t t;
  char *buf = malloc(16);
  pthread_create(&t, NULL, print, buf);
  pthread_join(t, NULL);
  buf = realloc(buf, 32);
  free(buf);
}

static void release(struct job *j) {
  free(j->name);
  free(j);
}
static void stamp(struct job *j) { j->id = 7; }
static int job_id(const struct job *j) { return j->id; }

void release_while_running(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, work, j); // #release_spawn
  release(j); // #release
  pthread_join(t, NULL);
}
// expected-warning@#release {{'j' is freed by 'release' while the thread it was handed to may still use it [sendsync-use-after-send]}}
// expected-note@#release_spawn {{'j' (heap memory from malloc at realloc-and-helpers.c:56) is handed over to the thread started here}}
// expected-note@#release_spawn {{let the thread free it, or join 't' before freeing}}

void stamp_while_running(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, work, j); // #stamp_spawn
  stamp(j); // #stamp
  pthread_join(t, NULL);
  free(j);
}
// expected-warning@#stamp {{the spawner writes 'j' with 'stamp' after handing it over to another thread [sendsync-use-after-send]}}
// expected-note@#stamp_spawn {{'j' (heap memory from malloc at realloc-and-helpers.c:67) is handed over to the thread started here}}
// expected-note@#work_reads {{the thread reads it here, holding no lock}}
// expected-note@#stamp_spawn {{join 't' first, or leave the object to the thread}}

// Twin: a helper that writes a part the thread never touches
// (docs/rules.md §6.2).
static void tag_job(struct job *j) { j->tag = 1; }
void tag_while_running(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, work, j);
  tag_job(j);
  pthread_join(t, NULL);
  free(j);
}

// Twin: a helper that only reads is a read (strict mode's to judge).
int read_while_running(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, work, j);
  int id = job_id(j);
  pthread_join(t, NULL);
  free(j);
  return id;
}

// Twin: the helper after the join.
void release_after_join(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, work, j);
  pthread_join(t, NULL);
  release(j);
}

// The thread frees what it was handed: any later use by the spawner, even a
// read, touches freed memory (docs/rules.md §6.6).
static void *consume(void *arg) {
  struct job *j = arg;
  free(j->name);
  free(j); // #consume_free
  return NULL;
}
int peek_after_handoff(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  j->name = NULL;
  pthread_create(&t, NULL, consume, j); // #peek_spawn
  int id = j->id; // #peek
  pthread_join(t, NULL);
  return id;
}
// expected-warning@#peek {{the spawner reads 'j' after handing it to a thread that frees it [sendsync-use-after-send]}}
// expected-note@#consume_free {{the thread frees it here}}
// expected-note-re@#peek_spawn {{'j' (heap memory from malloc at realloc-and-helpers.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#peek_spawn {{do not use it after the hand-off, or join 't' first and free it here}}

// Twin: read before the hand-off.
int peek_before_handoff(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  j->name = NULL;
  int id = j->id;
  pthread_create(&t, NULL, consume, j);
  pthread_join(t, NULL);
  return id;
}
