// A claim made by an impl declaration (SS_IMPL(type, send|sync, "...")) is a
// claim like any other: verified from the fields of the aliased struct, with
// the last note pointing at the impl declaration (docs/rules.md §1 "Impl
// declarations"). An unsafe_* impl is trusted and not verified.
//
// RUN: %verify %s

#include <sendsync.h>

struct SS_NOT_SEND logger { int fd; }; // #logger

// The foreign type, as a library header would define it.
struct foreign_conn {
  int fd;
  struct logger *log SS_OWNED; // #conn_log
};
SS_IMPL(struct foreign_conn, send, "moves between workers"); // #conn_impl
// expected-warning@#conn_log {{'struct foreign_conn' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#conn_impl {{'struct foreign_conn' is claimed send by the impl declaration here}}

// Through a typedef name of the foreign type; and a sync impl.
typedef struct foreign_stats { long hits; const int id; } foreign_stats_t; // #stats
SS_IMPL(foreign_stats_t, sync, "read-only after init"); // #stats_impl
// expected-warning@#stats {{'struct foreign_stats' is marked sync, but its field 'hits' holds a mutable 'long'}}
// expected-note@#stats_impl {{'struct foreign_stats' is claimed sync by the impl declaration here}}

// An impl before the definition applies to it all the same.
SS_IMPL(struct late, send, "owned by one worker at a time"); // #late_impl
struct late { struct logger *log SS_OWNED; }; // #late_log
// expected-warning@#late_log {{'struct late' is marked send, but its field 'log' owns a 'struct logger', which is not Send}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#late_impl {{'struct late' is claimed send by the impl declaration here}}

// Silent: claims the fields keep, and unsafe impls (trusted, not verified).
struct foreign_buf { char *data SS_OWNED; unsigned long len; };
SS_IMPL(struct foreign_buf, send, "one owner at a time");
struct foreign_cache { struct logger *log SS_OWNED; int n; };
SS_IMPL(struct foreign_cache, unsafe_send, "the logger is only touched under the cache lock");
SS_IMPL(struct foreign_cache, unsafe_sync, "every access takes the cache lock");

// An impl makes the type's users see the claim too: a struct holding an
// unsafe_send foreign type is Send.
struct SS_SEND holder { struct foreign_cache *cache SS_OWNED; };
