# A Makefile that checks Inputs/whole-program across files through
# sendsync.mk (test/tools/pkg-config.test):
#   make -f whole-program.mk SENDSYNC_MK=<prefix>/share/sendsync/sendsync.mk SRCDIR=<whole-program>
include $(SENDSYNC_MK)
CC := $(SENDSYNC_CC)
CFLAGS += $(SENDSYNC_CFLAGS) $(SENDSYNC_FACTS_CFLAGS)
OBJS := main.o worker.o wrapper.o
SENDSYNC_OBJECTS := $(OBJS)

all: $(OBJS)

%.o: $(SRCDIR)/%.c
	$(CC) $(CFLAGS) -c $< -o $@

# main.c again, with the program database.
check-main: sendsync-program
	$(CC) $(SENDSYNC_CFLAGS) $(SENDSYNC_PROGRAM_CFLAGS) -fsyntax-only $(SRCDIR)/main.c
