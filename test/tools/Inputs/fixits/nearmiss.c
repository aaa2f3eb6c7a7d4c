/* Near-miss markers: errors with a fix-it that replaces the string. */
struct __attribute__((annotate("sned"))) typo_send { int x; };

struct typo_owned {
	char *name __attribute__((annotate("ownd")));
};

/* A missing reason: a fix-it that inserts a placeholder. */
struct __attribute__((annotate("unsafe_send"))) no_reason { int *p; };
