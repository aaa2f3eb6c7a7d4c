// Handshakes of the fixed shape (docs/rules.md §3.4), where the thread's side
// is unknown (its entry passes the object to a function of another file): in
// the default mode a wait on a synchronisation object that the thread
// received inside its argument (sem_wait on a semaphore in the passed struct,
// pthread_barrier_wait on its barrier) scopes the spawn: the thread copies
// what it needs, then signals. Strict mode asks for a join. With the thread's
// side known, the wait is judged by what the thread does (derived-handshake.c). A wait on an object the thread did not get proves nothing, in
// either mode. Strict mode reports the handshake as an escape ("may not be
// joined yet") and says why the wait was not enough.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>

struct start { sem_t taken; int id; };
struct meet { pthread_barrier_t here; int id; };
struct job { int id; };

sem_t global_sem;
void log_start(void *); // another file's: the thread's side is unknown

static void *take(void *arg) {
  struct start *s = arg;
  int id = s->id;
  log_start(s);
  sem_post(&s->taken);
  return (void *)(long)id;
}

static void *meet(void *arg) {
  struct meet *m = arg;
  int id = m->id;
  log_start(m);
  pthread_barrier_wait(&m->here);
  return (void *)(long)id;
}

static void *run(void *arg) { return arg; }

void semaphore(void) {
  pthread_t tid;
  struct start s; // #sem_s
  s.id = 1;
  sem_init(&s.taken, 0, 0);
  pthread_create(&tid, NULL, take, &s); // #sem_spawn
  sem_wait(&s.taken);
} // #sem_end
// strict-warning@#sem_spawn {{address of local 's' escapes to a thread that may outlive it [sendsync-escape]}}
// strict-note@#sem_s {{'s' is declared here and dies at the end of this block}}
// strict-note@#sem_end {{'s' dies here, at the end of its block, and 'tid' may not be joined yet}}
// strict-note@#sem_spawn {{a handshake wait follows, but strict mode asks for a join}}
// strict-note@#sem_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

void barrier(void) {
  pthread_t tid;
  struct meet m; // #bar_m
  m.id = 1;
  pthread_barrier_init(&m.here, NULL, 2);
  pthread_create(&tid, NULL, meet, &m); // #bar_spawn
  pthread_barrier_wait(&m.here);
} // #bar_end
// strict-warning@#bar_spawn {{address of local 'm' escapes to a thread that may outlive it [sendsync-escape]}}
// strict-note@#bar_m {{'m' is declared here and dies at the end of this block}}
// strict-note@#bar_end {{'m' dies here, at the end of its block, and 'tid' may not be joined yet}}
// strict-note@#bar_spawn {{a handshake wait follows, but strict mode asks for a join}}
// strict-note@#bar_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

// The semaphore is not in what the thread got: no handshake.
void unrelated_semaphore(void) {
  pthread_t tid;
  struct job j = {1}; // #other_j
  pthread_create(&tid, NULL, run, &j); // #other_spawn
  sem_wait(&global_sem);
} // #other_end
// expected-warning@#other_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#other_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#other_end {{'j' dies here, at the end of its block, and 'tid' may not be joined yet}}
// expected-note@#other_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

// The twin of strict mode: the handshake, then the join.
void semaphore_then_join(void) {
  pthread_t tid;
  struct start s;
  s.id = 1;
  sem_init(&s.taken, 0, 0);
  pthread_create(&tid, NULL, take, &s);
  sem_wait(&s.taken);
  pthread_join(tid, NULL);
}
