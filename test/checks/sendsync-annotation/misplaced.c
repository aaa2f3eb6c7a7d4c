// A marker on the wrong kind of declaration is an error that names the
// declaration and says where the marker belongs (docs/rules.md §1: "markers on the
// wrong kind of declaration ... are errors"). Clang accepts any annotate
// string anywhere, so the plugin is what catches these. Each error is paired
// with the nearest correct placement, which stays silent.
//
// RUN: %verify %s

#include <sendsync.h>
#include <stdint.h>

// ---- pointer kinds (owned, borrowed, static) belong on pointers ----------

struct counter {
  // expected-error@+1 {{marker 'owned' applies to pointers, but field 'n' has type 'int' [sendsync-annotation]}}
  int n SS_OWNED;
  // expected-error@+1 {{marker 'static' applies to pointers, but field 'flags' has type 'unsigned long' [sendsync-annotation]}}
  unsigned long flags SS_STATIC;
  int *p SS_OWNED;            // a pointer: fine
  char *names[4] SS_OWNED;    // an array of pointers: fine
  const char *label SS_STATIC;
};
// expected-error@+1 {{marker 'borrowed' applies to pointers, but variable 'level' has type 'int' [sendsync-annotation]}}
int level SS_BORROWED;
const char *program_name SS_STATIC = "demo";
// expected-error@+1 {{marker 'owned' applies to pointers, but typedef 'size_type' has type 'unsigned int' [sendsync-annotation]}}
typedef unsigned int size_type SS_OWNED;
typedef char *owned_str SS_OWNED;
// expected-error@+1 {{marker 'owned' belongs on a pointer field, variable, parameter or typedef, not on function 'make_name' [sendsync-annotation]}}
char *make_name(void) SS_OWNED;
char *make_name2(void);
void local_markers(void) {
  // expected-error@+1 {{marker 'owned' applies to pointers, but variable 'i' has type 'int' [sendsync-annotation]}}
  int i SS_OWNED = 0;
  char *s SS_OWNED = 0;
  (void)i;
  (void)s;
}

// ---- type markers (send, sync, not_*, unsafe_*) belong on types ----------

struct holder {
  // expected-error@+1 {{marker 'send' belongs on a struct, union or typedef, not on field 'x'; a pointer declaration takes owned, borrowed or static [sendsync-annotation]}}
  int x SS_SEND;
  // expected-error@+1 {{marker 'not_sync' belongs on a struct, union or typedef, not on field 'p'; a pointer declaration takes owned, borrowed or static [sendsync-annotation]}}
  char *p SS_NOT_SYNC;
  char *q SS_OWNED;
};
// expected-error@+1 {{marker 'sync' belongs on a struct, union or typedef, not on variable 'shared'; a pointer declaration takes owned, borrowed or static [sendsync-annotation]}}
int shared SS_SYNC;
// (A type marker on a function: misplaced-type-marker-on-function.c.)
struct SS_SEND SS_SYNC ok_struct { const int x; };
union SS_SEND ok_union { int i; float f; };
typedef struct ok_struct ok_t SS_SEND;
struct SS_UNSAFE_SEND("one owner at a time") ok_unsafe { char *buf; };

// ---- thread_entry / thread_arg / thread_join belong on parameters --------

typedef void *(*entry_fn)(void *);
// expected-error@+1 {{marker 'thread_entry' belongs on a parameter of a function that starts or joins a thread, not on variable 'default_entry' [sendsync-annotation]}}
entry_fn default_entry SS_THREAD_ENTRY;
struct task {
  // expected-error@+1 {{marker 'thread_arg' belongs on a parameter of a function that starts or joins a thread, not on field 'arg' [sendsync-annotation]}}
  void *arg SS_THREAD_ARG;
};
// expected-error@+1 {{marker 'thread_join' belongs on a parameter of a function that starts or joins a thread, not on function 'join_all' [sendsync-annotation]}}
int join_all(void) SS_THREAD_JOIN;

// thread_entry takes a function pointer, not data.
// expected-error@+1 {{marker 'thread_entry' applies to a function-pointer parameter, but parameter 'entry' has type 'void *' [sendsync-annotation]}}
int spawn_bad_entry(void *entry SS_THREAD_ENTRY, void *arg SS_THREAD_ARG);
// expected-error@+1 {{marker 'thread_entry' applies to a function-pointer parameter, but parameter 'id' has type 'int' [sendsync-annotation]}}
int spawn_int_entry(int id SS_THREAD_ENTRY);

// thread_arg takes what pthread_create's argument can carry: a pointer, or
// an integer cast through intptr_t, not a struct passed by value.
struct big { int a[8]; };
// expected-error@+1 {{marker 'thread_arg' applies to a pointer or integer parameter, but parameter 'b' has type 'struct big' [sendsync-annotation]}}
int spawn_by_value(entry_fn entry SS_THREAD_ENTRY, struct big b SS_THREAD_ARG);

// The correct shapes: a function pointer (spelled out or through a typedef),
// a pointer or integer argument, a handle to join.
int spawn(void *(*entry)(void *) SS_THREAD_ENTRY, void *arg SS_THREAD_ARG);
int spawn_typedef(entry_fn entry SS_THREAD_ENTRY, struct big *b SS_THREAD_ARG);
int spawn_int(entry_fn entry SS_THREAD_ENTRY, intptr_t n SS_THREAD_ARG);
int join(unsigned long handle SS_THREAD_JOIN);
