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

} // namespace sendsync

#endif // SENDSYNC_CHECKS_CHECKS_H
