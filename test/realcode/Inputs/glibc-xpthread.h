/* Marks glibc's test-support spawn function as a spawn API, the way a user
 * extends the built-in table: a redeclaration with the parameter markers
 * (docs/spawn-apis.md). xpthread_create is defined in glibc's support/
 * library, outside the test files, so it cannot be inferred as a wrapper. */
#include <pthread.h>
#include <sendsync.h>

pthread_t xpthread_create(pthread_attr_t *attr,
                          void *(*thread_func)(void *) SS_THREAD_ENTRY,
                          void *closure SS_THREAD_ARG);
