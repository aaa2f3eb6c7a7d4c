/* Uses every marker of sendsync.h in every supported placement.
 * Must stay valid C11 and C++17 and compile warning-free with
 * -Wall -Wextra -pedantic under clang and gcc (see ../compile-matrix-*.test).
 * The -E checks in those tests follow the order of this file. */
#include <sendsync.h>
#include <stddef.h>

/* Strict-mode file marker, at file scope. */
SS_STRICT_FILE;

/* Negative markers: after the struct/union keyword and on a typedef. */
struct SS_NOT_SEND logger {
  int fd;
};
typedef struct logger logger_t SS_NOT_SEND;
union SS_NOT_SYNC cell {
  int i;
  float f;
};
typedef union cell cell_t SS_NOT_SYNC;

/* Claims with pointer kinds on fields. */
struct SS_SEND job {
  char *name SS_OWNED;
  const char *label SS_STATIC;
  struct logger *log SS_BORROWED;
};
struct SS_SYNC config {
  const int level;
};
union SS_SEND value {
  long n;
  double d;
};
typedef struct job job_t SS_SEND;
typedef struct config config_t SS_SYNC;

/* Marker on a forward declaration (opaque handle), before any definition. */
struct SS_UNSAFE_SEND("internal lock") sqlite3;
struct SS_UNSAFE_SYNC("immutable after init") table;
struct table {
  int rows;
};
typedef struct sqlite3 db_t SS_UNSAFE_SYNC("serialized mode");
typedef struct table table_t SS_UNSAFE_SEND("no thread-local state");

/* Pointer kinds on typedefs. */
typedef char *owned_str SS_OWNED;
typedef const char *static_str SS_STATIC;
typedef const struct config *config_ref SS_BORROWED;

/* Pointer kinds on variables. */
const char *program_name SS_STATIC = "compile-matrix";
struct job *current_job SS_OWNED = NULL;

/* Impl declarations for types we do not own, also after their definition.
 * Two types: if the generated typedef names collided, this would not compile. */
struct foreign {
  int state;
};
SS_IMPL(struct foreign, unsafe_send, "one owner at a time");
SS_IMPL(struct foreign, not_sync, "mutable without a lock");
SS_IMPL(struct foreign_pool, unsafe_sync, "locks internally");

/* A user spawn/join API: markers on parameters. */
typedef void *(*entry_fn)(void *);
typedef struct {
  int id;
} worker_t;
int worker_spawn(worker_t *w, entry_fn entry SS_THREAD_ENTRY,
                 void *arg SS_THREAD_ARG);
int worker_spawn_raw(worker_t *w, void *(*entry)(void *) SS_THREAD_ENTRY,
                     void *arg SS_THREAD_ARG);
int worker_join(worker_t w SS_THREAD_JOIN);

/* Pointer kinds on parameters, in a prototype and a definition. */
size_t job_name_length(const struct job *j SS_BORROWED);
size_t job_name_length(const struct job *j SS_BORROWED) {
  size_t n = 0;
  while (j->name[n] != '\0')
    n++;
  return n;
}

void *run_job(void *arg);
void *run_job(void *arg) { return arg; }

/* Both escape hatches used in a function body. */
int start(struct job *j SS_OWNED, struct config *shared SS_STATIC);
int start(struct job *j SS_OWNED, struct config *shared SS_STATIC) {
  worker_t a, b;
  char *scratch SS_OWNED = NULL;
  int rc = worker_spawn(&a, run_job, sendsync_assume_send(j));
  rc |= worker_spawn_raw(&b, run_job, sendsync_assume_sync(shared));
  rc |= worker_join(a);
  rc |= worker_join(b);
  return rc | (scratch != NULL);
}
