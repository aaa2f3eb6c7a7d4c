/*
 * queue.c - jobs, the bounded job queue, and the shared stats.
 */
#define _POSIX_C_SOURCE 200809L

#include "jobqueue.h"

#include <stdio.h>
#include <stdlib.h>

struct job *job_new(unsigned id, size_t len) {
  struct job *j = malloc(sizeof *j);
  if (!j)
    return NULL;
  j->id = id;
  j->len = len;
  j->name = malloc(16);
  j->data = malloc(len ? len : 1);
  if (!j->name || !j->data) {
    job_free(j);
    return NULL;
  }
  snprintf(j->name, 16, "job-%02u", id);
  for (size_t i = 0; i < len; i++)
    j->data[i] = (unsigned char)(id * 31u + i);
  return j;
}

void job_free(struct job *j) {
  if (!j)
    return;
  free(j->name);
  free(j->data);
  free(j);
}

int queue_init(struct queue *q) {
  int rc = pthread_mutex_init(&q->lock, NULL);
  if (rc)
    return rc;
  if ((rc = pthread_cond_init(&q->not_empty, NULL)) != 0) {
    pthread_mutex_destroy(&q->lock);
    return rc;
  }
  if ((rc = pthread_cond_init(&q->not_full, NULL)) != 0) {
    pthread_cond_destroy(&q->not_empty);
    pthread_mutex_destroy(&q->lock);
    return rc;
  }
  q->head = 0;
  q->count = 0;
  q->closed = false;
  return 0;
}

void queue_destroy(struct queue *q) {
  /* Jobs still queued are owned by the queue: free them. */
  while (q->count > 0) {
    job_free(q->slots[q->head]);
    q->head = (q->head + 1) % QUEUE_CAP;
    q->count--;
  }
  pthread_cond_destroy(&q->not_full);
  pthread_cond_destroy(&q->not_empty);
  pthread_mutex_destroy(&q->lock);
}

bool queue_push(struct queue *q, struct job *j) {
  pthread_mutex_lock(&q->lock);
  while (q->count == QUEUE_CAP && !q->closed)
    pthread_cond_wait(&q->not_full, &q->lock);
  bool ok = !q->closed;
  if (ok) {
    q->slots[(q->head + q->count) % QUEUE_CAP] = j;
    q->count++;
    pthread_cond_signal(&q->not_empty);
  }
  pthread_mutex_unlock(&q->lock);
  return ok;
}

struct job *queue_pop(struct queue *q) {
  pthread_mutex_lock(&q->lock);
  while (q->count == 0 && !q->closed)
    pthread_cond_wait(&q->not_empty, &q->lock);
  struct job *j = NULL;
  if (q->count > 0) {
    j = q->slots[q->head];
    q->head = (q->head + 1) % QUEUE_CAP;
    q->count--;
    pthread_cond_signal(&q->not_full);
  }
  pthread_mutex_unlock(&q->lock);
  return j;
}

void queue_close(struct queue *q) {
  pthread_mutex_lock(&q->lock);
  q->closed = true;
  pthread_cond_broadcast(&q->not_empty);
  pthread_cond_broadcast(&q->not_full);
  pthread_mutex_unlock(&q->lock);
}

int stats_init(struct stats *s) {
  atomic_init(&s->jobs_done, 0);
  atomic_init(&s->bytes_hashed, 0);
  s->slowest_ns = 0;
  s->slowest_job = 0;
  return pthread_mutex_init(&s->lock, NULL);
}

void stats_destroy(struct stats *s) { pthread_mutex_destroy(&s->lock); }
