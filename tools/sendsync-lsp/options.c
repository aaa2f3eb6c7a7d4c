/* options.c - sendsync-lsp's command line:
 *
 *   sendsync-lsp [options]                    beside mode (next to clangd)
 *   sendsync-lsp [options] --wrap -- clangd [clangd args]   wrap mode
 */
#include "options.h"
#include "Version.h" /* SENDSYNC_VERSION, from plugin/support/ */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "paths.h"

#ifndef SENDSYNC_CLANG
#define SENDSYNC_CLANG "clang"
#endif
#ifndef SENDSYNC_ANNOTATIONS_DIR
#define SENDSYNC_ANNOTATIONS_DIR ""
#endif
#ifndef SENDSYNC_DOC_BASE
#define SENDSYNC_DOC_BASE ""
#endif

static void usage(FILE *f) {
  fputs(
      "usage: sendsync-lsp [options]\n"
      "       sendsync-lsp [options] --wrap -- <clangd> [clangd arguments]\n"
      "\n"
      "A language server (LSP over stdio) that publishes sendsync's findings "
      "for\n"
      "open C files. Without --wrap it runs beside clangd (a second server);\n"
      "with --wrap it starts clangd, forwards everything, and merges the\n"
      "diagnostics of both.\n"
      "\n"
      "options:\n"
      "  --clang=<path>                 the clang the plugin was built for\n"
      "                                 (default: " SENDSYNC_CLANG ")\n"
      "  --plugin=<path>                sendsync.so (default: "
      "../lib/sendsync.so\n"
      "                                 next to this executable)\n"
      "  --compile-commands-dir=<dir>   where compile_commands.json is "
      "(default:\n"
      "                                 the nearest parent directory, as "
      "clangd;\n"
      "                                 in wrap mode clangd's own option is "
      "used)\n"
      "  --plugin-arg=<arg>             strict, werror or disable=<ids>\n"
      "  --trusted-folder=<dir>         keep every compile-database flag for "
      "files\n"
      "                                 in <dir> (repeatable); elsewhere "
      "flags\n"
      "                                 that could load or run code are "
      "dropped\n"
      "  --debounce=<ms>                wait after an edit (default 300)\n"
      "  --doc-base=<url>               prefix of the checks' doc links\n"
      "  --help, --version\n",
      f);
}

/* <dir of this executable>/<relative>, normalised, if exists() says so. */
static char *beside_exe(const char *relative, int (*exists)(const char *)) {
  char *exe = ss_path_self_exe();
  if (!exe)
    return NULL;
  char *bin = ss_path_dirname(exe);
  char *path = ss_path_absolute(relative, bin);
  free(exe);
  free(bin);
  if (path && exists(path))
    return path;
  free(path);
  return NULL;
}

/* The plugin beside this executable: the installed layout
 * (<bin>/../lib/sendsync/sendsync-<N>.so, docs/install.md) first, then the
 * build tree's (<bin>/../lib/sendsync.so). */
static char *default_plugin(void) {
  char installed[64];
  snprintf(installed, sizeof installed, "../lib/sendsync/sendsync-%d.so",
           SENDSYNC_LLVM_MAJOR);
  char *lib = beside_exe(installed, ss_path_is_file);
  if (!lib)
    lib = beside_exe("../lib/sendsync.so", ss_path_is_file);
  return lib ? lib : strdup("sendsync.so");
}

/* An installed server finds its files under its own prefix (which may have
 * been moved); only a build tree falls back to the source tree. */
static char *default_annotations_dir(void) {
  char *header = beside_exe("../include/sendsync.h", ss_path_is_file);
  char *dir =
      header ? ss_path_dirname(header) : strdup(SENDSYNC_ANNOTATIONS_DIR);
  free(header);
  return dir;
}

static char *default_doc_base(void) {
  char *dir = beside_exe("../share/doc/sendsync/checks", ss_path_is_dir);
  if (!dir)
    return strdup(SENDSYNC_DOC_BASE);
  char *uri = path_to_uri(dir);
  free(dir);
  char *base = uri ? malloc(strlen(uri) + 2) : NULL;
  if (base)
    sprintf(base, "%s/", uri);
  free(uri);
  return base;
}

/* One option; returns 0 if it was taken, 1 for "--", else an exit status
 * (+ 10, so that 0 stays "taken"). */
