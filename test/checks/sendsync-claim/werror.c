// A broken claim is a warning (docs/rules.md §4: sendsync-claim, default mode);
// the plugin argument `werror` makes every finding an error and fails the
// compile.
//
// RUN: %sendsync -Xclang -verify=warn %s
// RUN: %sendsync -Xclang -verify=err -fplugin-arg-sendsync-werror %s
// Exit codes: 0 with warnings only, non-zero under werror.
// RUN: %sendsync %s 2>/dev/null
// RUN: not %sendsync -fplugin-arg-sendsync-werror %s 2>/dev/null
// The findings are warnings like clang's own, so clang's switches apply to
// them too: clang's -Werror makes them errors (and fails the compile), and
// clang's -w drops them (exit 0, no output at all).
// RUN: not %sendsync -Werror %s 2>&1 | FileCheck %s --check-prefix=CLANG-WERROR
// CLANG-WERROR: werror.c:{{[0-9]+}}:18: error: 'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]
// CLANG-WERROR-NOT: warning:
// CLANG-WERROR: 1 error generated.
// RUN: %sendsync -Xclang -verify=err -Werror %s
// RUN: %sendsync -w %s 2>&1 | count 0
// -w drops warnings, not errors: under `werror` the finding is an error and
// stays.
// RUN: not %sendsync -w -fplugin-arg-sendsync-werror %s 2>&1 | FileCheck %s --check-prefix=W-WERROR
// W-WERROR: werror.c:{{[0-9]+}}:18: error: 'struct job' is marked send
// And -Wno-error does not undo the plugin's own `werror`.
// RUN: not %sendsync -Wno-error -fplugin-arg-sendsync-werror %s 2>&1 | FileCheck %s --check-prefix=W-WERROR

#include <sendsync.h>

struct SS_NOT_SEND logger { int fd; }; // warn-note {{'struct logger' is marked not_send here}} err-note {{'struct logger' is marked not_send here}}

struct SS_SEND job { // warn-note {{'struct job' is claimed send here}} err-note {{'struct job' is claimed send here}}
  // warn-warning@+2 {{'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
  // err-error@+1 {{'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
  struct logger *log SS_OWNED;
};

struct SS_SEND job_ok { char *name SS_OWNED; };
