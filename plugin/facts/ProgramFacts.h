//===- ProgramFacts.h - The program database (program=<path>) -------------===//
//
// docs/rules.md §6.8 and docs/facts.md, "The program database": the facts
// of the whole program, merged from the per-TU facts files by sendsync-merge
// and linked by external symbol name. A translation unit reads it so that a
// call into another unit behaves as if the callee were here: spawn wrappers
// start threads, join helpers join, and functions have access summaries.
//
// Only names here, no AST: the facts are matched to this unit's declarations
// (plugin/summary/SummaryImport.h) where they are used.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_PROGRAMFACTS_H
#define SENDSYNC_FACTS_PROGRAMFACTS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sendsync {

/// A place in another translation unit: an absolute file name (or one
/// relative to nothing, when the database does not say where the unit was
/// compiled) and a line.
struct ExternalLoc {
  std::string File;
  unsigned Line = 0;
};

/// A part of a pointee, by field names (docs/facts.md "A part").
struct ExternalPart {
  std::string Record; // the record the first field is in; empty: none
  std::vector<std::string> Fields;
  bool Indexed = false;
};

enum class ExternalLockKind { Global, Param, Local };

struct ExternalLock {
  ExternalLockKind Kind = ExternalLockKind::Local;
  std::string Global;  // Kind Global: its name
  bool Static = false; // a global of the defining unit only
  unsigned Param = 0;  // Kind Param: the parameter's index
  bool InPointee = false;
  ExternalPart Part; // the lock's fields below its base
};

enum class ExternalUseKind { Read, Write, Free, Realloc };

struct ExternalUse {
  ExternalUseKind Kind = ExternalUseKind::Read;
  ExternalPart Part;
  std::vector<ExternalLock> Locks;
  const ExternalLoc *At = nullptr;
};

enum class ExternalSignalKind { Signal, Wait, Barrier };

struct ExternalSignal {
  ExternalSignalKind Kind = ExternalSignalKind::Signal;
  ExternalPart Part;
  std::string Global;     // a global sync object, by name
  std::string Function;   // a barrier-like function whose object is not named
  bool UsedAfter = false; // the pointee is used after the signal
  const ExternalLoc *At = nullptr;
};

struct ExternalParam {
  unsigned Index = 0;
  std::vector<ExternalUse> Uses;
  std::vector<ExternalSignal> Signals;
  bool Unknown = false;
  const ExternalLoc *UnknownAt = nullptr;
};

struct ExternalSummary {
  std::vector<ExternalParam> Params;
  std::vector<ExternalLock> Acquires, Releases;
  bool LocksUnknown = false;
};

/// What becomes of the handle of a thread a wrapper starts.
enum class ExternalHandle {
  Joined,
  NeverJoined,
  Param,
  Returned,
  Global,
  Unknown
};

struct ExternalWrapper {
  unsigned ArgParam = 0;
  std::optional<unsigned> EntryParam;
  std::string Entry; // the entry the wrapper fixes, when it names one
  const ExternalLoc *At = nullptr;
  ExternalHandle Handle = ExternalHandle::Unknown;
  unsigned HandleParam = 0;
};

/// A global the code of another unit's function names (docs/facts.md,
/// "A global").
struct ExternalGlobal {
  std::string Name;
  bool Static = false;    // a global of the defining unit only
  std::string InFunction; // a static variable of this function
  std::string Via;        // the function of that unit that uses it
  bool Write = false;     // the code assigns to it
  const ExternalLoc *At = nullptr;
};

/// A function with external linkage defined in another translation unit.
struct ExternalFunction {
  const ExternalLoc *At = nullptr;
  std::string TranslationUnit; // as the database names it
  std::optional<ExternalSummary> Summary;
  std::optional<ExternalWrapper> Wrapper;
  std::optional<unsigned> JoinParam; // a join helper: the handle's parameter
  /// The globals its code (and that of its unit's callees) names.
  std::vector<ExternalGlobal> Globals;
};

class ProgramFacts {
public:
  /// Reads the program database at Path; an error says what is wrong with
  /// it, naming the file and the place in it. A database in the merge's
  /// line layout (docs/facts.md, "Format") has only its header read here;
  /// each function's entry is read when function() first asks for it.
  static llvm::Expected<ProgramFacts> load(llvm::StringRef Path);

  /// The facts of the external function Name, if some unit defines it (and
  /// no two units define it differently). nullptr, too, for an entry that
  /// is wrong: entryError() then says what.
  const ExternalFunction *function(llvm::StringRef Name) const;
  /// Names defined differently by several units: their facts are unknown.
  bool isConflicting(llvm::StringRef Name) const {
    return S->Conflicts.count(Name);
  }
  /// The first entry read on demand that was wrong, as load() would have
  /// said it; empty when none was.
  const std::string &entryError() const { return S->EntryError; }

  ProgramFacts() : S(std::make_unique<Store>()) {}
  ProgramFacts(ProgramFacts &&) = default;
  ProgramFacts &operator=(ProgramFacts &&) = default;

private:
  friend class ProgramFactsReader;
  /// Behind a pointer: reading an entry on demand fills it from const
  /// lookups, and facts point into Locations, which must not move.
  struct Store {
    std::string Path;
    llvm::StringMap<ExternalFunction> Functions;
    llvm::StringMap<bool> Conflicts;
    /// Line layout: the text of the entries not read yet, into Text.
    std::unique_ptr<llvm::MemoryBuffer> Text;
    llvm::StringMap<llvm::StringRef> Unread;
    std::string EntryError;
    /// Every location, interned (a deque keeps them where they are).
    std::deque<ExternalLoc> Locations;
  };
  std::unique_ptr<Store> S;

  static llvm::Expected<ProgramFacts> parse(llvm::StringRef Text,
                                            llvm::StringRef Path);
  void readEntry(llvm::StringRef Name, llvm::StringRef Text) const;
};

} // namespace sendsync

#endif // SENDSYNC_FACTS_PROGRAMFACTS_H
