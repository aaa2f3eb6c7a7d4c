// Chains of spawn wrappers and of join helpers, defined callers first: each
// link is learnt from the calls to the link below it, however deep the
// chain and whatever the order of the definitions (docs/design.md, "Spawn
// sites and provenance"). A wrapper that forwards its argument to two spawns
// is the wrapper of the one known first: here thrd_create, known from the
// start, rather than start_0, learnt only once the chain below it is.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>
#include <threads.h>

struct job { int id; };

static void *posix_entry(void *arg) {
  struct job *j = arg;
  return j->id ? NULL : arg;
}

static int c11_entry(void *arg) {
  struct job *j = arg;
  return j->id;
}

int start_0(pthread_t *t, void *arg);
int start_1(pthread_t *t, void *arg);
int start_2(pthread_t *t, void *arg);
int start_3(pthread_t *t, void *arg);
void join_0(pthread_t t);
void join_1(pthread_t t);
void join_2(pthread_t t);
void join_3(pthread_t t);

// The thrd_create inside start_either forwards its argument: not a site.
// CHECK-NOT: spawn
// CHECK: spawn wrapper-chains.c:[[@LINE+3]]:10 via=start_0(inferred) entry=posix_entry arg=arg storage=parameter kind=unannotated object=arg pointee=- requires=nothing handle=t thread=read:id@20
int start_either(pthread_t *t, thrd_t *u, void *arg) {
  thrd_create(u, c11_entry, arg);
  return start_0(t, arg);
}

int start_0(pthread_t *t, void *arg) { return start_1(t, arg); }
int start_1(pthread_t *t, void *arg) { return start_2(t, arg); }
int start_2(pthread_t *t, void *arg) { return start_3(t, arg); }
int start_3(pthread_t *t, void *arg) {
  return pthread_create(t, NULL, posix_entry, arg);
}

void join_0(pthread_t t) { join_1(t); }
void join_1(pthread_t t) { join_2(t); }
void join_2(pthread_t t) { join_3(t); }
void join_3(pthread_t t) { pthread_join(t, NULL); }

int main(void) {
  struct job a = {1}, b = {2};
  pthread_t t;
  thrd_t u;
  // CHECK-NEXT: spawn wrapper-chains.c:[[@LINE+1]]:3 via=start_0(inferred) entry=posix_entry arg=&a storage=stack object=a pointee='struct job' requires=Send handle=&t scope=joined thread=read:id@20
  start_0(&t, &a);
  join_0(t);
  // CHECK-NEXT: spawn wrapper-chains.c:[[@LINE+1]]:3 via=start_either(inferred) entry=c11_entry arg=&b storage=stack object=b pointee='struct job' requires=Send handle=&u scope=joined thread=read:id@25
  start_either(&t, &u, &b);
  thrd_join(u, NULL);
  join_0(t);
  return 0;
}
// CHECK-NOT: spawn
