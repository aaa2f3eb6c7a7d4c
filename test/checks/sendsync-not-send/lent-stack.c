// A scoped borrow of the spawner's own memory (&local), which the spawner
// leaves alone until the join, is lent to the thread: Rust's thread::scope
// with a moved &mut, so Send is required (docs/rules.md §2). Thread-affine types
// (jmp_buf, va_list) and not_send types are reported in the default mode.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <sendsync.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

struct SS_NOT_SEND session { int id; }; // #session
struct unwind { jmp_buf env; int depth; }; // #env
struct fmt { va_list ap; }; // #ap
struct work { int from, to; long sum; };

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void lend_jmp_buf(void) {
  pthread_t t;
  struct unwind u;
  pthread_create(&t, NULL, run, &u); // #lend_env
  pthread_join(t, NULL);
}
// expected-warning@#lend_env {{'struct unwind' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#env {{'struct unwind' is not Send because its field 'env' holds a 'jmp_buf', which is thread-affine: it belongs to the thread that created it}}
// expected-note@#lend_env {{required because '&u' (a local of 'lend_jmp_buf') is lent to the thread started here}}

void lend_va_list(int n, ...) {
  pthread_t t;
  struct fmt f;
  va_start(f.ap, n);
  pthread_create(&t, NULL, run, &f); // #lend_ap
  pthread_join(t, NULL);
  va_end(f.ap);
}
// expected-warning@#lend_ap {{'struct fmt' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#ap {{'struct fmt' is not Send because its field 'ap' holds a 'va_list', which is thread-affine}}
// expected-note@#lend_ap {{required because '&f' (a local of 'lend_va_list') is lent to the thread started here}}

// A bare jmp_buf: the reason is said of the object itself. (The pointee is
// the array's element type, glibc's 'struct __jmp_buf_tag'; not pinned.)
void lend_bare_jmp_buf(void) {
  pthread_t t;
  jmp_buf env; // #bare
  pthread_create(&t, NULL, run, env); // #lend_bare
  pthread_join(t, NULL);
}
// expected-warning-re@#lend_bare {{'{{.+}}' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note-re@#bare {{'env' holds a '{{.+}}', which is thread-affine}}
// expected-note@#lend_bare {{required because 'env' (a local of 'lend_bare_jmp_buf') is lent to the thread started here}}

void lend_session(void) {
  pthread_t t;
  struct session s = {1};
  pthread_create(&t, NULL, run, &s); // #lend_session
  pthread_join(t, NULL);
}
// expected-warning@#lend_session {{'struct session' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#session {{'struct session' is marked not_send here}}
// expected-note@#lend_session {{required because '&s' (a local of 'lend_session') is lent to the thread started here}}

// The twin: a plain work item lent to one thread and joined. Mutable fields
// are fine: the thread has it alone while the spawner waits (Send, not Sync),
// in strict mode too.
void lend_work(void) {
  pthread_t t;
  struct work w = {0, 100, 0};
  pthread_create(&t, NULL, run, &w);
  pthread_join(t, NULL);
}
