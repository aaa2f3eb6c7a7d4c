/* Writing the outputs: a cJSON tree as pretty JSON plus a newline, or text,
 * to a file ("-" or NULL: stdout). Errors are reported on stderr. */
#ifndef SENDSYNC_CHECK_WRITE_FILE_H
#define SENDSYNC_CHECK_WRITE_FILE_H

#include <cjson/cJSON.h>

int write_json_file(const char *path, const cJSON *root);
int write_text_file(const char *path, const char *text);

#endif
