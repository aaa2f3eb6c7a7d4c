/* A map from strings to pointers (open addressing; keys are copied). */
#ifndef SENDSYNC_CHECK_STRMAP_H
#define SENDSYNC_CHECK_STRMAP_H

#include <stddef.h>

typedef struct ss_strmap {
  char **keys;
  void **values;
  size_t count, cap; /* cap: 0 or a power of two */
} ss_strmap;

void *ss_strmap_get(const ss_strmap *m, const char *key);
/* Sets key to value (replacing an old value, which is not freed). */
void ss_strmap_put(ss_strmap *m, const char *key, void *value);
/* Frees the keys; values are freed with free_value unless it is NULL. */
void ss_strmap_free(ss_strmap *m, void (*free_value)(void *));

#endif
