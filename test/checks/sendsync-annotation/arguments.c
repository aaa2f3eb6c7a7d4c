// Markers other than unsafe_* and impl take no arguments; an argument is an
// error naming the marker, so that a reason the user meant for the audit is
// not silently dropped. unsafe_* takes exactly one (the reason). The same
// markers without arguments stay silent.
//
// RUN: %verify %s

// expected-error@+1 {{marker 'send' takes no arguments [sendsync-annotation]}}
struct __attribute__((annotate("send", "all fields are owned"))) claim_with_reason { int x; };
struct __attribute__((annotate("send"))) claim { int x; };

// expected-error@+1 {{marker 'not_sync' takes no arguments [sendsync-annotation]}}
struct __attribute__((annotate("not_sync", 1))) negative_with_number { int x; };
struct __attribute__((annotate("not_sync"))) negative { int x; };

struct fields {
  // expected-error@+1 {{marker 'owned' takes no arguments [sendsync-annotation]}}
  char *a __attribute__((annotate("owned", "freed by the worker")));
  // expected-error@+1 {{marker 'borrowed' takes no arguments [sendsync-annotation]}}
  const char *b __attribute__((annotate("borrowed", 0)));
  char *c __attribute__((annotate("owned")));
  const char *d __attribute__((annotate("borrowed")));
};

// expected-error@+1 {{marker 'thread_entry' takes no arguments [sendsync-annotation]}}
int spawn(void *(*entry)(void *) __attribute__((annotate("thread_entry", "worker"))),
          void *arg __attribute__((annotate("thread_arg"))));
// expected-error@+1 {{marker 'thread_join' takes no arguments [sendsync-annotation]}}
int join(unsigned long h __attribute__((annotate("thread_join", 1))));
int join2(unsigned long h __attribute__((annotate("thread_join"))));

// expected-error@+1 {{marker 'unsafe_send' takes one argument, the reason [sendsync-annotation]}}
struct __attribute__((annotate("unsafe_send", "one owner", "and more"))) two_reasons { char *p; };
struct __attribute__((annotate("unsafe_send", "one owner"))) one_reason { char *p; };
