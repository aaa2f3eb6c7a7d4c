//===- Options.cpp - Plugin arguments -------------------------------------===//

#include "Options.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

namespace sendsync {

namespace {
// Argument names, for error messages and near-miss suggestions.
constexpr llvm::StringLiteral ArgNames[] = {
    "strict",      "werror",         "disable", "json",    "explain",
    "dump-spawns", "dump-summaries", "facts",   "program", "help"};

constexpr llvm::StringLiteral ValidArgs =
    "valid arguments: strict, werror, disable=<check-id>[,<check-id>...], "
    "json=<path>, explain=<type>, dump-spawns, dump-summaries, "
    "facts[=<path>|auto], program=<path>, help";

std::string suggestion(llvm::StringRef Name) {
  std::string Lower = Name.lower();
  for (llvm::StringRef Known : ArgNames)
    if (llvm::StringRef(Lower).edit_distance(Known, /*AllowReplacements=*/true,
                                             /*MaxEditDistance=*/2) <= 2)
      return (" (did you mean '" + Known + "'?)").str();
  return "";
}

/// How the value of an argument is written in messages.
llvm::StringRef valueSyntax(llvm::StringRef Name) {
  if (Name == "json" || Name == "facts" || Name == "program")
    return "<path>";
  if (Name == "explain")
    return "<type>";
  if (Name == "disable")
    return "<check-id>[,<check-id>...]";
  return "<value>";
}

bool requireValue(llvm::StringRef Name, llvm::StringRef Value, bool HasValue,
                  std::string &Error) {
  if (HasValue && !Value.empty())
    return true;
  Error = ("plugin argument '" + Name + "' needs a value: '" + Name + "=" +
           valueSyntax(Name) + "'; " + ValidArgs)
              .str();
  return false;
}

bool rejectValue(llvm::StringRef Name, bool HasValue, std::string &Error) {
  if (!HasValue)
    return true;
  Error = ("plugin argument '" + Name + "' takes no value; " + ValidArgs).str();
  return false;
}

std::string checkList() {
  std::string List;
  for (CheckId Id : allChecks()) {
    if (!List.empty())
      List += ", ";
    List += checkName(Id).str();
  }
  return List;
}
} // namespace

bool parseOptions(const std::vector<std::string> &Args, Options &Out,
                  std::string &Error) {
  for (const std::string &Arg : Args) {
    auto [Name, Value] = llvm::StringRef(Arg).split('=');
    bool HasValue = llvm::StringRef(Arg).contains('=');
    if (Name == "strict") {
      if (!rejectValue(Name, HasValue, Error))
        return false;
      Out.Strict = true;
    } else if (Name == "werror") {
      if (!rejectValue(Name, HasValue, Error))
        return false;
      Out.WarningsAsErrors = true;
    } else if (Name == "dump-spawns") {
      if (!rejectValue(Name, HasValue, Error))
        return false;
      Out.DumpSpawns = true;
    } else if (Name == "dump-summaries") {
      if (!rejectValue(Name, HasValue, Error))
        return false;
      Out.DumpSummaries = true;
    } else if (Name == "help") {
      if (!rejectValue(Name, HasValue, Error))
        return false;
      Out.Help = true;
    } else if (Name == "json") {
      if (!requireValue(Name, Value, HasValue, Error))
        return false;
      Out.JsonPath = Value.str();
    } else if (Name == "facts") {
      // `facts` and `facts=auto`: beside clang's output file.
      if (HasValue && !requireValue(Name, Value, HasValue, Error))
        return false;
      Out.Facts = true;
      Out.FactsPath = Value == "auto" ? "" : Value.str();
    } else if (Name == "program") {
      if (!requireValue(Name, Value, HasValue, Error))
        return false;
      Out.ProgramPath = Value.str();
    } else if (Name == "explain") {
      if (!requireValue(Name, Value, HasValue, Error))
        return false;
      Out.Explain.push_back(Value.str());
    } else if (Name == "disable") {
      if (!requireValue(Name, Value, HasValue, Error))
        return false;
      llvm::SmallVector<llvm::StringRef, 4> Parts, Ids;
      Value.split(Parts, ',');
      for (llvm::StringRef Part : Parts)
        if (!Part.trim().empty())
          Ids.push_back(Part.trim());
      if (Ids.empty()) {
        Error = "'disable=' names no check; known checks: " + checkList();
        return false;
      }
      for (llvm::StringRef Id : Ids) {
        if (auto Check = checkFromName(Id)) {
          Out.Disabled.insert(*Check);
          continue;
        }
        Error = ("unknown check '" + Id +
                 "' in 'disable='; known checks: " + checkList())
                    .str();
        return false;
      }
    } else {
      Error = ("unknown plugin argument '" + Arg + "'" + suggestion(Name) +
               "; " + ValidArgs)
                  .str();
      return false;
    }
  }
  return true;
}

std::string helpText() {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "sendsync: Rust's Send/Sync thread-safety rules for C\n"
        "usage: clang -fplugin=sendsync.so -fplugin-arg-sendsync-<arg> ...\n"
        "arguments:\n"
        "  strict               report what cannot be proven (unannotated "
        "pointers, opaque types)\n"
        "  werror               report findings as errors\n"
        "  disable=<ids>        comma-separated check ids to turn off\n"
        "  json=<path>          also write findings as JSON (docs/json.md)\n"
        "  explain=<type>       print the Send/Sync derivation of a struct, "
        "union or typedef\n"
        "  dump-spawns          print what the plugin knows of each spawn "
        "site\n"
        "  dump-summaries       print the access summaries of the main "
        "file's functions\n"
        "  facts[=<path>]       write this translation unit's facts for a "
        "whole-program\n"
        "                       check (docs/facts.md); without a path, or "
        "with 'auto',\n"
        "                       beside the -o output as "
        "<output>.sendsync-facts\n"
        "  program=<path>       read a program database (sendsync-merge): "
        "calls into\n"
        "                       other translation units behave as if the "
        "callee were here\n"
        "  help                 print this text\n"
        "checks:\n";
  for (CheckId Id : allChecks())
    OS << "  " << checkName(Id) << ": " << checkSummary(Id) << "\n";
  return S;
}

} // namespace sendsync
