/*
 * jobqueue.h - a bounded job queue drained by a pool of worker threads.
 *
 * The types carry sendsync markers from annotations/sendsync.h. Under clang
 * with the sendsync plugin every SS_SEND / SS_SYNC claim below is verified
 * from the fields. Under any other compiler the markers expand to nothing.
 * Every claim in this header holds. The deliberate mistakes are in main.c
 * (look for DEMO).
 */
#ifndef JOBQUEUE_H
#define JOBQUEUE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include <sendsync.h>

/* Clang's thread-safety attribute: the field is read and written only while
 * `lock` is held. sendsync treats a guarded field like Rust's Mutex<T>: it is
 * Sync when its value could move between the threads that take the lock. */
#if defined(__clang__)
#define GUARDED_BY(lock) __attribute__((guarded_by(lock)))
#else
#define GUARDED_BY(lock)
#endif

#if defined(__GNUC__)
#define PRINTF_LIKE(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define PRINTF_LIKE(fmt, args)
#endif

/* Settings that every worker reads. main fills them in once, before any
 * worker starts, and workers only see them through `const struct config *`.
 * `struct config` itself is not Sync (its members are plain, writable
 * fields). `const struct config` is Sync, because every member of a const
 * struct is const. No marker is needed: sendsync derives both answers. */
struct config {
  const char *name SS_STATIC; /* a string literal: lives forever */
  unsigned workers;
  unsigned rounds; /* how many times a worker hashes each job */
};

/* One unit of work. A job owns its name and its payload, so whoever holds
 * the job owns them too (job_free releases all three). Moving a job to a
 * worker moves everything it owns: Send. */
struct SS_SEND job {
  unsigned id;
  char *name SS_OWNED;
  unsigned char *data SS_OWNED;
  size_t len;
};

struct job *job_new(unsigned id, size_t len);
void job_free(struct job *j);

#define QUEUE_CAP 8

/* A bounded FIFO shared by the submitting thread and every worker. The
 * mutex and the condition variables are Sync; everything else may only be
 * touched with `lock` held. */
struct SS_SYNC queue {
  pthread_mutex_t lock;
  pthread_cond_t not_empty;
  pthread_cond_t not_full;
  struct job *slots[QUEUE_CAP] SS_OWNED GUARDED_BY(lock);
  size_t head GUARDED_BY(lock);
  size_t count GUARDED_BY(lock);
  bool closed GUARDED_BY(lock);
};

int queue_init(struct queue *q);
void queue_destroy(struct queue *q);
/* Blocks while the queue is full. Returns false if the queue is closed. */
bool queue_push(struct queue *q, struct job *j);
/* Blocks while the queue is empty. Returns NULL once it is closed and empty. */
struct job *queue_pop(struct queue *q);
void queue_close(struct queue *q);

/* Counters that every worker updates: two atomics, plus a pair of fields
 * that must change together and are therefore kept under a lock. */
struct SS_SYNC stats {
  _Atomic unsigned long jobs_done;
  _Atomic unsigned long bytes_hashed;
  pthread_mutex_t lock;
  unsigned long slowest_ns GUARDED_BY(lock);
  unsigned slowest_job GUARDED_BY(lock);
};

int stats_init(struct stats *s);
void stats_destroy(struct stats *s);

/* A logger tied to the thread that opened it: it formats each line in that
 * thread's _Thread_local buffer. Another thread must not use it, so it is
 * marked not Send (Rust: impl !Send). The marker sits on this forward
 * declaration. The definition in log.c needs no marker of its own. */
struct SS_NOT_SEND logger;

struct logger *logger_open(const char *tag);
void logger_printf(struct logger *log, const char *fmt, ...) PRINTF_LIKE(2, 3);
void logger_close(struct logger *log);

#endif /* JOBQUEUE_H */
