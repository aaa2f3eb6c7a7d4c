// The spawn API table (docs/spawn-apis.md): every built-in spawn function,
// recognised by name with no annotation (via=<name>(builtin)), with where its
// entry, argument and handle are; user functions marked with SS_THREAD_ENTRY
// / SS_THREAD_ARG / SS_THREAD_JOIN (via=<name>(marked)); and inferred
// wrappers (via=<name>(inferred)), including a wrapper of a wrapper and a
// wrapper that fixes the entry itself. The non-POSIX prototypes are declared
// here, with the libraries' signatures.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>
#include <stdint.h>
#include <threads.h>

struct job { int id; };
static struct job jobs[16];

// libuv
typedef unsigned long uv_thread_t;
typedef void (*uv_thread_cb)(void *arg);
typedef struct uv_thread_options_s { unsigned int flags; size_t stack_size; } uv_thread_options_t;
int uv_thread_create(uv_thread_t *tid, uv_thread_cb entry, void *arg);
int uv_thread_create_ex(uv_thread_t *tid, const uv_thread_options_t *params, uv_thread_cb entry, void *arg);
int uv_thread_join(uv_thread_t *tid);
// GLib
typedef struct _GThread GThread;
typedef struct _GError GError;
typedef void *gpointer;
typedef gpointer (*GThreadFunc)(gpointer data);
GThread *g_thread_new(const char *name, GThreadFunc func, gpointer data);
GThread *g_thread_try_new(const char *name, GThreadFunc func, gpointer data, GError **error);
gpointer g_thread_join(GThread *thread);
// Windows
typedef void *HANDLE;
typedef unsigned long DWORD;
typedef DWORD (*LPTHREAD_START_ROUTINE)(void *param);
HANDLE CreateThread(void *attrs, size_t stack, LPTHREAD_START_ROUTINE start, void *param, DWORD flags, DWORD *id);
uintptr_t _beginthreadex(void *security, unsigned stack, unsigned (*start)(void *), void *arg, unsigned flags, unsigned *id);
uintptr_t _beginthread(void (*start)(void *), unsigned stack, void *arg);
DWORD WaitForSingleObject(HANDLE h, DWORD ms);
// Apple's libdispatch
typedef struct dispatch_queue_s *dispatch_queue_t;
typedef void (*dispatch_function_t)(void *context);
void dispatch_async_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
void dispatch_sync_f(dispatch_queue_t queue, void *context, dispatch_function_t work);

static void *posix_entry(void *arg) { return arg; }
static int c11_entry(void *arg) { return arg != NULL; }
static void uv_entry(void *arg) { (void)arg; }
static gpointer glib_entry(gpointer arg) { return arg; }
static DWORD win_entry(void *arg) { return arg != NULL; }
static unsigned crt_entry(void *arg) { return arg != NULL; }
static void crt_entry_void(void *arg) { (void)arg; }
static void block_entry(void *arg) { (void)arg; }

