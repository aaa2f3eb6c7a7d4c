#include "flag_table.h"

#include <string.h>

#define KEEP(n, k) {n, k, SS_KEEP}
#define DROP(n, k) {n, k, SS_DROP}
#define REMOVE(n, k) {n, k, SS_REMOVE}

static const ss_flag_rule rules[] = {
    /* Include paths, sysroots, forced includes, macros, language. */
    KEEP("-I", SS_JOINED_OR_SEPARATE), KEEP("-isystem", SS_JOINED_OR_SEPARATE),
    KEEP("-iquote", SS_JOINED_OR_SEPARATE), KEEP("-idirafter", SS_JOINED_OR_SEPARATE),
    KEEP("-isysroot", SS_JOINED_OR_SEPARATE), KEEP("--sysroot=", SS_JOINED),
    KEEP("--sysroot", SS_SEPARATE), KEEP("-isystem-after", SS_JOINED_OR_SEPARATE),
    KEEP("-iprefix", SS_JOINED_OR_SEPARATE), KEEP("-iwithprefix", SS_JOINED_OR_SEPARATE),
    KEEP("-iwithprefixbefore", SS_JOINED_OR_SEPARATE),
    KEEP("-iwithsysroot", SS_JOINED_OR_SEPARATE), KEEP("-F", SS_JOINED_OR_SEPARATE),
    KEEP("-iframework", SS_JOINED_OR_SEPARATE), KEEP("-cxx-isystem", SS_JOINED_OR_SEPARATE),
    KEEP("-stdlib++-isystem", SS_JOINED_OR_SEPARATE), KEEP("-include", SS_JOINED_OR_SEPARATE),
    KEEP("-imacros", SS_JOINED_OR_SEPARATE), KEEP("-D", SS_JOINED_OR_SEPARATE),
    KEEP("-U", SS_JOINED_OR_SEPARATE), {"-x", SS_JOINED_OR_SEPARATE, SS_LANGUAGE},
    KEEP("-std=", SS_JOINED), KEEP("--std=", SS_JOINED), KEEP("-stdlib=", SS_JOINED),
    KEEP("-ansi", SS_FLAG), KEEP("-nostdinc", SS_FLAG), KEEP("-nostdinc++", SS_FLAG),
    KEEP("-nostdlibinc", SS_FLAG), KEEP("-nobuiltininc", SS_FLAG), KEEP("-undef", SS_FLAG),
    KEEP("-trigraphs", SS_FLAG), KEEP("-Qunused-arguments", SS_FLAG), KEEP("-pthread", SS_FLAG), KEEP("-pthreads", SS_FLAG),
    /* Target. -m options are joined, except these, which take the next
     * argument or load files: */
    {"--target=", SS_JOINED, SS_TARGET}, {"-target", SS_SEPARATE, SS_TARGET},
    KEEP("-m", SS_JOINED), DROP("-mllvm", SS_SEPARATE), DROP("-mllvm=", SS_JOINED),
    DROP("-mmlir", SS_SEPARATE), DROP("-mthread-model", SS_SEPARATE),
    DROP("-mdebug-pass", SS_SEPARATE), DROP("-meabi", SS_SEPARATE),
    DROP("-mfloat-abi", SS_SEPARATE), DROP("-mfpmath", SS_SEPARATE),
    DROP("-mlimit-float-precision", SS_SEPARATE), DROP("-mregparm", SS_SEPARATE),
    DROP("-mrelocation-model", SS_SEPARATE), DROP("-msmall-data-limit", SS_SEPARATE),
    DROP("-mtp", SS_SEPARATE), DROP("-mlink-", SS_JOINED), DROP("-module", SS_JOINED),
    DROP("-multiply_defined", SS_SEPARATE), DROP("-main-file-name", SS_SEPARATE),
    /* Warnings, optimisation, debug information. */
    KEEP("-W", SS_JOINED), KEEP("-w", SS_FLAG), KEEP("-pedantic", SS_FLAG),
    KEEP("-pedantic-errors", SS_FLAG), KEEP("--pedantic", SS_FLAG),
    DROP("-Wl,", SS_JOINED), DROP("-Wa,", SS_JOINED), DROP("-Wp,", SS_JOINED),
    KEEP("-O", SS_JOINED), KEEP("-g", SS_JOINED), DROP("-gcc-toolchain", SS_SEPARATE),
    DROP("-gcc-", SS_JOINED),
    DROP("-gen-", SS_JOINED),
    /* -f: the language options are judged one by one; these load code. */
    {"-f", SS_JOINED, SS_F_OPTION}, DROP("-fplugin=", SS_JOINED),
    DROP("-fpass-plugin=", SS_JOINED), DROP("-fplugin-arg-", SS_JOINED),
    /* Options passed to other tools, and what picks the tools. */
    {"-Xclang", SS_SEPARATE, SS_XCLANG}, DROP("-Xpreprocessor", SS_SEPARATE),
    DROP("-Xassembler", SS_SEPARATE), DROP("-Xlinker", SS_SEPARATE),
    DROP("-Xanalyzer", SS_SEPARATE), DROP("-Xopenmp-target", SS_SEPARATE),
    DROP("-Xopenmp-target=", SS_JOINED_AND_SEPARATE), DROP("-Xcuda-fatbinary", SS_SEPARATE),
    DROP("-Xcuda-ptxas", SS_SEPARATE), DROP("-Xarch_", SS_JOINED_AND_SEPARATE),
    DROP("-Xarch_device", SS_SEPARATE), DROP("-Xarch_host", SS_SEPARATE),
    DROP("-Xflang", SS_SEPARATE), DROP("-Xoffload-linker", SS_JOINED_AND_SEPARATE),
    DROP("-B", SS_JOINED_OR_SEPARATE), DROP("--gcc-toolchain=", SS_JOINED),
    DROP("--gcc-toolchain", SS_SEPARATE), DROP("--gcc-install-dir=", SS_JOINED),
    DROP("-ccc-", SS_JOINED), DROP("-ccc-install-dir", SS_SEPARATE),
    DROP("-ccc-gcc-name", SS_SEPARATE), DROP("-###", SS_FLAG), DROP("--config=", SS_JOINED),
    DROP("--config", SS_SEPARATE), DROP("-L", SS_JOINED_OR_SEPARATE),
    DROP("-l", SS_JOINED_OR_SEPARATE), DROP("-T", SS_JOINED_OR_SEPARATE),
    DROP("-u", SS_JOINED_OR_SEPARATE), DROP("-z", SS_SEPARATE),
    DROP("-include-pch", SS_SEPARATE), DROP("-ivfsoverlay", SS_JOINED_OR_SEPARATE),
    DROP("-iapinotes-modules", SS_JOINED_OR_SEPARATE), DROP("-imultilib", SS_SEPARATE),
    /* What writes files or stops before semantic analysis: the tools
     * decide these, trusted or not. */
    REMOVE("-c", SS_FLAG), REMOVE("-S", SS_FLAG), REMOVE("-E", SS_FLAG), REMOVE("-M", SS_FLAG),
    REMOVE("-MM", SS_FLAG), REMOVE("-MD", SS_FLAG), REMOVE("-MMD", SS_FLAG),
    REMOVE("-MP", SS_FLAG), REMOVE("-MG", SS_FLAG), REMOVE("-MV", SS_FLAG),
    REMOVE("-fsyntax-only", SS_FLAG), REMOVE("-save-temps", SS_FLAG),
    REMOVE("-save-temps=", SS_JOINED), REMOVE("-emit-llvm", SS_FLAG),
    REMOVE("-emit-ast", SS_FLAG), REMOVE("-pipe", SS_FLAG),
    REMOVE("-o", SS_JOINED_OR_SEPARATE), REMOVE("-MF", SS_JOINED_OR_SEPARATE),
    REMOVE("-MT", SS_JOINED_OR_SEPARATE), REMOVE("-MQ", SS_JOINED_OR_SEPARATE),
    REMOVE("-MJ", SS_JOINED_OR_SEPARATE), REMOVE("--serialize-diagnostics", SS_SEPARATE),
    REMOVE("-fplugin-arg-sendsync-", SS_JOINED),
};

