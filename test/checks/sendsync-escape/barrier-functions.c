// Handshakes through a global sync object or a barrier-like function of the
// program (docs/rules.md §6.3), where the thread's side is known:
//  - the thread waits on a global barrier (or posts a global semaphore)
//    after its last access to the object, and the spawner waits on the same
//    global: proven, both modes (libgomp's team start, with POSIX barriers);
//  - the thread calls the program's own barrier function (named like one:
//    *barrier*, *wait, *_post, *signal*, *notify*, *wake*) after its last
//    access, and the spawner calls the same function: it may be the other
//    side, which cannot be proven; the default mode accepts it, strict mode
//    reports it with a note;
//  - a thread that touches the object after the barrier gets no handshake.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-not-sync,sendsync-unknown,sendsync-global %s

#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>

struct start {
  int id;
  void (*fn)(int);
};

static pthread_barrier_t dock; // count: threads + 1

static void *docked_worker(void *p) {
  struct start *s = p;
  int id = s->id;
  void (*fn)(int) = s->fn;
  pthread_barrier_wait(&dock); // the start data is not used after this
  fn(id);
  return NULL;
}

void start_team(int n, void (*fn)(int)) {
  struct start data[8];
  pthread_t t[8];
  for (int i = 0; i < n && i < 8; i++) {
    data[i].id = i;
    data[i].fn = fn;
    pthread_create(&t[i], NULL, docked_worker, &data[i]);
  }
  pthread_barrier_wait(&dock);
}

// A global semaphore the thread posts once it has its copy.
static sem_t copied;
static void *posting_worker(void *p) {
  struct start *s = p;
  int id = s->id;
  sem_post(&copied);
  return (void *)(long)id;
}
void start_one(pthread_t *out) {
  struct start data = {.id = 1};
  pthread_create(out, NULL, posting_worker, &data);
  sem_wait(&copied);
}

// The program's own barrier (another file's, as libgomp's futex barrier).
struct team_barrier;
extern struct team_barrier *the_barrier;
void team_barrier_wait(struct team_barrier *b);

static void *team_worker(void *p) {
  struct start *s = p;
  int id = s->id;
  team_barrier_wait(the_barrier);
  return (void *)(long)id;
}

void start_team_own_barrier(pthread_t *out) {
  struct start data = {.id = 2}; // #own_data
  pthread_create(out, NULL, team_worker, &data); // #own_spawn
  team_barrier_wait(the_barrier);
} // #own_end
// strict-warning@#own_spawn {{address of local 'data' escapes to a thread that may outlive it [sendsync-escape]}}
// strict-note@#own_data {{'data' is declared here and dies at the end of this block}}
// strict-note@#own_end {{'data' dies here, at the end of its block, and '*out' may not be joined yet}}
// strict-note@#own_spawn {{a handshake wait follows, but strict mode asks for a join}}
// strict-note@#own_spawn {{the thread is started here; join '*out' before the memory dies, or hand over heap memory instead}}

// The bug: the thread reads the start data after the barrier.
static void *late_worker(void *p) {
  struct start *s = p;
  team_barrier_wait(the_barrier);
  return (void *)(long)s->id;
}

void start_team_late_reader(pthread_t *out) {
  struct start data = {.id = 3}; // #late_data
  pthread_create(out, NULL, late_worker, &data); // #late_spawn
  team_barrier_wait(the_barrier);
} // #late_end
// expected-warning@#late_spawn {{address of local 'data' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#late_data {{'data' is declared here and dies at the end of this block}}
// expected-note@#late_end {{'data' dies here, at the end of its block, and '*out' may not be joined yet}}
// expected-note@#late_spawn {{the thread is started here; join '*out' before the memory dies, or hand over heap memory instead}}

// A function that is not named like a barrier proves nothing.
void log_progress(const char *what);
static void *logging_worker(void *p) {
  struct start *s = p;
  int id = s->id;
  log_progress("copied");
  return (void *)(long)id;
}

void start_and_log(pthread_t *out) {
  struct start data = {.id = 4}; // #log_data
  pthread_create(out, NULL, logging_worker, &data); // #log_spawn
  log_progress("started");
} // #log_end
// expected-warning@#log_spawn {{address of local 'data' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#log_data {{'data' is declared here and dies at the end of this block}}
// expected-note@#log_end {{'data' dies here, at the end of its block, and '*out' may not be joined yet}}
// expected-note@#log_spawn {{the thread is started here; join '*out' before the memory dies, or hand over heap memory instead}}
