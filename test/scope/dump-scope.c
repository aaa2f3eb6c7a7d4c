// dump-spawns prints the thread-scope facts at the end of each line:
// scope=joined|handshake|leaks|detached|never-joined|unknown, the spawner's
// accesses (write@LINE, read@LINE, free@LINE, each followed by [<locks>] when
// the spawner holds locks there), locks=unknown and touched=yes.
// The CHECK lines pin them loosely (order and separators are not pinned).
//
// RUN: %sendsync -fplugin-arg-sendsync-dump-spawns %s 2>/dev/null | FileCheck %s

#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>
#include <stdlib.h>

typedef struct dispatch_queue_s *dispatch_queue_t;
typedef void (*dispatch_function_t)(void *context);
void dispatch_async_f(dispatch_queue_t queue, void *context, dispatch_function_t work);

struct job { int id; };
struct start { sem_t taken; int id; };
struct counter { pthread_mutex_t lock; int n; };

static void *run(void *arg) { return arg; }
static void work(void *arg) { (void)arg; }
pthread_t *slot(void);
int cond(void);

void joined(void) {
  pthread_t t;
  struct job j = {1};
  // CHECK: spawn dump-scope.c:[[@LINE+1]]:3 {{.*}}scope=joined{{$}}
  pthread_create(&t, NULL, run, &j);
  pthread_join(t, NULL);
}

void leaks(void) {
  pthread_t t;
  struct job j = {1};
  // CHECK-NEXT: spawn dump-scope.c:[[@LINE+1]]:3 {{.*}}scope=leaks{{$}}
  pthread_create(&t, NULL, run, &j);
  if (cond())
    return;
  pthread_join(t, NULL);
}

void detached(void) {
  pthread_t t;
  struct job j = {1};
  // CHECK-NEXT: spawn dump-scope.c:[[@LINE+1]]:3 {{.*}}scope=detached{{$}}
  pthread_create(&t, NULL, run, &j);
  pthread_detach(t);
}

void never(dispatch_queue_t q) {
  struct job j = {1};
  // CHECK-NEXT: spawn dump-scope.c:[[@LINE+1]]:3 {{.*}}scope=never-joined{{$}}
  dispatch_async_f(q, &j, work);
}

void handshake(void) {
  pthread_t t;
  struct start s;
  s.id = 1;
  sem_init(&s.taken, 0, 0);
  // CHECK-NEXT: spawn dump-scope.c:[[@LINE+1]]:3 {{.*}}scope=handshake{{$}}
  pthread_create(&t, NULL, run, &s);
  sem_wait(&s.taken);
}

void unknown(void) {
  struct job j = {1};
  // CHECK-NEXT: spawn dump-scope.c:[[@LINE+1]]:3 {{.*}}scope=unknown{{$}}
  pthread_create(slot(), NULL, run, &j);
  pthread_join(*slot(), NULL);
}

void accesses(void) {
  pthread_t t;
  struct counter c = {.n = 0};
  pthread_mutex_init(&c.lock, NULL);
  // CHECK-NEXT: spawn dump-scope.c:[[@LINE+1]]:3 {{.*}}scope=joined write@[[@LINE+3]][c.lock] touched=yes
  pthread_create(&t, NULL, run, &c);
  pthread_mutex_lock(&c.lock);
  c.n = 1;
  pthread_mutex_unlock(&c.lock);
  pthread_join(t, NULL);
}

void heap_free(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  // CHECK-NEXT: spawn dump-scope.c:[[@LINE+1]]:3 {{.*}}free@[[@LINE+1]]
  pthread_create(&t, NULL, run, j); free(j);
  pthread_join(t, NULL);
}
