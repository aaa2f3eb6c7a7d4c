//===- sendsync-claim.cpp - Verify send/sync claims -----------------------===//
//
// docs/rules.md §1: a `send` or `sync` marker on a struct, union or typedef
// is a claim the plugin verifies from the fields: one report per breaking
// field, with the chain down to the root cause and a note at the claim. A
// claim that cannot be proven (unannotated pointer, opaque type) is
// sendsync-unknown's, in strict mode.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "ClaimVerdicts.h"

namespace sendsync {

void checkClaims(CheckContext &C, FindingList &Out) {
  for (const ClaimVerdict &V : judgeClaims(C)) {
    if (V.J.V != Verdict::No)
      continue;
    Finding F = claimFinding(C, V);
    F.Check = CheckId::Claim;
    F.Message = V.Subject + " is marked " + spelling(V.Use->Kind).str() +
                ", but " + V.Holder + " " + V.J.Phrase;
    Out.push_back(std::move(F));
  }
}

} // namespace sendsync
