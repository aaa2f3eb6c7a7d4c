//===- ProgramDbLines.h - The line layout of a program database -----------===//
//
// docs/facts.md, "Format": sendsync-merge writes each function's entry on a
// line of its own, so that a unit reads the header and then only the
// entries it asks for (ProgramFacts), not the whole program's.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_PROGRAMDBLINES_H
#define SENDSYNC_FACTS_PROGRAMDBLINES_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sendsync {

struct ProgramDbLines {
  /// The database without the members of `functions` and
  /// `translation_units`: valid JSON when the text was.
  std::string Header;
  /// Each function's name and the JSON text of its entry, into the text.
  std::vector<std::pair<llvm::StringRef, llvm::StringRef>> Entries;
};

/// Text split by the merge's line layout; std::nullopt when it is not in
/// that layout (then it is parsed whole).
std::optional<ProgramDbLines> splitProgramDbLines(llvm::StringRef Text);

} // namespace sendsync

#endif // SENDSYNC_FACTS_PROGRAMDBLINES_H
