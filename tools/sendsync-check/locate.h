/* Where sendsync-check finds the plugin, clang and the check docs by
 * default. The build bakes in the facts below (tools/sendsync-check/
 * CMakeLists.txt); the defaults only serve a bare compile (the gcc test). */
#ifndef SENDSYNC_CHECK_LOCATE_H
#define SENDSYNC_CHECK_LOCATE_H

#include "Version.h" /* SENDSYNC_VERSION, from plugin/ */

#ifndef SENDSYNC_LLVM_MAJOR
#define SENDSYNC_LLVM_MAJOR 0
#endif
#ifndef SENDSYNC_DEFAULT_CLANG /* clang of the LLVM the plugin was built for   \
                                */
#define SENDSYNC_DEFAULT_CLANG "clang"
#endif
#ifndef SENDSYNC_SOURCE_DOCS_DIR /* docs/checks of the source tree */
#define SENDSYNC_SOURCE_DOCS_DIR ""
#endif

/* The plugin next to this executable: <bin>/../lib/sendsync/sendsync-<N>.so
 * (installed), else <bin>/../lib/sendsync.so (build tree). NULL if neither
 * exists. */
char *default_plugin_path(void);

/* The directory of the check pages (<id>.md): <bin>/../share/doc/sendsync/
 * checks when installed, else the source tree's docs/checks. NULL if
 * neither exists. */
char *default_docs_dir(void);

/* The program to run for `name`, as a shell finds it: a name with a slash
 * is a path (made absolute against the current directory, because clang
 * runs in each compile's directory); a bare name is looked up on PATH.
 * Returns the absolute path (malloc'd) of an executable file, or NULL. */
char *find_program(const char *name);

#endif
