//===- Checks.cpp - Run every check of CheckIds.def -----------------------===//

#include "Checks.h"

namespace sendsync {

void runChecks(CheckContext &C, FindingList &Out) {
#define SENDSYNC_CHECK(Enum, Id, Entry, Summary) Entry(C, Out);
#include "CheckIds.def"
}

} // namespace sendsync