static int parse_one(const char *a, server_config *cfg, options_storage *st,
                     size_t *nargs, size_t *ntrusted) {
  if (strncmp(a, "--clang=", 8) == 0)
    cfg->clang = a + 8;
  else if (strncmp(a, "--plugin=", 9) == 0) {
    free(st->plugin);
    st->plugin = strdup(a + 9);
  } else if (strncmp(a, "--compile-commands-dir=", 23) == 0)
    cfg->compile_commands_dir = a + 23;
  else if (strncmp(a, "--plugin-arg=", 13) == 0)
    st->plugin_args[(*nargs)++] = a + 13;
  else if (strncmp(a, "--trusted-folder=", 17) == 0)
    st->trusted_folders[(*ntrusted)++] = a + 17;
  else if (strncmp(a, "--debounce=", 11) == 0)
    cfg->debounce_ms = strtol(a + 11, NULL, 10);
  else if (strncmp(a, "--doc-base=", 11) == 0)
    cfg->doc_base = a + 11;
  else if (strcmp(a, "--wrap") == 0)
    cfg->wrap = 1;
  else if (strcmp(a, "--") == 0)
    return 1;
  else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
    usage(stdout);
    return 10;
  } else if (strcmp(a, "--version") == 0) {
    puts("sendsync-lsp " SENDSYNC_VERSION);
    return 10;
  } else {
    fprintf(stderr, "sendsync-lsp: unknown argument '%s'\n", a);
    usage(stderr);
    return 12;
  }
  return 0;
}

/* Wrap mode: argv[first..] is the clangd command. */
static int take_clangd(int argc, char **argv, int first, server_config *cfg) {
  if (first >= argc) {
    fprintf(stderr,
            "sendsync-lsp: --wrap needs the clangd command after '--', e.g.\n"
            "  sendsync-lsp --wrap -- clangd --background-index\n");
    return 2;
  }
  cfg->clangd_argv = argv + first;
  /* Editors probe their "clangd" with --version (or --help) before using
   * it: when the wrapper stands in for clangd, let clangd answer. */
  for (int k = first + 1; k < argc; k++)
    if (strcmp(argv[k], "--version") == 0 || strcmp(argv[k], "-version") == 0 ||
        strcmp(argv[k], "--help") == 0) {
      execvp(argv[first], argv + first);
      fprintf(stderr, "sendsync-lsp: cannot run %s: %s\n", argv[first],
              strerror(errno));
      return 127;
    }
  /* Look where clangd looks. */
  for (int k = first + 1; k < argc && !cfg->compile_commands_dir; k++)
    if (strncmp(argv[k], "--compile-commands-dir=", 23) == 0)
      cfg->compile_commands_dir = argv[k] + 23;
  return -1;
}

int options_parse(int argc, char **argv, server_config *cfg,
                  options_storage *st) {
  memset(st, 0, sizeof *st);
  cfg->clang = SENDSYNC_CLANG;
  cfg->debounce_ms = 300;
  st->doc_base = default_doc_base();
  st->annotations_dir = default_annotations_dir();
  cfg->doc_base = st->doc_base ? st->doc_base : "";
  cfg->annotations_dir = st->annotations_dir ? st->annotations_dir : "";
  st->plugin_args = calloc((size_t)argc + 1, sizeof *st->plugin_args);
  st->trusted_folders = calloc((size_t)argc + 1, sizeof *st->trusted_folders);
  size_t nargs = 0, ntrusted = 0;
  int i;
  for (i = 1; i < argc; i++) {
    int r = parse_one(argv[i], cfg, st, &nargs, &ntrusted);
    if (r == 1) {
      i++;
      break;
    }
    if (r >= 10)
      return r - 10;
  }
  if (cfg->wrap) {
    int r = take_clangd(argc, argv, i, cfg);
    if (r >= 0)
      return r;
  } else if (i < argc) {
    fprintf(stderr, "sendsync-lsp: arguments after '--' need --wrap\n");
    return 2;
  }
  if (!st->plugin)
    st->plugin = default_plugin();
  cfg->plugin = st->plugin;
  cfg->plugin_args = st->plugin_args;
  cfg->plugin_arg_count = nargs;
  cfg->trusted_folders = st->trusted_folders;
  cfg->trusted_folder_count = ntrusted;
  if (cfg->compile_commands_dir) {
    char *cwd = ss_path_cwd();
    st->compile_commands_dir =
        ss_path_absolute(cfg->compile_commands_dir, cwd ? cwd : "/");
    cfg->compile_commands_dir = st->compile_commands_dir;
    free(cwd);
  }
  return -1;
}

void options_free(options_storage *st) {
  free(st->plugin);
  free(st->plugin_args);
  free(st->trusted_folders);
  free(st->doc_base);
  free(st->annotations_dir);
  free(st->compile_commands_dir);
  memset(st, 0, sizeof *st);
}
