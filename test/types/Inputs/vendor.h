/* A third-party header (used with -isystem): opaque handles, no markers. */
#ifndef VENDOR_H
#define VENDOR_H
struct vendor_db;
struct vendor_stmt;
struct vendor_stats {
  long hits;
};
struct vendor_config {
  int verbosity;
};
int vendor_open(const char *path, struct vendor_db **out);
#endif
