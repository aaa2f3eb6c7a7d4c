// A type marker on a function is misplaced, and the error says where it
// belongs. It must not add the hint for declarators ("a pointer declaration
// takes owned, borrowed or static"): a function is not a pointer
// declaration, so the hint points the user at a wrong fix.
//
// RUN: %verify %s

#include <sendsync.h>

// expected-error@+1 {{marker 'unsafe_send' belongs on a struct, union or typedef, not on function 'helper' [sendsync-annotation]}}
void helper(void) SS_UNSAFE_SEND("because");
// expected-error@+1 {{marker 'send' belongs on a struct, union or typedef, not on function 'run' [sendsync-annotation]}}
int run(int) SS_SEND;

// The same markers where they belong.
struct SS_UNSAFE_SEND("because") helper_state { char *buf; };
typedef struct helper_state helper_state_t SS_SEND;
