// A claim on a typedef (docs/rules.md §1: send/sync on "struct, union, typedef").
// On a typedef of a plain struct the fields are reported as for a claim on
// the struct itself, with the typedef's name; members of a const-qualified
// struct are const. On a typedef of anything else the aliased type is judged
// as a whole and the report sits on the typedef.
//
// RUN: %verify %s

#include <sendsync.h>

struct SS_NOT_SEND logger { int fd; }; // #logger

// ---- typedef of a struct -------------------------------------------------

struct job { int id; struct logger *log SS_OWNED; }; // #job_log
typedef struct job job_t SS_SEND; // #job_t
// expected-warning@#job_log {{'job_t' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#job_t {{'job_t' is claimed send here}}
struct job_ok { int id; char *name SS_OWNED; };
typedef struct job_ok job_ok_t SS_SEND;

// The claim describes the typedef name only: the struct itself is unclaimed,
// and a claim through the struct keyword needs its own marker.
struct cfg { int level; }; // #cfg_level
typedef struct cfg cfg_t SS_SYNC; // #cfg_t
// expected-warning@#cfg_level {{'cfg_t' is marked sync, but its field 'level' holds a mutable 'int'}}
// expected-note@#cfg_t {{'cfg_t' is claimed sync here}}
// A const struct's members are const: Sync.
typedef const struct cfg const_cfg_t SS_SYNC;

// A typedef of an anonymous struct.
typedef struct { int fd; struct logger *log SS_OWNED; } anon_t SS_SEND; // #anon
// expected-warning@#anon {{'anon_t' is marked send, but its field 'log' owns a 'struct logger', which is not Send}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#anon {{'anon_t' is claimed send here}}

// ---- typedef of a marked struct: judged as a whole -----------------------

typedef struct logger logger_t SS_SEND; // #logger_t
// expected-warning@#logger_t {{'logger_t' is marked send, but it has type 'struct logger', which is not Send [sendsync-claim]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#logger_t {{'logger_t' is claimed send here}}

// ---- typedef of a pointer ------------------------------------------------

// The pointer object itself is a scalar: shared, it must be const.
typedef char *owned_str SS_OWNED;
typedef owned_str shared_str SS_SYNC; // #shared_str
// expected-warning@#shared_str {{'shared_str' is marked sync, but it is a mutable pointer 'owned_str'; make the pointer itself const ('T *const'), _Atomic, or guard it with a lock [sendsync-claim]}}
// expected-note@#shared_str {{'shared_str' is claimed sync here}}
typedef const owned_str const_owned_str SS_SEND; // an owned char: Send

// A typedef of a typedef that carries the pointer kind.
typedef struct logger *logger_ref SS_BORROWED;
typedef logger_ref sent_ref SS_SEND; // #sent_ref
// expected-warning@#sent_ref {{'sent_ref' is marked send, but it borrows a 'struct logger', which is not Sync [sendsync-claim]}}
// expected-note@#logger {{'struct logger' is not Sync because its field 'fd' holds a mutable 'int'}}
// expected-note@#sent_ref {{'sent_ref' is claimed send here}}
typedef const struct cfg *cfg_ref SS_BORROWED;
typedef cfg_ref sent_cfg_ref SS_SEND; // a borrowed const cfg: Send

// An unannotated pointer is unknown, which counts as yes in default mode
// (docs/rules.md §1); strict mode reports it (../sendsync-unknown/).
typedef struct logger *raw_logger SS_SEND;