void builtins(dispatch_queue_t q) {
  pthread_t pt;
  thrd_t ct;
  uv_thread_t ut;
  uv_thread_options_t opts = {0, 0};
  // CHECK: spawn apis.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=posix_entry arg=&jobs[0] storage=static object=jobs pointee='struct job' requires=Sync handle=&pt
  pthread_create(&pt, NULL, posix_entry, &jobs[0]);
  pthread_join(pt, NULL);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=thrd_create(builtin) entry=c11_entry arg=&jobs[1] storage=static object=jobs pointee='struct job' requires=Sync handle=&ct
  thrd_create(&ct, c11_entry, &jobs[1]);
  thrd_join(ct, NULL);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=uv_thread_create(builtin) entry=uv_entry arg=&jobs[2] storage=static object=jobs pointee='struct job' requires=Sync handle=&ut
  uv_thread_create(&ut, uv_entry, &jobs[2]);
  uv_thread_join(&ut);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=uv_thread_create_ex(builtin) entry=uv_entry arg=&jobs[3] storage=static object=jobs pointee='struct job' requires=Sync handle=&ut
  uv_thread_create_ex(&ut, &opts, uv_entry, &jobs[3]);
  uv_thread_join(&ut);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:18 via=g_thread_new(builtin) entry=glib_entry arg=&jobs[4] storage=static object=jobs pointee='struct job' requires=Sync handle=result
  GThread *gt1 = g_thread_new("worker", glib_entry, &jobs[4]);
  g_thread_join(gt1);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:18 via=g_thread_try_new(builtin) entry=glib_entry arg=&jobs[5] storage=static object=jobs pointee='struct job' requires=Sync handle=result
  GThread *gt2 = g_thread_try_new("worker", glib_entry, &jobs[5], NULL);
  g_thread_join(gt2);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:14 via=CreateThread(builtin) entry=win_entry arg=&jobs[6] storage=static object=jobs pointee='struct job' requires=Sync handle=result
  HANDLE h = CreateThread(NULL, 0, win_entry, &jobs[6], 0, NULL);
  WaitForSingleObject(h, 0xFFFFFFFF);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:23 via=_beginthreadex(builtin) entry=crt_entry arg=&jobs[7] storage=static object=jobs pointee='struct job' requires=Sync handle=result
  HANDLE h2 = (HANDLE)_beginthreadex(NULL, 0, crt_entry, &jobs[7], 0, NULL);
  WaitForSingleObject(h2, 0xFFFFFFFF);
  // _beginthread: no handle to join.
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=_beginthread(builtin) entry=crt_entry_void arg=&jobs[8] storage=static object=jobs pointee='struct job' requires=Sync{{$}}
  _beginthread(crt_entry_void, 0, &jobs[8]);
  // dispatch_*_f take (queue, context, work): the argument comes first.
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=dispatch_async_f(builtin) entry=block_entry arg=&jobs[9] storage=static object=jobs pointee='struct job' requires=Sync{{$}}
  dispatch_async_f(q, &jobs[9], block_entry);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=dispatch_sync_f(builtin) entry=block_entry arg=&jobs[10] storage=static object=jobs pointee='struct job' requires=Sync{{$}}
  dispatch_sync_f(q, &jobs[10], block_entry);
}

// A user thread pool, marked in its "header" (a redeclaration before the
// definition); the definition carries no marker.
typedef struct pool pool_t;
typedef struct task *task_t;
int pool_spawn(pool_t *p SS_THREAD_JOIN, void *(*entry)(void *) SS_THREAD_ENTRY,
               void *arg SS_THREAD_ARG);
int pool_wait(pool_t *p SS_THREAD_JOIN);
// The argument may come before the entry.
task_t task_start(void *arg SS_THREAD_ARG, void *(*fn)(void *) SS_THREAD_ENTRY);
int task_join(task_t t SS_THREAD_JOIN);

int pool_spawn(pool_t *p, void *(*entry)(void *), void *arg) {
  (void)p;
  (void)entry;
  (void)arg;
  return 0;
}

void marked(pool_t *pool) {
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=pool_spawn(marked) entry=posix_entry arg=&jobs[11] storage=static object=jobs pointee='struct job' requires=Sync handle=pool
  pool_spawn(pool, posix_entry, &jobs[11]);
  pool_wait(pool);
  // No thread_join parameter: no handle.
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:14 via=task_start(marked) entry=posix_entry arg=&jobs[12] storage=static object=jobs pointee='struct job' requires=Sync{{$}}
  task_t t = task_start(&jobs[12], posix_entry);
  task_join(t);
}

// Inferred wrappers: a function of this file that forwards its own
// parameter to a spawn's argument is a spawn API for its callers. The spawn
// inside a wrapper is not a site of its own.
static pthread_t worker;
int start_worker(void *(*fn)(void *), void *arg) {
  return pthread_create(&worker, NULL, fn, arg);
}
// A wrapper of a wrapper.
int start_worker_twice_removed(void *arg, void *(*fn)(void *)) {
  return start_worker(fn, arg);
}
// A wrapper that fixes the entry itself and forwards the handle.
int start_posix(pthread_t *t, struct job *j) {
  return pthread_create(t, NULL, posix_entry, j);
}

void inferred(void) {
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=start_worker(inferred) entry=posix_entry arg=&jobs[13] storage=static object=jobs pointee='struct job' requires=Sync handle=&worker{{$}}
  start_worker(posix_entry, &jobs[13]);
  pthread_join(worker, NULL);
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=start_worker_twice_removed(inferred) entry=posix_entry arg=&jobs[14] storage=static object=jobs pointee='struct job' requires=Sync handle=&worker{{$}}
  start_worker_twice_removed(&jobs[14], posix_entry);
  pthread_join(worker, NULL);
  pthread_t t;
  // CHECK-NEXT: spawn apis.c:[[@LINE+1]]:3 via=start_posix(inferred) entry=posix_entry arg=&jobs[15] storage=static object=jobs pointee='struct job' requires=Sync handle=&t
  start_posix(&t, &jobs[15]);
  pthread_join(t, NULL);
}
// CHECK-NOT: spawn
