#include <sendsync.h>

/* Clean by default; strict mode cannot prove the unannotated pointer. */
struct SS_SEND message { char *text; };

int strict(void) { return 3; }
