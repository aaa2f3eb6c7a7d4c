//===- Checks.h - Entry points of the checks ------------------------------===//
//
// One function per check, declared from CheckIds.def; the file implementing
// it is named after its id (checks/<id>.cpp), as are its doc page
// (docs/checks/<id>.md) and its tests (test/checks/<id>/).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_CHECKS_H
#define SENDSYNC_CHECKS_CHECKS_H

#include "CheckContext.h"

namespace sendsync {

#define SENDSYNC_CHECK(Enum, Id, Entry, Summary)                               \
  void Entry(CheckContext &C, FindingList &Out);
#include "CheckIds.def"

/// Runs every check, in the order of CheckIds.def.
void runChecks(CheckContext &C, FindingList &Out);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_CHECKS_H
