/* A header without SS_STRICT_FILE: its own claims are judged in default mode
 * even when the including file is strict. */
#include <sendsync.h>
struct SS_SEND header_job { char *raw; };
struct header_part { char *raw; };
