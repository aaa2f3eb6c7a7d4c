/*
 * sendsync.h - Send/Sync markers for C, read by the sendsync clang plugin.
 *
 * Every marker expands to __attribute__((annotate("..."))) under clang and
 * to nothing under other compilers, so annotated code still builds with GCC.
 * The annotate strings are the plugin's interface; see docs/annotations.md.
 *
 * Example:
 *
 *   #include <sendsync.h>
 *
 *   struct SS_SEND job { char *name SS_OWNED; };       // claim, verified
 *   typedef struct logger logger_t SS_NOT_SEND;        // this typedef name only
 *   struct SS_UNSAFE_SEND("internal lock") sqlite3;    // trusted, audited
 *   SS_IMPL(struct foreign, unsafe_send, "one owner at a time");
 *   SS_STRICT_FILE;                                    // strict mode for this file
 *
 * Valid C11 and C++17; clean under -Wall -Wextra -pedantic.
 */
#ifndef SENDSYNC_H
#define SENDSYNC_H

#define SENDSYNC_HEADER_VERSION 1

/* Two levels so that macro arguments such as __COUNTER__ expand first. */
#define SS_CONCAT2_(a, b) a##b
#define SS_CONCAT_(a, b) SS_CONCAT2_(a, b)

/* Unique per translation unit; __LINE__ only for compilers lacking __COUNTER__. */
#if defined(__COUNTER__)
#define SS_UNIQUE_(prefix) SS_CONCAT_(prefix, __COUNTER__)
#else
#define SS_UNIQUE_(prefix) SS_CONCAT_(prefix, __LINE__)
#endif

#if defined(__clang__)

/* Clang 22 reports __COUNTER__ under -pedantic as a C2y extension (even in
 * C++). The header chose __COUNTER__, not the user, so silence it here. */
#if defined(__has_warning)
#if __has_warning("-Wc2y-extensions")
#define SS_COUNTER_OK_BEGIN_                                                   \
  _Pragma("clang diagnostic push")                                             \
  _Pragma("clang diagnostic ignored \"-Wc2y-extensions\"")                     \
  _Pragma("clang diagnostic ignored \"-Wpre-c2y-compat\"")
#define SS_COUNTER_OK_END_ _Pragma("clang diagnostic pop")
#endif
#endif
#ifndef SS_COUNTER_OK_BEGIN_
#define SS_COUNTER_OK_BEGIN_
#define SS_COUNTER_OK_END_
#endif

/* Type claims. Place after the struct/union keyword
 * (struct SS_SEND name {...}) or after a typedef declarator
 * (typedef struct x x_t SS_SEND;). The plugin verifies them from the fields. */
#define SS_SEND __attribute__((annotate("send")))
#define SS_SYNC __attribute__((annotate("sync")))

/* Negative markers (Rust impl !Send / !Sync): same places as SS_SEND.
 * They propagate to every type that contains the marked type. */
#define SS_NOT_SEND __attribute__((annotate("not_send")))
#define SS_NOT_SYNC __attribute__((annotate("not_sync")))

/* Trusted claims (Rust unsafe impl): same places as SS_SEND, not verified,
 * listed by the audit. reason is a string literal saying why it is safe. */
#define SS_UNSAFE_SEND(reason) __attribute__((annotate("unsafe_send", reason)))
#define SS_UNSAFE_SYNC(reason) __attribute__((annotate("unsafe_sync", reason)))

/* Pointer kinds: after the declarator of a pointer field, variable,
 * parameter or typedef (char *name SS_OWNED;).
 *   OWNED    - this pointer owns the pointee (Box<T>)
 *   BORROWED - a temporary borrow that must not outlive its owner (&'a T)
 *   STATIC   - the pointee lives for the whole program: static storage,
 *              leaked, or reference-counted (&'static T, Arc<T>) */
