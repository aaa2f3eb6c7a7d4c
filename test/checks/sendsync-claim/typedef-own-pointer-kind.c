// A typedef of a pointer that carries both its pointer kind and a claim
// (docs/rules.md §1: "a pointer's meaning comes from a marker on the field,
// variable, parameter or typedef that declares it"): the claim is judged with
// the typedef's own kind, exactly as for `typedef owned_ptr name SS_SEND`
// (typedef.c). An owned pointer to a non-Send type is not Send.
//
// RUN: %verify %s

#include <sendsync.h>

struct SS_NOT_SEND logger { int fd; }; // #logger

typedef struct logger *owned_logger SS_OWNED SS_SEND; // #owned_logger
// expected-warning@#owned_logger {{'owned_logger' is marked send, but it owns a 'struct logger', which is not Send [sendsync-claim]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#owned_logger {{'owned_logger' is claimed send here}}

// The marker order does not matter.
typedef struct logger *owned_logger2 SS_SEND SS_OWNED; // #owned_logger2
// expected-warning@#owned_logger2 {{'owned_logger2' is marked send, but it owns a 'struct logger', which is not Send [sendsync-claim]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#owned_logger2 {{'owned_logger2' is claimed send here}}

// A 'static pointer is shared by every holder: Send needs Sync(pointee).
typedef struct logger *static_logger SS_STATIC SS_SEND; // #static_logger
// expected-warning@#static_logger {{'static_logger' is marked send, but it points to a static 'struct logger', which is not Sync [sendsync-claim]}}
// expected-note@#logger {{'struct logger' is not Sync because its field 'fd' holds a mutable 'int'}}
// expected-note@#static_logger {{'static_logger' is claimed send here}}

// Fixed: an owned pointer to a Send type, a static pointer to a Sync one.
struct plain { int fd; };
typedef struct plain *owned_plain SS_OWNED SS_SEND;
typedef const struct plain *static_plain SS_STATIC SS_SEND;
