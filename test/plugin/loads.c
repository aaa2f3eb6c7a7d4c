// The plugin loads into clang (driver mode, with the annotations on the include
// path) and accepts an empty translation unit without a diagnostic.
// RUN: %sendsync %s 2>&1 | count 0
// RUN: %sendsync -x c /dev/null 2>&1 | count 0