#define SS_OWNED __attribute__((annotate("owned")))
#define SS_BORROWED __attribute__((annotate("borrowed")))
#define SS_STATIC __attribute__((annotate("static")))

/* Spawn and join functions of your own: after the parameter declarator.
 *   THREAD_ENTRY - the function pointer the new thread runs
 *   THREAD_ARG   - the argument passed to that function
 *   THREAD_JOIN  - the handle a join function waits for */
#define SS_THREAD_ENTRY __attribute__((annotate("thread_entry")))
#define SS_THREAD_ARG __attribute__((annotate("thread_arg")))
#define SS_THREAD_JOIN __attribute__((annotate("thread_join")))

/* Impl declaration: applies marker (a bare token: send, sync, not_send,
 * not_sync, unsafe_send, unsafe_sync) to a type you do not own, even after
 * its definition. File scope, followed by ';':
 *   SS_IMPL(struct foreign, unsafe_send, "one owner at a time");
 * Expands to a typedef with a unique name that carries the marker. */
#define SS_IMPL(type, marker, reason)                                          \
  SS_COUNTER_OK_BEGIN_                                                         \
  typedef type SS_UNIQUE_(sendsync_impl_)                                      \
      __attribute__((annotate("impl", #marker, reason)))                       \
  SS_COUNTER_OK_END_

#define SS_ASSUME_ATTR_(name) __attribute__((annotate(name)))

#else /* !__clang__: the markers vanish */

#define SS_SEND
#define SS_SYNC
#define SS_NOT_SEND
#define SS_NOT_SYNC
#define SS_UNSAFE_SEND(reason)
#define SS_UNSAFE_SYNC(reason)
#define SS_OWNED
#define SS_BORROWED
#define SS_STATIC
#define SS_THREAD_ENTRY
#define SS_THREAD_ARG
#define SS_THREAD_JOIN
/* Keep the typedef so the user's trailing ';' is still a declaration. */
#define SS_IMPL(type, marker, reason) typedef type SS_UNIQUE_(sendsync_impl_)
#define SS_ASSUME_ATTR_(name)

#endif /* __clang__ */

/* Strict mode for this file: write SS_STRICT_FILE; at file scope. The plugin
 * looks for a static assertion whose message is exactly "sendsync:strict";
 * it changes nothing in the generated code, so it is the same everywhere. */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define SS_STRICT_FILE static_assert(true, "sendsync:strict")
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) &&                   \
    __STDC_VERSION__ >= 201112L
#define SS_STRICT_FILE _Static_assert(1, "sendsync:strict")
#elif defined(__clang__)
/* Before C11/C++11 clang still accepts _Static_assert as an extension, so
 * strict mode keeps working for C89/C99 code (-pedantic stays quiet). */
#define SS_STRICT_FILE __extension__ _Static_assert(1, "sendsync:strict")
#else
/* Other compilers before C11/C++11: a harmless redeclarable declaration. */
#define SS_STRICT_FILE extern int sendsync_strict_file_marker_
#endif

/* Escape hatches for a spawn site: identity functions whose result the
 * plugin trusts to be Send (ownership moves) or Sync (shared), e.g.
 *   pthread_create(&t, NULL, run, sendsync_assume_send(job));
 * Under clang they carry an annotate marker by which the plugin finds them. */
#if defined(__cplusplus) ||                                                    \
    (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L)
#define SS_INLINE_ inline
#elif defined(_MSC_VER)
#define SS_INLINE_ __inline /* MSVC's C mode before /std:c11 */
#else
#define SS_INLINE_ __inline__ /* C89 has no inline keyword */
#endif

SS_ASSUME_ATTR_("sendsync_assume_send")
static SS_INLINE_ void *sendsync_assume_send(void *p) { return p; }

SS_ASSUME_ATTR_("sendsync_assume_sync")
static SS_INLINE_ void *sendsync_assume_sync(void *p) { return p; }

#endif /* SENDSYNC_H */
