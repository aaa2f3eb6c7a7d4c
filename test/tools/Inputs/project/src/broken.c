#include <sendsync.h>

struct SS_SEND holder { int *p SS_BORROWED; };

unknown_type broken(void) { return 0; }
