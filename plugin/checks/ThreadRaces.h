//===- ThreadRaces.h - Two threads, one object, no common lock ------------===//
//
// The thread-against-thread half of sendsync-race (docs/rules.md §6.2): the
// same object reaches two or more threads (a spawn in a loop, or two spawn
// sites), the entry's summary says one of them writes a part that another
// reads or writes, and no lock is held by both at those accesses.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_THREADRACES_H
#define SENDSYNC_CHECKS_THREADRACES_H

#include "CheckContext.h"

namespace sendsync {

/// Appends one sendsync-race finding per spawn site whose threads race on
/// the object they share, with both accesses as notes.
void reportThreadRaces(CheckContext &C, FindingList &Out);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_THREADRACES_H
