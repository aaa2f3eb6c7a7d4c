// The facts the thread-scope analysis adds to a spawn site, as dump-spawns
// shows them (docs/spawn-apis.md). A scoped borrow is lent, requires=Send,
// while the spawner leaves it alone until the join; when the spawner writes
// it meanwhile it is shared, requires=Sync (and the write is a race). Heap
// memory is moved: requires=Send whatever the spawner does after.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

struct job { int id; };

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }

void left_alone(void) {
  pthread_t t;
  struct job j = {1};
  // CHECK: spawn requires.c:[[@LINE+1]]:3 {{.*}} arg=&j storage=stack object=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, &j);
  pthread_join(t, NULL);
  j.id = 2; // after the join: not a touch
}

void written_meanwhile(void) {
  pthread_t t;
  struct job j = {1};
  // CHECK-NEXT: spawn requires.c:[[@LINE+1]]:3 {{.*}} arg=&j storage=stack object=j pointee='struct job' requires=Sync handle=&t
  pthread_create(&t, NULL, run, &j); // #spawn
  j.id = 2; // #write
  pthread_join(t, NULL);
}
// expected-warning@#write {{the spawner assigns to 'j.id' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#spawn {{'j' is lent to the thread started here}}
// expected-note@#spawn {{join 't' first, or make the field _Atomic or guarded by a lock}}

void heap_written_meanwhile(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  // CHECK-NEXT: spawn requires.c:[[@LINE+1]]:3 {{.*}} arg=j storage=heap through=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, j); // #heap_spawn
  j->id = 2; // #heap_write
  pthread_join(t, NULL);
  free(j);
}
// expected-warning@#heap_write {{the spawner assigns to 'j' after handing it over to another thread [sendsync-use-after-send]}}
// expected-note-re@#heap_spawn {{'j' (heap memory from malloc at requires.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#heap_spawn {{join 't' first, or leave the object to the thread}}
