//===- ClaimVerdicts.h - Every send/sync claim judged against its fields --===//
//
// A `send` or `sync` marker on a struct, union or typedef is a claim, judged
// field by field (docs/rules.md §1). A "no" is sendsync-claim's to report; a
// "cannot tell" is sendsync-unknown's, in strict mode. Both read the same
// verdicts and build their findings the same way.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_CLAIMVERDICTS_H
#define SENDSYNC_CHECKS_CLAIMVERDICTS_H

#include "CheckContext.h"
#include <string>
#include <vector>

namespace sendsync {

/// A claim whose verdict is not "yes", with what the message needs.
struct ClaimVerdict {
  Judgement J;
  Trait P;
  const MarkerUse *Use;
  /// Where the reason is: the breaking field, or the typedef.
  clang::SourceLocation Loc;
  /// The claimed type as quoted ("'struct job'"), the start of the reason
  /// ("its field 'name'", "it") and the type's name.
  std::string Subject, Holder, Name;
};

/// Every claim of the translation unit that does not hold, in declaration
/// order (records, then typedefs; Send before Sync; field by field).
std::vector<ClaimVerdict> judgeClaims(CheckContext &C);

/// The finding of a verdict, with its location, chain and the note at the
/// claim; the caller sets the check and the message.
Finding claimFinding(CheckContext &C, const ClaimVerdict &V);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_CLAIMVERDICTS_H
