//===- FactsWriter.h - The per-TU facts file (facts=<path>) ---------------===//
//
// docs/facts.md: what this translation unit tells the rest of the program
// about its functions with external linkage (spawn wrappers, join helpers,
// access summaries) and about its thread entries (the globals they touch),
// as versioned, deterministic JSON. Names only, no source pointers:
// another process reads it.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_REPORT_FACTSWRITER_H
#define SENDSYNC_REPORT_FACTSWRITER_H

#include "JoinHelpers.h"
#include "SpawnSites.h"
#include "SummaryIndex.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>

namespace sendsync {

/// The facts of a translation unit the writer reads.
struct FactsInput {
  clang::ASTContext &Ctx;
  const TranslationUnitIndex &Index;
  const SpawnApiIndex &Apis;
  const SpawnSiteIndex &Spawns;
  SummaryIndex &Summaries;
  /// The main file, as given on the command line.
  std::string MainFile;
  /// clang's working directory: relative file names are relative to it.
  std::string Directory;
};

/// The facts file's contents.
llvm::json::Value buildFacts(FactsInput &In);

/// Writes the facts to Path atomically (a temporary beside it, renamed).
/// Returns a message naming Path when it cannot be written.
std::optional<std::string> writeFacts(llvm::StringRef Path, FactsInput &In);

/// Where `facts` (or `facts=auto`) puts the file: beside clang's output
/// (`<output>.sendsync-facts`); empty when there is no output file.
std::string factsPathBeside(llvm::StringRef OutputFile);

} // namespace sendsync

#endif // SENDSYNC_REPORT_FACTSWRITER_H
