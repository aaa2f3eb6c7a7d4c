#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"
#include "util.h"

static size_t slot_of(const ss_strmap *m, const char *key) {
  size_t i = (size_t)ss_fnv1a(SS_FNV_OFFSET, key, strlen(key)) & (m->cap - 1);
  while (m->keys[i] && strcmp(m->keys[i], key) != 0)
    i = (i + 1) & (m->cap - 1);
  return i;
}

void *ss_strmap_get(const ss_strmap *m, const char *key) {
  if (!m->cap)
    return NULL;
  size_t i = slot_of(m, key);
  return m->keys[i] ? m->values[i] : NULL;
}

static void grow(ss_strmap *m) {
  ss_strmap bigger = {.cap = m->cap ? m->cap * 2 : 64};
  bigger.keys = ss_xcalloc(bigger.cap, sizeof *bigger.keys);
  bigger.values = ss_xcalloc(bigger.cap, sizeof *bigger.values);
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      size_t j = slot_of(&bigger, m->keys[i]);
      bigger.keys[j] = m->keys[i];
      bigger.values[j] = m->values[i];
    }
  bigger.count = m->count;
  free(m->keys);
  free(m->values);
  *m = bigger;
}

void ss_strmap_put(ss_strmap *m, const char *key, void *value) {
  if ((m->count + 1) * 2 > m->cap)
    grow(m);
  size_t i = slot_of(m, key);
  if (!m->keys[i]) {
    m->keys[i] = ss_xstrdup(key);
    m->count++;
  }
  m->values[i] = value;
}

void ss_strmap_free(ss_strmap *m, void (*free_value)(void *)) {
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      free(m->keys[i]);
      if (free_value)
        free_value(m->values[i]);
    }
  free(m->keys);
  free(m->values);
  memset(m, 0, sizeof *m);
}
