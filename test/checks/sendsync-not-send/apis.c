// Every built-in spawn API of the table (docs/spawn-apis.md) is a spawn site
// without any annotation: a not_send object handed to each is reported at
// its argument, which sits at a different position per API. The non-POSIX
// prototypes are declared here with the libraries' signatures.
//
// RUN: %verify %s
// The same calls with a Send object: silent.
// RUN: %sendsync -DTWIN %s 2>&1 | count 0

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>

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
DWORD WaitForSingleObject(HANDLE h, DWORD ms);
// Apple's libdispatch
typedef struct dispatch_queue_s *dispatch_queue_t;
typedef void (*dispatch_function_t)(void *context);
void dispatch_async_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
void dispatch_sync_f(dispatch_queue_t queue, void *context, dispatch_function_t work);

#ifdef TWIN
struct logger { int fd; };
#else
struct SS_NOT_SEND logger { int fd; }; // #logger
// expected-note@#logger 10 {{'struct logger' is marked not_send here}}
#endif

static void *posix_entry(void *arg) { return arg; }
static int c11_entry(void *arg) { return arg != NULL; }
static void uv_entry(void *arg) { (void)arg; }
static gpointer glib_entry(gpointer arg) { return arg; }
static DWORD win_entry(void *arg) { return arg != NULL; }
static unsigned crt_entry(void *arg) { return arg != NULL; }
static void block_entry(void *arg) { (void)arg; }

void posix(void) {
  pthread_t t;
  struct logger *l = malloc(sizeof *l);
  pthread_create(&t, NULL, posix_entry, l); // #pthread_create
  pthread_join(t, NULL);
}
// expected-warning@#pthread_create {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#pthread_create {{required because 'l'}}

void c11(void) {
  thrd_t t;
  struct logger *l = malloc(sizeof *l);
  thrd_create(&t, c11_entry, l); // #thrd_create
  thrd_join(t, NULL);
}
// expected-warning@#thrd_create {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#thrd_create {{required because 'l'}}

void libuv(void) {
  uv_thread_t t;
  uv_thread_options_t opts = {0, 0};
  struct logger *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  uv_thread_create(&t, uv_entry, a); // #uv_thread_create
  uv_thread_join(&t);
  uv_thread_create_ex(&t, &opts, uv_entry, b); // #uv_thread_create_ex
  uv_thread_join(&t);
}
// expected-warning@#uv_thread_create {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#uv_thread_create {{required because 'a'}}
// expected-warning@#uv_thread_create_ex {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#uv_thread_create_ex {{required because 'b'}}

void glib(void) {
  struct logger *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  GThread *t1 = g_thread_new("a", glib_entry, a); // #g_thread_new
  g_thread_join(t1);
  GThread *t2 = g_thread_try_new("b", glib_entry, b, NULL); // #g_thread_try_new
  g_thread_join(t2);
}
// expected-warning@#g_thread_new {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#g_thread_new {{required because 'a'}}
// expected-warning@#g_thread_try_new {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#g_thread_try_new {{required because 'b'}}

void windows(void) {
  struct logger *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  HANDLE h1 = CreateThread(NULL, 0, win_entry, a, 0, NULL); // #CreateThread
  WaitForSingleObject(h1, 0xFFFFFFFF);
  HANDLE h2 = (HANDLE)_beginthreadex(NULL, 0, crt_entry, b, 0, NULL); // #_beginthreadex
  WaitForSingleObject(h2, 0xFFFFFFFF);
}
// expected-warning@#CreateThread {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#CreateThread {{required because 'a'}}
// expected-warning@#_beginthreadex {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#_beginthreadex {{required because 'b'}}

void dispatch(dispatch_queue_t q) {
  struct logger *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  dispatch_async_f(q, a, block_entry); // #dispatch_async_f
  dispatch_sync_f(q, b, block_entry); // #dispatch_sync_f
}
// expected-warning@#dispatch_async_f {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#dispatch_async_f {{required because 'a'}}
// expected-warning@#dispatch_sync_f {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#dispatch_sync_f {{required because 'b'}}

