// A header that is strict by itself; the file including it is not.
#include <sendsync.h>
SS_STRICT_FILE;
