/* The text of a program database: compact JSON with one line per function
 * and per translation unit (docs/facts.md, "Format"), so that the plugin
 * parses only the entries its unit needs (plugin/facts/ProgramFacts.cpp). */
#include "program_db.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Appends item printed compactly; 0, or -1 when out of memory. */
static int put_compact(ss_buf *b, const cJSON *item) {
  char *text = cJSON_PrintUnformatted(item);
  if (!text)
    return -1;
  ss_buf_puts(b, text);
  cJSON_free(text);
  return 0;
}

/* Appends "name": with cJSON's own escaping of the name. */
static int put_key(ss_buf *b, const char *name) {
  cJSON *key = cJSON_CreateString(name);
  int rc = key ? put_compact(b, key) : -1;
  cJSON_Delete(key);
  ss_buf_puts(b, ":");
  return rc;
}

/* An object or array whose members each get a line of their own. */
static int put_by_line(ss_buf *b, const cJSON *container) {
  int is_object = cJSON_IsObject(container);
  ss_buf_puts(b, is_object ? "{" : "[");
  int rc = 0;
  for (const cJSON *c = container->child; c && rc == 0; c = c->next) {
    ss_buf_puts(b, "\n");
    if (is_object)
      rc = put_key(b, c->string);
    rc |= put_compact(b, c);
    if (c->next)
      ss_buf_puts(b, ",");
  }
  ss_buf_puts(b, is_object ? "\n}" : "\n]");
  return rc;
}

char *ss_program_db_text(const cJSON *root) {
  ss_buf b = {0};
  int rc = 0;
  ss_buf_puts(&b, "{");
  for (const cJSON *c = root->child; c && rc == 0; c = c->next) {
    rc = put_key(&b, c->string);
    int by_line =
        (cJSON_IsObject(c) && strcmp(c->string, "functions") == 0) ||
        (cJSON_IsArray(c) && strcmp(c->string, "translation_units") == 0);
    rc |= by_line ? put_by_line(&b, c) : put_compact(&b, c);
    if (c->next)
      ss_buf_puts(&b, ",");
  }
  ss_buf_puts(&b, "}");
  char *text = ss_buf_take(&b);
  if (rc == 0)
    return text;
  free(text);
  return NULL;
}
