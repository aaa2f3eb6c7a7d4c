// The spawner against the thread, per part (docs/rules.md §6.2): when the
// thread's side is known (its entry's access summary), the spawner's write
// is a race only if the thread touches that part, and the report shows the
// thread's access too. Twins: one result slot per side, a thread that never
// touches the object.
//
// RUN: %verify %s

#include <pthread.h>
#include <stddef.h>

struct control {
  int stop;
  long result_main;
  long result_thread;
  int input;
};

static void *poll_stop(void *arg) {
  struct control *c = arg;
  while (!c->stop) // #reads_stop
    ;
  return NULL;
}

void stop_while_polled(void) {
  struct control c = {0, 0, 0, 0};
  pthread_t t;
  pthread_create(&t, NULL, poll_stop, &c); // #stop_spawn
  c.stop = 1; // #stop_write
  pthread_join(t, NULL);
}
// expected-warning@#stop_write {{the spawner assigns to 'c.stop' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#stop_spawn {{'c' is lent to the thread started here}}
// expected-note@#stop_spawn {{join 't' first, or make the field _Atomic or guarded by a lock}}
// expected-note@#stop_write {{the spawner writes it here, holding no lock}}
// expected-note@#reads_stop {{the thread reads it here, holding no lock}}

// Twin: each side writes its own result slot; the thread reads the input,
// which the spawner leaves alone.
static void *compute(void *arg) {
  struct control *c = arg;
  c->result_thread = c->input * 2;
  return NULL;
}
void one_slot_per_side(void) {
  struct control c = {0, 0, 0, 21};
  pthread_t t;
  pthread_create(&t, NULL, compute, &c);
  c.result_main = 42;
  pthread_join(t, NULL);
}

// The loop counter, read by every thread.
static void *show(void *arg) {
  int *n = arg;
  return (void *)(long)*n; // #reads_counter
}
void counter_read(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) // #counter_loop
    pthread_create(&t[i], NULL, show, &i); // #counter_spawn
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
// expected-warning@#counter_spawn {{the same address of 'i' is handed to every thread while the loop increments it [sendsync-race]}}
// expected-note@#counter_loop {{'i' changes here while the threads may read it}}
// expected-note@#counter_spawn {{give each thread its own copy: an array element per thread ('ids[i] = i; ... &ids[i]'), or pass the value itself ('(void *)(intptr_t)i')}}
// expected-note@#reads_counter {{the thread reads it here, holding no lock}}
// The same local dies at the end of each iteration while the thread may
// still run: that is sendsync-escape's.
// expected-warning@#counter_spawn {{address of local 'i' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#counter_loop {{'i' is declared here and dies at the end of this block}}
// expected-note@#counter_spawn {{'i' dies here, at the end of its block, and 't[i]' may not be joined yet}}
// expected-note@#counter_spawn {{the thread is started here; join 't[i]' before the memory dies, or hand over heap memory instead}}

// Twin: a thread that never touches what it is given.
static void *ignore(void *arg) {
  (void)arg;
  return NULL;
}
void counter_ignored(void) {
  pthread_t t[4];
  int i;
  for (i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, ignore, &i);
  for (i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
