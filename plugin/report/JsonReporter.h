//===- JsonReporter.h - Findings as JSON (docs/json.md) -------------------===//

#ifndef SENDSYNC_JSONREPORTER_H
#define SENDSYNC_JSONREPORTER_H

#include "Finding.h"
#include "Markers.h"
#include "UnsafeClaims.h"
#include "clang/Basic/SourceManager.h"
#include <string>
#include <vector>

namespace sendsync {

struct Explanation {
  std::string Type;
  std::string Text;
};

struct JsonReport {
  std::string MainFile;
  bool CompileErrors = false;
  const FindingList *Findings = nullptr;
  std::vector<UnsafeClaim> UnsafeClaims;
  std::vector<Explanation> Explanations;
};

/// Writes the report to Path (through a temporary file and a rename, so a
/// reader never sees half a report). Returns an error message on failure.
std::optional<std::string> writeJsonReport(llvm::StringRef Path,
                                           const JsonReport &Report,
                                           const clang::SourceManager &SM);

} // namespace sendsync

#endif // SENDSYNC_JSONREPORTER_H
