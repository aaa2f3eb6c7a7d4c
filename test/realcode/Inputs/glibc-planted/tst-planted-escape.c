/* A glibc-style test with a planted bug: the counter lives on do_test's
   stack and the thread is never joined, so it may outlive the frame it
   writes to. xpthread_create is glibc's support library's (support/
   xpthread_create.c): only a program database shows it is a spawn
   wrapper. */
#include <stdio.h>
#include <support/check.h>
#include <support/xthread.h>

static void *
tf (void *closure)
{
  int *counter = closure;
  ++*counter;
  return NULL;
}

static int
do_test (void)
{
  int counter = 0;
  pthread_t thr = xpthread_create (NULL, tf, &counter);
  (void) thr;
  puts ("started");
  return 0;
}

#include <support/test-driver.c>
