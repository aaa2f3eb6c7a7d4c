// The handle of each kind of spawn, as dump-spawns shows it, joined each in
// its own way: silent. (What counts as a join: docs/design.md, "Thread
// scope"; the reports without the join: test/checks/sendsync-escape/.)
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// expected-no-diagnostics

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>
#include <threads.h>

typedef struct _GThread GThread;
typedef void *gpointer;
typedef gpointer (*GThreadFunc)(gpointer data);
GThread *g_thread_new(const char *name, GThreadFunc func, gpointer data);
gpointer g_thread_join(GThread *thread);
typedef struct pool pool_t;
int pool_submit(pool_t *p SS_THREAD_JOIN, void (*fn)(void *) SS_THREAD_ENTRY,
                void *arg SS_THREAD_ARG);
void pool_wait(pool_t *p SS_THREAD_JOIN);

struct job { int id; };
struct worker { pthread_t tid; };

static void *run(void *arg) { return arg; }
static int c11_run(void *arg) { return arg != NULL; }
static gpointer glib_run(gpointer arg) { return arg; }
static void task(void *arg) { (void)arg; }
static void join_helper(pthread_t t) { pthread_join(t, NULL); }

void variable(void) {
  pthread_t t;
  struct job j = {1};
  // CHECK: spawn handles.c:[[@LINE+1]]:3 {{.*}} handle=&t
  pthread_create(&t, NULL, run, &j);
  pthread_join(t, NULL);
}

void c11(void) {
  thrd_t t;
  struct job j = {1};
  // CHECK-NEXT: spawn handles.c:[[@LINE+1]]:3 via=thrd_create(builtin) {{.*}} handle=&t
  thrd_create(&t, c11_run, &j);
  thrd_join(t, NULL);
}

void array_element(int n) {
  pthread_t t[4];
  struct job jobs[4];
  for (int i = 0; i < n; i++)
    // CHECK-NEXT: spawn handles.c:[[@LINE+1]]:5 {{.*}} arg=&jobs[i] {{.*}} handle=&t[i]
    pthread_create(&t[i], NULL, run, &jobs[i]);
  for (int i = 0; i < n; i++)
    pthread_join(t[i], NULL);
}

void field(struct worker *w) {
  struct job j = {1};
  // CHECK-NEXT: spawn handles.c:[[@LINE+1]]:3 {{.*}} handle=&w->tid
  pthread_create(&w->tid, NULL, run, &j);
  pthread_join(w->tid, NULL);
}

void result(void) {
  struct job j = {1};
  // CHECK-NEXT: spawn handles.c:[[@LINE+1]]:16 via=g_thread_new(builtin) {{.*}} handle=result
  GThread *t = g_thread_new("w", glib_run, &j);
  g_thread_join(t);
}

void helper(void) {
  pthread_t t;
  struct job j = {1};
  // CHECK-NEXT: spawn handles.c:[[@LINE+1]]:3 {{.*}} handle=&t
  pthread_create(&t, NULL, run, &j);
  join_helper(t);
}

void pool(pool_t *p) {
  struct job j = {1};
  // CHECK-NEXT: spawn handles.c:[[@LINE+1]]:3 via=pool_submit(marked) {{.*}} handle=p
  pool_submit(p, task, &j);
  pool_wait(p);
}
