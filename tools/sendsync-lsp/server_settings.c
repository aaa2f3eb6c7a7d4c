/* server_settings.c - the server's settings from initializationOptions and
 * workspace/didChangeConfiguration (settings.h), layered over the command
 * line's: defaults < initializationOptions < the latest configuration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonrpc.h"
#include "server.h"

static void apply_layer(server *s, settings *st, const cJSON *layer,
                        int allow_trust) {
  const char *bad = NULL;
  if (!layer || settings_apply(st, layer, allow_trust, &bad) == 0 || !bad)
    return;
  char msg[512];
  if (!allow_trust && (strcmp(bad, "trustedFolders") == 0 ||
                       strcmp(bad, "plugin") == 0 || strcmp(bad, "clang") == 0))
    snprintf(msg, sizeof msg,
             "sendsync: %s is read only from initializationOptions and the "
             "command line "
             "(workspace settings may come from the folder itself, and it "
             "decides which "
             "code runs); ignored here.",
             bad);
  else
    snprintf(msg, sizeof msg,
             "sendsync: the setting '%.200s' has a value sendsync cannot use; "
             "ignored (see docs/editors.md).",
             bad);
  channel_show_once(&s->ch, MSG_WARNING, msg);
}

/* Rebuilds s->settings from the layers, in place (the checker holds a
 * pointer to it). */
static void rebuild(server *s) {
  settings fresh;
  settings_init(&fresh, &s->cfg);
  apply_layer(s, &fresh, s->init_options, 1);
  apply_layer(s, &fresh, s->config_options, 0);
  settings_free(&s->settings);
  s->settings = fresh;
}

void server_initialize_options(server *s, const cJSON *params) {
  const cJSON *o =
      cJSON_GetObjectItemCaseSensitive(params, "initializationOptions");
  cJSON_Delete(s->init_options);
  s->init_options = cJSON_IsObject(o) ? cJSON_Duplicate(o, 1) : NULL;
  rebuild(s);
}

void server_did_change_configuration(server *s, const cJSON *params) {
  const cJSON *all = cJSON_GetObjectItemCaseSensitive(params, "settings");
  const cJSON *ours = cJSON_GetObjectItemCaseSensitive(all, "sendsync");
  if (!cJSON_IsObject(ours))
    ours = all;
  cJSON_Delete(s->config_options);
  s->config_options = cJSON_IsObject(ours) ? cJSON_Duplicate(ours, 1) : NULL;
  rebuild(s);
  /* strict and disable change the findings: check again. */
  for (document *d = s->docs.head; d; d = d->next) {
    checker_cancel(d);
    checker_schedule(&s->checker, d, 0);
  }
}
