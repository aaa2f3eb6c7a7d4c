//===- SummaryIndex.h - The access summaries of a translation unit --------===//
//
// docs/rules.md §6.1: summaries are computed on demand, once per function,
// callees before callers. Functions on a call cycle see each other's calls
// as unknown (no fixpoint): the cost stays linear in the size of the
// functions summarised, and no recursion of the plugin follows the program's
// call graph, so a deep chain cannot overflow the stack.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SUMMARY_SUMMARYINDEX_H
#define SENDSYNC_SUMMARY_SUMMARYINDEX_H

#include "AccessSummary.h"
#include "ProgramFacts.h"
#include "SummaryImport.h"
#include "TranslationUnitIndex.h"
#include "TypeRules.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace sendsync {

class SummaryIndex {
public:
  SummaryIndex(clang::ASTContext &Ctx, const TranslationUnitIndex &Index,
               TraitOracle &Oracle);
  ~SummaryIndex();

  /// Reads the summaries of functions of other translation units from the
  /// program database (docs/rules.md §6.8); Program outlives this index.
  void useProgram(const ProgramFacts *P) { Program = P; }

  /// The summary of a function defined in this translation unit (its
  /// definition), computing it and its callees' first; for a function of
  /// another unit, its summary in the program database; else null.
  const FunctionSummary *of(const clang::FunctionDecl *FD);

  /// The summary of FD if it is done (or FD is another unit's, with a
  /// summary in the program database), else null (FD is on the cycle being
  /// summarised, or has no body and no summary).
  const FunctionSummary *done(const clang::FunctionDecl *FD) const;

  /// The declaration whose parameters FD's summary names (its definition
  /// here, or the declaration an imported summary was read for).
  const clang::FunctionDecl *summarised(const clang::FunctionDecl *FD) const;

  /// The locks held at each statement of FD (a function that spawns), its
  /// callees summarised first; null for a function without a body here.
  const FunctionLocks *locksOf(const clang::FunctionDecl *FD);

  /// Keep the locks each summary's walk saw (the facts file's `globals`
  /// need them for every function, docs/facts.md): no second walk, but a
  /// callee on a call cycle counts as taking no lock, as in summaries.
  void keepWalkLocks() { KeepWalkLocks = true; }
  /// The locks kept by the walk that summarised FD's definition; else (not
  /// kept, or FD not summarised yet) locksOf(FD).
  const FunctionLocks *walkLocksOf(const clang::FunctionDecl *FD);

private:
  void indexCallees();
  const FunctionSummary *imported(const clang::FunctionDecl *FD) const;
  void computeInOrder(const clang::FunctionDecl *Root);
  const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *FD) const;

  clang::ASTContext &Ctx;
  const TranslationUnitIndex &Index;
  TraitOracle &Oracle;
  /// Direct callees with a body here, per caller (canonical declarations).
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const clang::FunctionDecl *, 4>>
      Callees;
  bool CalleesIndexed = false;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Summaries;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionLocks>>
      Locks, WalkLocks;
  bool KeepWalkLocks = false;
  const ProgramFacts *Program = nullptr;
  /// Imported summaries, read on first use (by canonical declaration; null:
  /// the database has none).
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         std::unique_ptr<FunctionSummary>>
      Imported;
  mutable SummaryImporter Importer;
};

} // namespace sendsync

#endif // SENDSYNC_SUMMARY_SUMMARYINDEX_H
