// What counts as the join of a handle (docs/rules.md §3, docs/design.md "Thread
// scope"): the same variable, a struct field (w.tid, w->tid), the result of
// g_thread_new joined by g_thread_join, a helper function of this
// translation unit that joins its parameter (by value or through a pointer),
// a user join function with SS_THREAD_JOIN, and a pool whose submit and wait
// functions name the pool with SS_THREAD_JOIN. Each twin is silent; the
// same handle kinds without their join are reported.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

// GLib
typedef struct _GThread GThread;
typedef void *gpointer;
typedef gpointer (*GThreadFunc)(gpointer data);
GThread *g_thread_new(const char *name, GThreadFunc func, gpointer data);
gpointer g_thread_join(GThread *thread);
// A user join function and a thread pool.
void my_join(pthread_t *t SS_THREAD_JOIN);
typedef struct pool pool_t;
int pool_submit(pool_t *p SS_THREAD_JOIN, void (*fn)(void *) SS_THREAD_ENTRY,
                void *arg SS_THREAD_ARG);
void pool_wait(pool_t *p SS_THREAD_JOIN);

struct job { int id; };
struct worker { pthread_t tid; int busy; };

static void *run(void *arg) { return arg; }
static gpointer glib_run(gpointer arg) { return arg; }
static void task(void *arg) { (void)arg; }

void field_handle(void) {
  struct worker w;
  struct job j = {1};
  pthread_create(&w.tid, NULL, run, &j);
  pthread_join(w.tid, NULL);
}

void arrow_handle(struct worker *w) {
  struct job j = {1};
  pthread_create(&w->tid, NULL, run, &j);
  pthread_join(w->tid, NULL);
}

void arrow_handle_not_joined(struct worker *w) {
  struct job j = {1}; // #arrow_j
  pthread_create(&w->tid, NULL, run, &j); // #arrow_spawn
} // #arrow_end
// expected-warning@#arrow_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#arrow_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#arrow_end {{'j' dies here, at the end of its block, and 'w->tid' may not be joined yet}}
// expected-note@#arrow_spawn {{the thread is started here; join 'w->tid' before the memory dies, or hand over heap memory instead}}

void glib(void) {
  struct job j = {1};
  GThread *t = g_thread_new("worker", glib_run, &j);
  g_thread_join(t);
}

void glib_not_joined(void) {
  struct job j = {1}; // #glib_j
  GThread *t = g_thread_new("worker", glib_run, &j); // #glib_spawn
  (void)t;
} // #glib_end
// expected-warning@#glib_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#glib_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#glib_end {{'j' dies here, at the end of its block, and 't' may not be joined yet}}
// expected-note@#glib_spawn {{the thread is started here; join 't' before the memory dies, or hand over heap memory instead}}

static void join_by_value(pthread_t t) { pthread_join(t, NULL); }
static void join_by_pointer(pthread_t *t) { pthread_join(*t, NULL); }

void helper_by_value(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  join_by_value(tid);
}

void helper_by_pointer(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  join_by_pointer(&tid);
}

void user_join_function(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  my_join(&tid);
}

void pool_joined(pool_t *p) {
  struct job x = {1};
  pool_submit(p, task, &x);
  pool_wait(p);
}

void pool_not_waited(pool_t *p) {
  struct job x = {1}; // #pool_x
  pool_submit(p, task, &x); // #pool_spawn
} // #pool_end
// expected-warning@#pool_spawn {{address of local 'x' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#pool_x {{'x' is declared here and dies at the end of this block}}
// expected-note@#pool_end {{'x' dies here, at the end of its block, and 'p' may not be joined yet}}
// expected-note@#pool_spawn {{the thread is started here; join 'p' before the memory dies, or hand over heap memory instead}}

pthread_t global_tid;
void global_handle(void) {
  struct job j = {1};
  pthread_create(&global_tid, NULL, run, &j);
  pthread_join(global_tid, NULL);
}

void handle_through_pointer(pthread_t *out) {
  struct job j = {1};
  pthread_create(out, NULL, run, &j);
  pthread_join(*out, NULL);
}

// The handle written through a parameter is '*out', as the join writes it.
void handle_through_pointer_not_joined(pthread_t *out) {
  struct job j = {1}; // #out_j
  pthread_create(out, NULL, run, &j); // #out_spawn
} // #out_end
// expected-warning@#out_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#out_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#out_end {{'j' dies here, at the end of its block, and '*out' may not be joined yet}}
// expected-note@#out_spawn {{the thread is started here; join '*out' before the memory dies, or hand over heap memory instead}}
