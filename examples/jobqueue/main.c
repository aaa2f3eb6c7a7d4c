/*
 * main.c - submit jobs to a pool of worker threads, then report.
 *
 *   ./jobqueue [workers]        (1 to 16, default 4)
 *
 * The program works, but four mistakes are left in on purpose. Each one is
 * marked with a DEMO comment that says what is wrong and how to fix it. The
 * sendsync plugin reports all four (run `make check` here, or `make demo`
 * at the top of the repository).
 */
#define _POSIX_C_SOURCE 200809L

#include "jobqueue.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_WORKERS 16
#define NUM_JOBS 40

/* What each worker thread gets: its id, plus borrowed pointers to the
 * queue, the stats and the config. They live in main's stack frame, and
 * main joins every worker before they go out of scope. A borrowed pointer
 * is Send only if its pointee is Sync. The claim holds: struct queue and
 * struct stats are Sync (jobqueue.h), and so is `const struct config`. */
struct SS_SEND worker_args {
  unsigned id;
  struct queue *queue SS_BORROWED;
  struct stats *stats SS_BORROWED;
  const struct config *config SS_BORROWED;
};

/* What a worker returns through pthread_join(). The struct is malloc'ed by
 * the worker and freed by main, so ownership moves between threads, and the
 * type was meant to be claimed Send. */
struct
#if defined(__clang__) /* GCC warns about the unknown 'annotate' attribute */
    /* DEMO: misspelled marker. "sned" is not a sendsync marker. Clang
     * accepts any annotate string, so without the plugin the claim would be
     * silently dropped and never checked. The plugin reports an error
     * [sendsync-annotation] with a fix-it that replaces it with "send".
     * Fix: use the header's macro, SS_SEND. A misspelled macro name does
     * not compile, so the mistake cannot go unnoticed. */
    __attribute__((annotate("sned")))
#endif
    worker_result {
  unsigned worker;
  unsigned long jobs;
  unsigned long busy_ns;
  uint32_t checksum; /* sum of the hashes of its jobs */
};

/* Coarse progress, updated by every worker. */
struct SS_SYNC progress {
  _Atomic unsigned workers_running;
  /* DEMO: broken sync claim. Every worker runs `jobs_seen++` on this plain
   * int at the same time. That is a data race, and increments get lost.
   * The plugin reports [sendsync-claim] on this field.
   * Fix: declare it `_Atomic int jobs_seen;` (or protect it with a mutex and
   * mark it GUARDED_BY(that mutex)). */
  int jobs_seen;
};

static struct progress progress;

/* The end-of-run summary, handed to a reporter thread. */
struct summary {
  unsigned long jobs;
  unsigned long bytes;
  struct logger *log SS_OWNED;
};

struct SS_SEND report {
  char *title SS_OWNED;
  /* DEMO: broken send claim, two hops deep. A report owns a summary, the
   * summary owns main's logger, and struct logger is SS_NOT_SEND
   * (jobqueue.h): it formats into its opening thread's _Thread_local buffer.
   * Sending the report to another thread drags the logger along. The plugin
   * reports [sendsync-claim] on this field, with one note per hop, down to
   * the SS_NOT_SEND marker.
   * Fix: do not put the logger in the summary. Let the reporter thread call
   * logger_open() itself. */
  struct summary *summary SS_OWNED;
};

static uint32_t fnv1a(const unsigned char *p, size_t n, uint32_t h) {
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 16777619u;
  }
  return h;
}

static unsigned long elapsed_ns(const struct timespec *a,
                                const struct timespec *b) {
  return (unsigned long)(b->tv_sec - a->tv_sec) * 1000000000ul +
         (unsigned long)b->tv_nsec - (unsigned long)a->tv_nsec;
}

static void *worker(void *arg) {
  const struct worker_args *a = arg;
  struct worker_result *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->worker = a->id;
  atomic_fetch_add(&progress.workers_running, 1u);

  struct job *j;
  while ((j = queue_pop(a->queue)) != NULL) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    uint32_t h = 2166136261u;
    for (unsigned i = 0; i < a->config->rounds; i++)
      h = fnv1a(j->data, j->len, h);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    unsigned long ns = elapsed_ns(&t0, &t1);

    atomic_fetch_add(&a->stats->jobs_done, 1ul);
    atomic_fetch_add(&a->stats->bytes_hashed,
                     (unsigned long)j->len * a->config->rounds);
    pthread_mutex_lock(&a->stats->lock);
    if (ns > a->stats->slowest_ns) {
      a->stats->slowest_ns = ns;
      a->stats->slowest_job = j->id;
    }
    pthread_mutex_unlock(&a->stats->lock);

    progress.jobs_seen++; /* the data race described at struct progress */
    r->jobs++;
    r->busy_ns += ns;
    r->checksum += h;
    job_free(j);
  }
  atomic_fetch_sub(&progress.workers_running, 1u);
  return r;
}

