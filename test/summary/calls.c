// Access summaries across calls (docs/rules.md §6.1): callees are summarised
// before their callers; a lock a callee takes in its parameter's pointee is
// named from the caller's side; functions on a call cycle see each other's
// calls as unknown, so recursion ends.
//
// RUN: %verify -fplugin-arg-sendsync-dump-summaries %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <threads.h>

struct inner {
  mtx_t lock;
  int value;
};

struct outer {
  int flags;
  struct inner in;
  int slots[8];
};

// CHECK: summary set_value i: write:value@[[@LINE+3]][i->lock]{{$}}
static void set_value(struct inner *i, int v) {
  mtx_lock(&i->lock);
  i->value = v;
  mtx_unlock(&i->lock);
}

// The callee's lock in its pointee becomes 'o->in.lock' here.
// CHECK: summary set_outer o: write:in.value@{{[0-9]+}}[o->in.lock] write:flags@[[@LINE+3]]{{$}}
void set_outer(struct outer *o) {
  set_value(&o->in, 1);
  o->flags = 2;
}

// An element of an array field, and an element of the pointee itself.
// CHECK: summary fill o: write:slots[]@[[@LINE+3]]{{$}}
void fill(struct outer *o) {
  for (int k = 0; k < 8; k++)
    o->slots[k] = k;
}
// CHECK: summary first_int p: write:*[]@[[@LINE+2]] read:*@[[@LINE+3]]{{$}}
void first_int(int *p) {
  p[1] = 0;
  (void)*p;
}

// A local that stands for an alias of the parameter stands for it too.
// CHECK: summary through_two_locals arg: write:flags@[[@LINE+4]]{{$}}
void through_two_locals(void *arg) {
  struct outer *a = arg;
  struct outer *b = a;
  b->flags = 1;
}

// A local assigned something else as well does not stand for it: what is
// done through it may reach the pointee or not, so the parameter is unknown.
// So is one that points into the pointee (`int *q = &o->flags`).
struct outer other;
// CHECK: summary not_an_alias arg: unknown@[[@LINE+2]]{{$}}
void not_an_alias(void *arg, int c) {
  struct outer *a = arg;
  if (c)
    a = &other;
  a->flags = 1;
}
// CHECK: summary into_the_pointee o: unknown@[[@LINE+2]]{{$}}
void into_the_pointee(struct outer *o) {
  int *q = &o->flags;
  *q = 1;
}

// Mutual recursion: pong is summarised first (ping calls it) and sees its
// call back to ping as unknown; ping then takes in pong's summary, unknown
// included. Neither summary waits for the other, so this ends. ping's write
// of flags and pong's are one use (same kind, part and locks): the earlier
// one, ping's, is kept.
void pong(struct outer *o, int n);
// CHECK: summary ping o: write:flags@[[@LINE+3]] read:flags@[[PONG:[0-9]+]] unknown@[[@LINE+4]]{{$}}
void ping(struct outer *o, int n) {
  if (n > 0) {
    o->flags = n;
    pong(o, n - 1);
  }
}
// CHECK: summary pong o: write:flags@[[@LINE+2]] read:flags@[[@LINE+2]] unknown@[[@LINE+3]]{{$}}
void pong(struct outer *o, int n) {
  o->flags = o->flags + 1;
  ping(o, n);
}

// A lock released and taken again inside a loop is held at the loop's
// condition and body; after its release, it is not.
// CHECK: summary drain o: read:in.value@[[@LINE+3]][o->in.lock] write:flags@[[@LINE+6]][o->in.lock] write:flags@[[@LINE+9]]{{$}}
void drain(struct outer *o) {
  mtx_lock(&o->in.lock);
  while (o->in.value > 0) {
    mtx_unlock(&o->in.lock);
    mtx_lock(&o->in.lock);
    o->flags = 0;
  }
  mtx_unlock(&o->in.lock);
  o->flags = 1;
}
