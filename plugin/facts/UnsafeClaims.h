//===- UnsafeClaims.h - The user's unsafe_send / unsafe_sync claims -------===//
//
// Claims the plugin cannot verify and trusts (docs/rules.md §1): the JSON
// report lists them so that a review can audit every one.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_UNSAFECLAIMS_H
#define SENDSYNC_FACTS_UNSAFECLAIMS_H

#include "TranslationUnitIndex.h"
#include "TypeRules.h"
#include "clang/Basic/SourceManager.h"
#include <string>
#include <vector>

namespace sendsync {

/// An unsafe_send / unsafe_sync claim, for the audit list.
struct UnsafeClaim {
  std::string Marker; // "unsafe_send" or "unsafe_sync"
  std::string Type;   // the type it is trusted for
  std::string Reason;
  bool ByImpl = false;
  clang::SourceLocation Loc;
};

/// The claims of the translation unit outside system headers.
std::vector<UnsafeClaim> collectUnsafeClaims(const TranslationUnitIndex &Index,
                                             TraitOracle &Oracle,
                                             const clang::SourceManager &SM);

} // namespace sendsync

#endif // SENDSYNC_FACTS_UNSAFECLAIMS_H
