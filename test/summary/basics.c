// Access summaries (docs/rules.md §6.1): for each pointer parameter, what the
// function and the functions it calls in this file do to the pointee: the
// part, the kind of access, and the locks held (must-hold, on every path).
//
// RUN: %verify -fplugin-arg-sendsync-dump-summaries %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct counter {
  pthread_mutex_t mu;
  long count;
  atomic_int hits;
  char name[16];
  struct counter *next;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

// A plain worker: the void * is cast to a local that stands for it.
// CHECK: summary bump_unlocked arg: read:count@[[@LINE+3]] write:count@[[@LINE+4]]{{$}}
void *bump_unlocked(void *arg) {
  struct counter *c = arg;
  long seen = c->count;
  c->count = seen + 1;
  return NULL;
}

// Under the object's own lock, named by the parameter; the lock itself and
// the atomic are no accesses.
// CHECK: summary bump_locked arg: write:count@[[@LINE+5]][arg->mu]{{$}}
void *bump_locked(void *arg) {
  struct counter *c = (struct counter *)arg;
  pthread_mutex_lock(&c->mu);
  atomic_fetch_add(&c->hits, 1);
  c->count++;
  pthread_mutex_unlock(&c->mu);
  return NULL;
}

// A global lock, held on one path only: not held at the join point.
// CHECK: summary maybe_locked c: write:count@[[@LINE+4]][g_lock] write:count@[[@LINE+7]]{{$}}
void maybe_locked(struct counter *c, int fast) {
  if (!fast) {
    pthread_mutex_lock(&g_lock);
    c->count = 0;
    pthread_mutex_unlock(&g_lock);
  }
  c->count = 1;
}

// A callee's accesses come in below the part the caller passes, with the
// caller's locks added.
// CHECK: summary clear_name s: write:*@[[CLEAR:[0-9]+]]{{$}}
static void clear_name(char *s) {
  memset(s, 0, 16);
}
// The write is reported where it happens, in the callee.
// CHECK: summary reset c: write:name@[[CLEAR]][g_lock] free:*@[[@LINE+5]]{{$}}
void reset(struct counter *c) {
  pthread_mutex_lock(&g_lock);
  clear_name(c->name);
  pthread_mutex_unlock(&g_lock);
  free(c);
}

// Through a further pointer is another object: not a part of this one.
// CHECK: summary touch_next c: read:next@[[@LINE+2]]{{$}}
void touch_next(struct counter *c) {
  c->next->count = 0;
}

// Handed to a function the plugin does not know: unknown.
void opaque(struct counter *c);
// CHECK: summary hand_off c: unknown@[[@LINE+2]]{{$}}
void hand_off(struct counter *c) {
  opaque(c);
}

// Stored in a global: unknown from here on.
static struct counter *g_last;
// CHECK: summary remember c: unknown@[[@LINE+2]]{{$}}
void remember(struct counter *c) {
  g_last = c;
}

// realloc is its own kind of access (the old block dies).
// CHECK: summary grow buf: realloc:*@[[@LINE+2]]{{$}}
char *grow(char *buf, size_t n) {
  return realloc(buf, n);
}

// Nothing done to the pointee.
// CHECK: summary ignore c: none{{$}}
void ignore(struct counter *c) {
  (void)c;
}
