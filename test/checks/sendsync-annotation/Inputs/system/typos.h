/* A library header with marker mistakes of its own. */
struct __attribute__((annotate("sned"))) lib_job { int id; };
struct lib_buf { int len __attribute__((annotate("owned"))); };
struct __attribute__((annotate("send"), annotate("not_send"))) lib_both { int x; };
