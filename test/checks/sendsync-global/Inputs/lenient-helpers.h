// A header without SS_STRICT_FILE: uses of globals here are not strict.
extern int header_counter;
static inline void header_bump(void) { header_counter++; }
