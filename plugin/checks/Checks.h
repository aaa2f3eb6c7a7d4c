//===- Checks.h - Entry points of the checks ------------------------------===//
//
// One function per check; the file implementing it is named after its id
// (checks/<id>.cpp), as are its doc page (docs/checks/<id>.md) and its tests
// (test/checks/<id>/).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_CHECKS_H
#define SENDSYNC_CHECKS_CHECKS_H

#include "CheckContext.h"

namespace sendsync {

/// sendsync-annotation: malformed, misplaced, conflicting, misspelled markers.
void checkAnnotations(CheckContext &C, FindingList &Out);
/// sendsync-claim (and sendsync-unknown in strict mode): send/sync claims
/// verified against the fields.
void checkClaims(CheckContext &C, FindingList &Out);
/// sendsync-not-send: a non-Send value handed over at a spawn site.
void checkNotSend(CheckContext &C, FindingList &Out);
/// sendsync-not-sync: a non-Sync value shared at a spawn site.
void checkNotSync(CheckContext &C, FindingList &Out);
/// sendsync-arg-type: the entry converts its argument to another type.
void checkArgType(CheckContext &C, FindingList &Out);
/// sendsync-global (strict): a thread reaches a global that is not Sync.
void checkGlobals(CheckContext &C, FindingList &Out);
/// sendsync-escape: a stack borrow reaches a thread that may outlive it.
void checkEscapes(CheckContext &C, FindingList &Out);
/// sendsync-race: the spawner writes what it lent while the thread runs.
void checkRaces(CheckContext &C, FindingList &Out);
/// sendsync-use-after-send: the spawner uses what it handed over.
void checkUseAfterSend(CheckContext &C, FindingList &Out);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_CHECKS_H