static int matches(const ss_flag_rule *r, const char *arg, size_t len) {
  if (r->kind == SS_FLAG || r->kind == SS_SEPARATE)
    return strcmp(arg, r->name) == 0;
  return strncmp(arg, r->name, len) == 0;
}

const ss_flag_rule *ss_flag_rule_find(const char *arg) {
  const ss_flag_rule *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
    size_t len = strlen(rules[i].name);
    if (len > best_len && matches(&rules[i], arg, len)) {
      best = &rules[i];
      best_len = len;
    }
  }
  return best;
}

/* The -f options kept, without "-f" and "no-". A name ending in '=' takes a
 * joined value; one ending in '*' is a prefix. Left out on purpose: plugins,
 * profiles, sanitizer lists, modules and PCH, crash reproducers, offloading,
 * and anything that names a file to read or write or a program to run. */
static const char *const f_options[] = {
    "builtin", "builtin-*", "ms-extensions", "ms-compatibility", "ms-compatibility-version=",
    "msc-version=", "ms-volatile", "ms-bitfields", "delayed-template-parsing", "borland-extensions",
    "blocks", "openmp", "openmp=", "openmp-simd", "openmp-version=", "signed-char",
    "unsigned-char", "char8_t", "signed-bitfields", "unsigned-bitfields", "signed-zeros",
    "gnu89-inline", "gnu-keywords", "gnu-inline-asm", "gnu-runtime", "common", "pic", "PIC",
    "pie", "PIE", "visibility=", "visibility-*", "short-enums", "short-wchar", "wchar-type=",
    "exceptions", "cxx-exceptions", "objc-exceptions", "async-exceptions", "rtti", "rtti-data",
    "asm", "asm-blocks", "strict-aliasing", "wrapv", "wrapv-pointer", "trapv", "strict-overflow",
    "strict-overflow=", "declspec", "dollars-in-identifiers", "digraphs", "trigraphs",
    "threadsafe-statics", "access-control", "elide-constructors", "operator-names",
    "freestanding", "hosted", "lax-vector-conversions", "lax-vector-conversions=", "fast-math",
    "finite-math-only", "math-errno", "honor-nans", "honor-infinities", "associative-math",
    "reciprocal-math", "unsafe-math-optimizations", "trapping-math", "rounding-math",
    "fp-contract=", "fp-model=", "fp-exception-behavior=", "fp-eval-method=",
    "excess-precision=", "denormal-fp-math=", "omit-frame-pointer", "stack-protector",
    "stack-protector-strong", "stack-protector-all", "stack-clash-protection", "stack-check",
    "strict-enums", "strict-flex-arrays=", "strict-float-cast-overflow", "strict-return",
    "strict-vtable-pointers", "strict-volatile-bitfields", "zero-initialized-in-bss",
    "function-sections", "data-sections", "unique-section-names", "inline", "inline-functions",
    "inline-hint-functions", "inline-small-functions", "keep-inline-functions",
    "keep-static-consts", "merge-all-constants", "merge-constants", "trivial-auto-var-init=",
    "trivial-auto-var-init-stop-after=", "zero-call-used-regs=", "delete-null-pointer-checks",
    "semantic-interposition", "plt", "lto", "lto=", "whole-program-vtables", "split-lto-unit",
    "asynchronous-unwind-tables", "unwind-tables", "cf-protection", "cf-protection=",
    "sanitize=", "sanitize-recover", "sanitize-recover=", "sanitize-trap", "sanitize-trap=",
    "sanitize-minimal-runtime", "sanitize-memory-track-origins",
    "sanitize-memory-track-origins=", "sanitize-cfi-cross-dso", "sanitize-address-*",
    "sanitize-undefined-trap-on-error", "diagnostics-color", "diagnostics-color=",
    "color-diagnostics", "diagnostics-show-option", "diagnostics-show-note-include-stack",
    "diagnostics-absolute-paths", "caret-diagnostics", "show-column", "show-source-location",
    "message-length=", "macro-backtrace-limit=", "template-backtrace-limit=",
    "constexpr-backtrace-limit=", "error-limit=", "template-depth=", "constexpr-depth=",
    "constexpr-steps=", "bracket-depth=", "spell-checking", "file-prefix-map=",
    "macro-prefix-map=", "debug-prefix-map=", "coverage-prefix-map=", "debug-types-section",
    "standalone-debug", "eliminate-unused-debug-types", "eliminate-unused-debug-symbols",
    "var-tracking", "var-tracking-assignments", "ident", "jump-tables", "pack-struct",
    "pack-struct=", "max-type-align=", "align-functions", "align-functions=", "align-loops=",
    "align-jumps=", "align-labels=", "reorder-blocks", "tree-vectorize", "vectorize",
    "slp-vectorize", "unroll-loops", "optimize-sibling-calls", "peel-loops", "gcse",
    "c++-static-destructors", "sized-deallocation", "aligned-allocation", "aligned-new=",
    "new-alignment=", "relaxed-template-template-args", "coroutines", "emulated-tls",
    "use-init-array", "use-cxa-atexit", "register-global-dtors-with-atexit", "exec-charset=",
    "input-charset=", "extended-identifiers", "dollars", "assume-sane-operator-new",
    "pascal-strings", "inline-limit=", "working-directory=", "record-command-line",
    "record-gcc-switches", "verbose-asm", "addrsig", "integrated-as", "dwarf-directory-asm",
    "split-dwarf-inlining", "complete-member-pointers",
    "permissive", "implicit-int", "implicit-function-declaration", "heinous-gnu-extensions",
    "sanitize-coverage=", "cx-limited-range", "cx-fortran-rules",
    "keep-persistent-storage-variables", "apple-pragma-pack", "ms-hotpatch",
    "ipa-*", "tree-*", "guess-branch-probability", "schedule-insns", "schedule-insns2",
    "expensive-optimizations", "defer-pop", "crossjumping", "toplevel-reorder", "ivopts",
    "prefetch-loop-arrays", "split-stack", "instrument-functions",
    "instrument-function-entry-bare", "xray-instrument", "profile-arcs", "test-coverage",
    "coverage-mapping", "profile-instr-generate", "profile-generate", "debug-info-for-profiling",
    "pseudo-probe-for-profiling", "stack-size-section",
    "split-machine-functions", "emit-compact-unwind-non-canonical", "direct-access-external-data",
    "reg-struct-return", "pcc-struct-return", "fixed-*", "call-saved-*", "call-used-*",
    "leading-underscore", "threadsafe-*", "knr-functions", "fat-lto-objects", "hardened",
    "ansi-escape-codes", "debug-compilation-dir=", "coverage-compilation-dir=", "tls-model=",
    "strict-flex-arrays", "writable-strings",
};

static int f_name_matches(const char *pattern, const char *name) {
  size_t len = strlen(pattern);
  if (pattern[len - 1] == '*')
    return strncmp(name, pattern, len - 1) == 0;
  if (pattern[len - 1] == '=')
    return strncmp(name, pattern, len) == 0;
  return strcmp(name, pattern) == 0;
}

int ss_flag_f_option_allowed(const char *arg) {
  const char *name = arg + 2; /* after "-f" */
  if (strncmp(name, "no-", 3) == 0)
    name += 3;
  for (size_t i = 0; i < sizeof f_options / sizeof f_options[0]; i++)
    if (f_name_matches(f_options[i], name))
      return 1;
  return 0;
}
