// One object per element (docs/rules.md §6.7): `&a[i]` in a creation loop
// gives each thread its own element of a stack or heap array; writes to the
// other elements (the next iteration's set-up) are no access to it. In a
// batched join loop, `join(t[j])` ends the borrow of element j only: a
// write to element j before its join races with thread j, a write after it
// does not.
//
// RUN: %verify %s

#include <pthread.h>
#include <stdlib.h>

struct slot {
  int id;
  char *buf;
};

static void *work(void *p) {
  struct slot *s = p;
  s->id++; // #thread_writes_id
  return s->buf;
}

static void *bump(void *p) {
  int *n = p;
  (*n)++;
  return NULL;
}

// A heap array, one element per thread, filled in the creation loop.
void heap_slots(void) {
  pthread_t t[8];
  int *is = malloc(8 * sizeof *is);
  for (int i = 0; i < 8; i++) {
    is[i] = i;
    pthread_create(&t[i], NULL, bump, &is[i]);
  }
  for (int i = 0; i < 8; i++)
    pthread_join(t[i], NULL);
  free(is);
}

// A batched join loop that frees each element's buffer after its join.
void batched_free(void) {
  pthread_t t[8];
  struct slot a[8];
  for (int i = 0; i < 8; i++) {
    a[i].id = i;
    a[i].buf = malloc(16);
    pthread_create(&t[i], NULL, work, &a[i]);
  }
  for (int j = 0; j < 8; j++) {
    pthread_join(t[j], NULL);
    a[j].id = -1;
    free(a[j].buf);
  }
}

// The bug: element j is reset before its thread is joined.
void batched_reset_too_early(void) {
  pthread_t t[8];
  struct slot a[8];
  for (int i = 0; i < 8; i++) {
    a[i].id = i;
    a[i].buf = NULL;
    pthread_create(&t[i], NULL, work, &a[i]); // #early_spawn
  }
  for (int j = 0; j < 8; j++) {
    a[j].id = 0; // #early_write
    pthread_join(t[j], NULL);
  }
}
// expected-warning@#early_write {{the spawner assigns to 'a[j].id' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#early_spawn {{'a' is lent to the thread started here}}
// expected-note@#early_write {{the spawner writes it here, holding no lock}}
// expected-note@#thread_writes_id {{the thread writes it here, holding no lock}}
// expected-note@#early_spawn {{join 't[i]' first, or make the field _Atomic or guarded by a lock}}

// The same bug with a heap array: element j moved to thread j.
void batched_heap_too_early(void) {
  pthread_t t[8];
  struct slot *a = calloc(8, sizeof *a);
  for (int i = 0; i < 8; i++) {
    a[i].id = i;
    pthread_create(&t[i], NULL, work, &a[i]); // #heap_spawn
  }
  for (int j = 0; j < 8; j++) {
    a[j].id = 0; // #heap_write
    pthread_join(t[j], NULL);
  }
  free(a);
}
// expected-warning@#heap_write {{the spawner assigns to 'a' after handing it over to another thread [sendsync-use-after-send]}}
// expected-note-re@#heap_spawn {{'a' (heap memory from calloc at per-element.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#thread_writes_id {{the thread writes it here, holding no lock}}
// expected-note@#heap_spawn {{join 't[i]' first, or leave the object to the thread}}

// Twin: the heap elements reset after their joins.
void batched_heap_after_join(void) {
  pthread_t t[8];
  struct slot *a = calloc(8, sizeof *a);
  for (int i = 0; i < 8; i++) {
    a[i].id = i;
    pthread_create(&t[i], NULL, work, &a[i]);
  }
  for (int j = 0; j < 8; j++) {
    pthread_join(t[j], NULL);
    a[j].id = 0;
  }
  free(a);
}
