// Near-miss spellings of a marker are errors with a fix-it to the intended
// marker (docs/rules.md §1: "near-miss spellings (sned, ownd) are errors with a
// fix-it"). The correct spelling beside each one stays silent, and so do the
// annotate strings of other tools, which are not near misses of any marker.
//
// RUN: %verify %s
// RUN: not %sendsync -fdiagnostics-parseable-fixits %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:

// A swap of two letters is one typo.
// expected-error@+1 {{unknown sendsync marker 'sned'; did you mean 'send'? [sendsync-annotation]}}
struct __attribute__((annotate("sned"))) typo_send { int x; };
// CHECK: near-miss.c:[[@LINE-1]]:23: error: unknown sendsync marker 'sned'; did you mean 'send'? [sendsync-annotation]
// CHECK: fix-it:"{{.*}}near-miss.c":{[[@LINE-2]]:32-[[@LINE-2]]:38}:"\"send\""
struct __attribute__((annotate("send"))) right_send { int x; };

// A missing letter, on a pointer field.
struct typo_owned {
  // expected-error@+1 {{unknown sendsync marker 'ownd'; did you mean 'owned'? [sendsync-annotation]}}
  char *name __attribute__((annotate("ownd")));
  // CHECK: near-miss.c:[[@LINE-1]]:29: error: unknown sendsync marker 'ownd'; did you mean 'owned'? [sendsync-annotation]
  // CHECK: fix-it:"{{.*}}near-miss.c":{[[@LINE-2]]:38-[[@LINE-2]]:44}:"\"owned\""
  char *label __attribute__((annotate("owned")));
};

// Markers are case-sensitive: "Send" is not "send".
// expected-error@+1 {{unknown sendsync marker 'Send'; did you mean 'send'? [sendsync-annotation]}}
struct __attribute__((annotate("Send"))) capital_send { int x; };
// CHECK: near-miss.c:[[@LINE-1]]:23: error: unknown sendsync marker 'Send'; did you mean 'send'? [sendsync-annotation]
// CHECK: fix-it:"{{.*}}near-miss.c":{[[@LINE-2]]:32-[[@LINE-2]]:38}:"\"send\""

// A dash for the underscore.
// expected-error@+1 {{unknown sendsync marker 'not-sync'; did you mean 'not_sync'? [sendsync-annotation]}}
struct __attribute__((annotate("not-sync"))) dashed { int x; };
// CHECK: near-miss.c:[[@LINE-1]]:23: error: unknown sendsync marker 'not-sync'; did you mean 'not_sync'? [sendsync-annotation]
// CHECK: fix-it:"{{.*}}near-miss.c":{[[@LINE-2]]:32-[[@LINE-2]]:42}:"\"not_sync\""
struct __attribute__((annotate("not_sync"))) underscored { int x; };

// All capitals, on a typedef.
// expected-error@+1 {{unknown sendsync marker 'OWNED'; did you mean 'owned'? [sendsync-annotation]}}
typedef char *shouting_str __attribute__((annotate("OWNED")));
// CHECK: near-miss.c:[[@LINE-1]]:43: error: unknown sendsync marker 'OWNED'; did you mean 'owned'? [sendsync-annotation]
// CHECK: fix-it:"{{.*}}near-miss.c":{[[@LINE-2]]:52-[[@LINE-2]]:59}:"\"owned\""
typedef char *owned_str __attribute__((annotate("owned")));

// Annotations of other tools are theirs: not close to any marker, so no
// report (the implicit checks reject any further error or warning).
struct __attribute__((annotate("sink"))) other_tool_1 { int x; };
struct __attribute__((annotate("static_init"))) other_tool_2 { int x; };
struct __attribute__((annotate("my_tool"))) other_tool_3 { int x; };
struct other_tool_fields {
  char *p __attribute__((annotate("sink")));
  int n __attribute__((annotate("static_init")));
};
void other_tool_fn(void) __attribute__((annotate("my_tool")));
