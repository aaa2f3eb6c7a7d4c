/* A library header, included with -isystem: its unsafe markers are the
 * library's own audit business, not the user's. */
struct __attribute__((annotate("unsafe_send", "the library's reason"))) lib_pool { char *buf; };
struct lib_handle { int fd; };
typedef struct lib_handle lib_handle_impl __attribute__((annotate("impl", "unsafe_sync", "the library's impl")));
typedef struct lib_handle lib_handle_t __attribute__((annotate("unsafe_send", "the library's typedef")));
