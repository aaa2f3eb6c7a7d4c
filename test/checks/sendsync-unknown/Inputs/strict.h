/* A header that opts in to strict mode for itself. */
#include <sendsync.h>
SS_STRICT_FILE;
struct SS_SEND strict_header_job { char *raw; };
