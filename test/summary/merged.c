// Uses with the same kind, part and lock set (in any order) are one use in
// a summary, shown at the earliest place in the source: a caller's summary
// does not grow with the paths to a callee's access (docs/design.md,
// "Summaries"), and the checks, which report the first matching use, see
// the same one. Signals are merged alike, by kind, object and whether the
// object is used after them.
//
// RUN: %verify -fplugin-arg-sendsync-dump-summaries %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <semaphore.h>

struct obj {
  pthread_mutex_t a, b;
  sem_t done;
  int n;
  int m;
};

// A diamond: each level calls the next twice, and the write at the bottom
// is seen once at the top, not once per path.
// CHECK: summary leaf o: write:n@[[#LEAF:@LINE+3]][o->a]{{$}}
void leaf(struct obj *o) {
  pthread_mutex_lock(&o->a);
  o->n++;
  pthread_mutex_unlock(&o->a);
}
// CHECK: summary mid o: write:n@[[#LEAF]][o->a]{{$}}
void mid(struct obj *o) {
  leaf(o);
  leaf(o);
}
// CHECK: summary top o: write:n@[[#LEAF]][o->a]{{$}}
void top(struct obj *o) {
  mid(o);
  mid(o);
}

// The callee's write, earlier in the file, is kept rather than the
// caller's own two, although the walk finds those first; the two reads of n
// are one.
// CHECK: summary early o: write:m@[[#EARLY:@LINE+1]]{{$}}
void early(struct obj *o) { o->m = 1; }
// CHECK: summary later o: write:m@[[#EARLY]] read:n@[[@LINE+3]]{{$}}
void later(struct obj *o) {
  o->m = 2;
  int k = o->n;
  early(o);
  o->m = k + o->n;
}

// One write in each branch: the one higher up is kept, whatever the order
// of the CFG's blocks. The same locks taken in another order are the same
// lock set; another lock set is another use.
// CHECK: summary branches o: write:n@[[@LINE+5]][o->a,o->b] write:n@[[@LINE+15]]{{$}}
void branches(struct obj *o, int c) {
  if (c) {
    pthread_mutex_lock(&o->a);
    pthread_mutex_lock(&o->b);
    o->n = 1;
    pthread_mutex_unlock(&o->b);
    pthread_mutex_unlock(&o->a);
  } else {
    pthread_mutex_lock(&o->b);
    pthread_mutex_lock(&o->a);
    o->n = 2;
    pthread_mutex_unlock(&o->a);
    pthread_mutex_unlock(&o->b);
  }
  o->n = 3;
}

// A signal made by a callee at two calls is one signal; when the object is
// used after one of them and not after the other, both are kept.
// CHECK: summary post o: signal:done@[[#POST:@LINE+1]]{{$}}
void post(struct obj *o) { sem_post(&o->done); }
// CHECK: summary post_twice o: signal:done@[[#POST]]{{$}}
void post_twice(struct obj *o) {
  post(o);
  post(o);
}
// CHECK: summary post_read_post o: read:m@[[@LINE+4]] signal:done@[[#POST]]+used@[[@LINE+4]] signal:done@[[#POST]]{{$}}
void post_read_post(struct obj *o) {
  post(o);
  post(o);
  int k = o->m;
  post(o);
  (void)k;
}

// A signal on an object no parameter reaches (a global barrier) is merged
// alike.
static pthread_barrier_t dock;
// CHECK: summary meet o: barrier:global:dock@[[#MEET:@LINE+1]]{{$}}
void meet(struct obj *o) { pthread_barrier_wait(&dock); (void)o; }
// CHECK: summary meet_twice o: barrier:global:dock@[[#MEET]]{{$}}
void meet_twice(struct obj *o) {
  meet(o);
  meet(o);
}

// More uses than are compared one by one (a hash index takes over): the
// callee's read of f9, earlier in the file, still replaces the function's
// own, and the repeated reads and writes are still merged.
struct wide { int f0, f1, f2, f3, f4, f5, f6, f7, f8, f9; };
// CHECK: summary wide_early w: read:f9@[[#WIDE:@LINE+1]]{{$}}
int wide_early(struct wide *w) { return w->f9; }
// CHECK: summary wide_all w: read:f9@[[#WIDE]] read:f0@[[#@LINE+2]] read:f1@[[#@LINE+2]] read:f2@[[#@LINE+2]] read:f3@[[#@LINE+2]] read:f4@[[#@LINE+2]] read:f5@[[#@LINE+2]] read:f6@[[#@LINE+2]] read:f7@[[#@LINE+2]] read:f8@[[#@LINE+2]] write:f0@[[#@LINE+3]] write:f1@[[#@LINE+3]] write:f2@[[#@LINE+3]] write:f3@[[#@LINE+3]] write:f4@[[#@LINE+3]] write:f5@[[#@LINE+3]] write:f6@[[#@LINE+3]] write:f7@[[#@LINE+3]] write:f8@[[#@LINE+3]] write:f9@[[#@LINE+3]]{{$}}
void wide_all(struct wide *w) {
  int k = w->f0 + w->f1 + w->f2 + w->f3 + w->f4 + w->f5 + w->f6 + w->f7 + w->f8 + w->f9;
  w->f0 = w->f1 = w->f2 = w->f3 = w->f4 = w->f5 = w->f6 = w->f7 = w->f8 = w->f9 = k;
  k += w->f0 + w->f1 + w->f2 + w->f3 + w->f4 + w->f5 + w->f6 + w->f7 + w->f8 + w->f9;
  w->f0 = w->f1 = w->f2 = w->f3 = w->f4 = w->f5 = w->f6 = w->f7 = w->f8 = w->f9 = k;
  k += wide_early(w);
}
