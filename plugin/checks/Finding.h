//===- Finding.h - What a check reports -----------------------------------===//
//
// Checks produce Findings; reporters turn them into clang diagnostics or
// JSON. A Finding never prints itself.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FINDING_H
#define SENDSYNC_FINDING_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace sendsync {

enum class CheckId {
#define SENDSYNC_CHECK(Enum, Id, Entry, Summary) Enum,
#include "CheckIds.def"
};

/// All check ids, in registry order.
llvm::ArrayRef<CheckId> allChecks();
llvm::StringRef checkName(CheckId Id);
llvm::StringRef checkSummary(CheckId Id);
std::optional<CheckId> checkFromName(llvm::StringRef Name);

enum class Severity { Warning, Error };

/// One located explanation: a hop of a chain, or the place that required it.
struct Note {
  clang::SourceLocation Loc;
  std::string Message;
};

/// A mechanical fix: replace Range (empty range = insert at its start).
struct FixIt {
  clang::CharSourceRange Range;
  std::string Replacement;
};

struct Finding {
  CheckId Check;
  Severity Level = Severity::Warning;
  clang::SourceLocation Loc;
  std::string Message; // without the trailing [check-id]
  std::vector<Note> Notes;
  std::vector<FixIt> FixIts;
};

using FindingList = std::vector<Finding>;

} // namespace sendsync

#endif // SENDSYNC_FINDING_H
