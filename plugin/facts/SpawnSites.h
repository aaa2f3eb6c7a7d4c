//===- SpawnSites.h - The places where data crosses into another thread ---===//
//
// Every call of a spawn API (SpawnApis.h) in the translation unit, with its
// entry function, its handle, the provenance of its argument and whether the
// same object is handed to several threads. Facts only; built once per
// translation unit and read by the spawn checks.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SPAWNSITES_H
#define SENDSYNC_SPAWNSITES_H

#include "AstHelpers.h"
#include "Provenance.h"
#include "SpawnApis.h"
#include "clang/AST/Stmt.h"
#include <vector>

namespace sendsync {

struct SpawnSite {
  const clang::CallExpr *Call;
  const SpawnApi *Api;
  const clang::FunctionDecl *Caller;
  const clang::Expr *Arg;
  /// The entry expression at this call, or the wrapper's fixed entry.
  const clang::Expr *Entry = nullptr;
  /// The entry function, when it is a function of this translation unit
  /// (its definition) whose body no compile error touches, else null.
  const clang::FunctionDecl *EntryFn = nullptr;
  /// The function the entry names, wherever it is defined (with a program
  /// database, another unit's entry has a summary: docs/rules.md §6.6).
  const clang::FunctionDecl *EntryDecl = nullptr;
  /// The expression naming the handle (pthread_t *, pool), or the call
  /// itself when the handle is returned; null when there is none.
  const clang::Expr *Handle = nullptr;
  Provenance Prov;
  /// The innermost loop around the spawn in its function, if any.
  const clang::Stmt *Loop = nullptr;
  /// The same object goes to several threads: the spawn is in a loop and
  /// the object is not made anew in each iteration, or another spawn site
  /// of the function hands over the same object.
  bool Shared = false;
  /// Why Shared holds, for the note ("the loop here starts a thread per
  /// iteration", "also handed over here").
  clang::SourceLocation SharedWith;
  /// The other site that hands over the same object (sharing by sites).
  const SpawnSite *SharedSite = nullptr;
  bool SharedByLoop = false;
};

class SpawnSiteIndex {
public:
  static SpawnSiteIndex build(const TranslationUnitIndex &Index,
                              const SpawnApiIndex &Apis,
                              ProvenanceTracer &Tracer);

  const std::vector<SpawnSite> &sites() const { return Sites; }

private:
  std::vector<SpawnSite> Sites;
};

} // namespace sendsync

#endif // SENDSYNC_SPAWNSITES_H