static void *reporter(void *arg) {
  struct report *rep = arg; /* ownership arrives with the pointer */
  logger_printf(rep->summary->log, "%s: %lu jobs, %lu bytes hashed", rep->title,
                rep->summary->jobs, rep->summary->bytes);
  logger_close(rep->summary->log);
  free(rep->summary);
  free(rep->title);
  free(rep);
  return NULL;
}

static void *heartbeat(void *arg) {
  const unsigned *interval_ms = arg;
  struct timespec ts = {0, (long)(*interval_ms % 1000u) * 1000000L};
  nanosleep(&ts, NULL);
  return NULL;
}

/* DEMO: a stack address handed to a thread that outlives it. The heartbeat
 * thread gets the address of `interval`, a local of start_heartbeat(), and
 * is detached, so nothing waits for it: once start_heartbeat() returns, the
 * thread reads a dead stack slot. sendsync-escape reports it. Fix: pass the
 * value itself, `(void *)(uintptr_t)ms`, or a malloc'ed copy that the thread
 * frees. */
static int start_heartbeat(unsigned ms) {
  unsigned interval = ms;
  pthread_t tid;
  if (pthread_create(&tid, NULL, heartbeat, &interval) != 0)
    return -1;
  return pthread_detach(tid);
}

int main(int argc, char **argv) {
  unsigned nworkers = 4;
  if (argc > 1) {
    long n = strtol(argv[1], NULL, 10);
    if (n < 1 || n > MAX_WORKERS) {
      fprintf(stderr, "usage: %s [workers: 1..%d]\n", argv[0], MAX_WORKERS);
      return 2;
    }
    nworkers = (unsigned)n;
  }

  const struct config config = {
      .name = "jobqueue", .workers = nworkers, .rounds = 64};
  struct queue queue;
  struct stats stats;
  if (queue_init(&queue) != 0 || stats_init(&stats) != 0) {
    fprintf(stderr, "%s: cannot initialise the queue\n", config.name);
    return 1;
  }
  struct logger *log = logger_open("main");
  if (!log)
    return 1;
  if (start_heartbeat(10) != 0)
    logger_printf(log, "no heartbeat");

  pthread_t threads[MAX_WORKERS];
  struct worker_args args[MAX_WORKERS];
  unsigned started = 0;
  for (unsigned i = 0; i < config.workers; i++) {
    args[i] = (struct worker_args){
        .id = i, .queue = &queue, .stats = &stats, .config = &config};
    if (pthread_create(&threads[i], NULL, worker, &args[i]) != 0) {
      fprintf(stderr, "%s: cannot start worker %u\n", config.name, i);
      break;
    }
    started++;
  }

  unsigned submitted = 0;
  for (unsigned id = 0; started > 0 && id < NUM_JOBS; id++) {
    struct job *j = job_new(id, 1024 + 256 * (id % 7));
    if (!j || !queue_push(&queue, j)) {
      job_free(j);
      break;
    }
    submitted++; /* the job now belongs to the queue */
  }
  queue_close(&queue);

  uint32_t checksum = 0; /* the same whichever worker ran which job */
  for (unsigned i = 0; i < started; i++) {
    void *ret = NULL;
    pthread_join(threads[i], &ret);
    struct worker_result *r = ret;
    if (r)
      logger_printf(log, "worker %u: %lu jobs, %lu us busy", r->worker, r->jobs,
                    r->busy_ns / 1000);
    if (r)
      checksum += r->checksum;
    free(r);
  }
  logger_printf(log, "%u jobs submitted, %lu done, checksum %08lx", submitted,
                atomic_load(&stats.jobs_done), (unsigned long)checksum);
  logger_printf(log, "slowest: job-%02u (%lu us)", stats.slowest_job,
                stats.slowest_ns / 1000);
  logger_printf(log, "jobs seen by the racy counter: %d", progress.jobs_seen);

  /* Hand the summary to a reporter thread (see the DEMO at struct report). */
  struct report *rep = malloc(sizeof *rep);
  struct summary *sum = malloc(sizeof *sum);
  char *title = malloc(strlen(config.name) + 1);
  if (!rep || !sum || !title) {
    free(rep);
    free(sum);
    free(title);
    logger_close(log);
    return 1;
  }
  strcpy(title, config.name);
  sum->jobs = atomic_load(&stats.jobs_done);
  sum->bytes = atomic_load(&stats.bytes_hashed);
  sum->log = log;
  rep->title = title;
  rep->summary = sum;
  pthread_t tid;
  if (pthread_create(&tid, NULL, reporter, rep) == 0) {
    pthread_join(tid, NULL);
  } else {
    logger_close(log);
    free(sum);
    free(title);
    free(rep);
  }

  stats_destroy(&stats);
  queue_destroy(&queue);
  return 0;
}
