/* A library header, included with -isystem: its own claims and marker
 * mistakes are the library's business, not the user's. */
struct __attribute__((annotate("not_send"))) net_logger { int fd; };
/* A claim the fields break. */
struct __attribute__((annotate("send"))) net_conn {
  int fd;
  struct net_logger *log __attribute__((annotate("owned")));
};
/* A claim on a typedef that the fields break. */
struct net_stats { long hits; };
typedef struct net_stats net_stats_t __attribute__((annotate("sync")));
/* An unmarked type the user may make claims about. */
struct net_session { int fd; struct net_logger *log __attribute__((annotate("owned"))); };
typedef struct net_session net_session_t;
