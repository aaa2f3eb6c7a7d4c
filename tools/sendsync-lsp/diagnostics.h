/* diagnostics.h - the plugin's findings (tools/common findings.h) as LSP
 * diagnostics and code actions. */
#ifndef SENDSYNC_LSP_DIAGNOSTICS_H
#define SENDSYNC_LSP_DIAGNOSTICS_H

#include <cjson/cJSON.h>

#include "document.h"
#include "findings.h"
#include "position.h"

typedef struct diag_context {
  const document *doc;    /* the checked document; its text is what clang saw */
  const doc_store *store; /* other open documents (notes may point there) */
  enum pos_encoding encoding;
  const char *doc_base; /* codeDescription.href = doc_base + id + ".md" */
} diag_context;

/* Builds the diagnostics (array) for the findings located in ctx->doc, and
 * the code actions for their fix-its (array of {"diagnostic", "edit"}).
 * Findings located in other files are counted in *elsewhere. */
void diag_convert(const diag_context *ctx, const ss_report *report,
                  cJSON **diagnostics, cJSON **actions, int *elsewhere);

/* The code actions (array of CodeAction) for a textDocument/codeAction
 * request on `range` (an LSP Range object), from `actions` as built above. */
cJSON *diag_code_actions(const char *uri, const cJSON *actions,
                         const cJSON *range);

/* Whether two LSP ranges overlap or touch. */
int range_touches(const cJSON *a, const cJSON *b);

#endif
