/* Marks Open vSwitch's spawn function as a spawn API, the way a user extends
 * the built-in table: a redeclaration with the parameter markers
 * (docs/spawn-apis.md). ovs_thread_create is defined in lib/ovs-thread.c, so
 * in every other file it cannot be inferred as a wrapper.
 *
 * Forced in before the file's own first line: config.h comes first, as in
 * every OVS source, so that <pthread.h> sees its _GNU_SOURCE. */
#include <config.h>
#include <pthread.h>
#include <sendsync.h>

pthread_t ovs_thread_create(const char *name,
                            void *(*start)(void *) SS_THREAD_ENTRY,
                            void *arg SS_THREAD_ARG);
