/* Path helpers. Every returned string is malloc'd. */
#ifndef SENDSYNC_PATHS_H
#define SENDSYNC_PATHS_H

/* Lexically normalises an absolute or relative path: removes "." and empty
 * components, resolves ".." against the preceding component (never above
 * "/"), drops a trailing '/'. Symlinks are not followed. */
char *ss_path_normalize(const char *path);

/* `path` if absolute, else `base`/`path`; normalised. */
char *ss_path_absolute(const char *path, const char *base);

/* The current working directory, or NULL. */
char *ss_path_cwd(void);

/* `path` relative to `root` if it lies under it ("src/a.c"), else `path`
 * unchanged. Both must be absolute and normalised. */
char *ss_path_relative(const char *path, const char *root);

/* The directory part ("/a/b" for "/a/b/c"; "/" for "/c"; "." for "c"). */
char *ss_path_dirname(const char *path);

/* base/name. */
char *ss_path_join(const char *base, const char *name);

/* The absolute path of the running executable (/proc/self/exe), or NULL. */
char *ss_path_self_exe(void);

int ss_path_is_file(const char *path); /* a regular file (or a link to one) */
int ss_path_is_executable(const char *path); /* a regular file we may execute */
int ss_path_is_dir(const char *path);

#endif
