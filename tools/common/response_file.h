/* Expanding response files (@file) of a compile command, as clang's driver
 * does: GNU quoting (llvm::cl::TokenizeGNUCommandLine), a relative @file
 * resolved against the compile's directory, and an @file inside a response
 * file against that file's directory. Nested files are expanded up to
 * SS_RSP_MAX_DEPTH levels, and one expansion reads at most SS_RSP_MAX_FILES
 * files and SS_RSP_MAX_BYTES bytes in all; deeper ones, cycles, unreadable
 * files and those over the budget are left as the literal "@file" and
 * reported through `failed`. */
#ifndef SENDSYNC_RESPONSE_FILE_H
#define SENDSYNC_RESPONSE_FILE_H

#include <stddef.h>

#include "argv.h"

#define SS_RSP_MAX_DEPTH 8
#define SS_RSP_MAX_FILES 256
#define SS_RSP_MAX_BYTES (16ull << 20)

/* Splits `text` into words with GNU rules: blanks separate words; '...'
 * and "..." group (an empty pair makes no word, as in LLVM); a backslash
 * escapes the next character, inside quotes too. Appends to *out. */
void ss_rsp_tokenize(const char *text, ss_argv *out);

/* Appends args[0..n) to *out with every "@file" replaced by its words.
 * `directory` resolves relative names. Each @file that could not be
 * expanded is kept in *out as is and also appended to *failed (if not
 * NULL), followed by ": <reason>". */
void ss_rsp_expand(const char *const *args, size_t n, const char *directory,
                   ss_argv *out, ss_argv *failed);

#endif
