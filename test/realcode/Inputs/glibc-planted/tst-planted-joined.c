/* The nearest correct twin of tst-planted-escape.c: the thread is joined
   (xpthread_join, support/xpthread_join.c) before the counter dies. */
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
  xpthread_join (thr);
  TEST_COMPARE (counter, 1);
  return 0;
}

#include <support/test-driver.c>
