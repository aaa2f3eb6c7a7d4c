#include "baseline.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "write_file.h"

int baseline_apply(const char *path, check_results *r) {
  char *text = ss_read_file(path, NULL);
  if (!text) {
    fprintf(stderr,
            "sendsync-check: cannot read the baseline %s: %s\n"
            "Create one with --write-baseline=%s.\n",
            path, strerror(errno), path);
    return -1;
  }
  cJSON *root = cJSON_Parse(text);
  free(text);
  const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
  const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "findings");
  if (!cJSON_IsString(schema) ||
      strcmp(schema->valuestring, "sendsync-baseline") != 0 ||
      !cJSON_IsArray(list)) {
    fprintf(stderr,
            "sendsync-check: %s is not a sendsync baseline (made by "
            "--write-baseline)\n",
            path);
    cJSON_Delete(root);
    return -1;
  }
  for (size_t i = 0; i < r->finding_count; i++) {
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list) {
      const cJSON *fp = cJSON_GetObjectItemCaseSensitive(entry, "fingerprint");
      if (cJSON_IsString(fp) &&
          strcmp(fp->valuestring, r->findings[i].fingerprint) == 0) {
        r->findings[i].baselined = 1;
        r->baselined_count++;
        break;
      }
    }
  }
  cJSON_Delete(root);
  return 0;
}

int baseline_write(const char *path, const check_results *r) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "schema", "sendsync-baseline");
  cJSON_AddNumberToObject(root, "version", 1);
  cJSON *list = cJSON_AddArrayToObject(root, "findings");
  for (size_t i = 0; i < r->finding_count; i++) {
    const check_finding *f = &r->findings[i];
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "fingerprint", f->fingerprint);
    cJSON_AddStringToObject(e, "check", f->f.check);
    cJSON_AddStringToObject(e, "file", f->f.location.file);
    cJSON_AddStringToObject(e, "message", f->f.message);
    cJSON_AddItemToArray(list, e);
  }
  int rc = write_json_file(path, root);
  cJSON_Delete(root);
  return rc;
}
