//===- Options.h - Plugin arguments ---------------------------------------===//
//
// -fplugin-arg-sendsync-<arg> values, parsed once per compiler invocation.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_OPTIONS_H
#define SENDSYNC_OPTIONS_H

#include "Finding.h"
#include "llvm/ADT/SmallSet.h"
#include <string>
#include <vector>

namespace sendsync {

struct Options {
  bool Strict = false;
  bool WarningsAsErrors = false;
  bool Help = false;
  bool DumpSpawns = false;    // print the facts of every spawn site (stdout)
  bool DumpSummaries = false; // print the access summaries (stdout)
  llvm::SmallSet<CheckId, 4> Disabled;
  std::string JsonPath;
  /// facts[=<path>]: write the per-TU facts file (docs/facts.md); an empty
  /// FactsPath puts it beside clang's output.
  bool Facts = false;
  std::string FactsPath;
  /// program=<path>: the program database to read (docs/facts.md).
  std::string ProgramPath;
  std::vector<std::string> Explain; // type names; may be given several times

  bool isEnabled(CheckId Id) const { return !Disabled.count(Id); }
};

/// Parses plugin arguments. On error returns false and sets Error to a
/// complete, user-facing message that lists the valid arguments.
bool parseOptions(const std::vector<std::string> &Args, Options &Out,
                  std::string &Error);

/// The text printed for `-fplugin-arg-sendsync-help`.
std::string helpText();

} // namespace sendsync

#endif // SENDSYNC_OPTIONS_H
