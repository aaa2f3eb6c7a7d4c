// Included with -isystem: the library's own globals (like stdout, environ).
extern int lib_errno_like;
extern char **lib_environ_like;
