// A heap object the spawner keeps using after handing it over, judged part
// by part against the thread's side when the thread's entry is a function
// of this file (docs/rules.md §6.2): a write to a part the thread never
// touches, or under a lock the thread holds there too, is no report; a write
// to a part the thread uses, or a read of a part it writes, with no common
// lock, is. Each bug has its twin.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown,sendsync-not-sync %s

#include <pthread.h>
#include <stdlib.h>

struct conn {
  pthread_mutex_t mu;
  int fd;
  int status;
  long bytes;
};

static void *pump(void *arg) {
  struct conn *c = arg;
  long n = c->fd; // #thread_reads_fd
  pthread_mutex_lock(&c->mu);
  c->bytes += n;
  pthread_mutex_unlock(&c->mu);
  return NULL;
}

// The spawner rewrites the part the thread reads.
void reopen_while_pumping(void) {
  pthread_t t;
  struct conn *c = calloc(1, sizeof *c);
  pthread_mutex_init(&c->mu, NULL);
  pthread_create(&t, NULL, pump, c); // #reopen_spawn
  c->fd = 3; // #reopen_write
  pthread_join(t, NULL);
  free(c);
}
// expected-warning@#reopen_write {{the spawner assigns to 'c' after handing it over to another thread [sendsync-use-after-send]}}
// expected-note-re@#reopen_spawn {{'c' (heap memory from calloc at per-part.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#thread_reads_fd {{the thread reads it here, holding no lock}}
// expected-note@#reopen_spawn {{join 't' first, or leave the object to the thread}}

// Twin: a part the thread never touches (the spawner keeps the object and
// shares it).
void mark_status_while_pumping(void) {
  pthread_t t;
  struct conn *c = calloc(1, sizeof *c);
  pthread_mutex_init(&c->mu, NULL);
  pthread_create(&t, NULL, pump, c);
  c->status = 1;
  pthread_join(t, NULL);
  free(c);
}

// The spawner reads the counter the thread updates, without its lock.
long peek_bytes(void) {
  pthread_t t;
  struct conn *c = calloc(1, sizeof *c);
  pthread_mutex_init(&c->mu, NULL);
  pthread_create(&t, NULL, pump, c); // #peek_spawn
  long seen = c->bytes; // #peek_read
  pthread_join(t, NULL);
  free(c);
  return seen;
}
// expected-warning@#peek_read {{the spawner reads 'c' while the thread it was handed to may write it [sendsync-use-after-send]}}
// expected-note-re@#peek_spawn {{'c' (heap memory from calloc at per-part.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@* {{the thread writes it here, holding 'c->mu'}}
// expected-note@#peek_spawn {{join 't' first, or leave the object to the thread}}

// Twin: the same read under the thread's lock.
long peek_bytes_locked(void) {
  pthread_t t;
  struct conn *c = calloc(1, sizeof *c);
  pthread_mutex_init(&c->mu, NULL);
  pthread_create(&t, NULL, pump, c);
  pthread_mutex_lock(&c->mu);
  long seen = c->bytes;
  pthread_mutex_unlock(&c->mu);
  pthread_join(t, NULL);
  free(c);
  return seen;
}

