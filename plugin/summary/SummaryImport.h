//===- SummaryImport.h - Summaries of other units, named from this one ----===//
//
// docs/rules.md §6.6: a summary read from the program database names parts,
// locks and parameters by name. Here they become this translation unit's
// declarations: the parameters of FD's declaration here, the fields of the
// records this unit defines (the same headers), the globals it declares.
// What this unit cannot name is left out where that is exact (a lock of
// another unit only: no access here holds it) and made unknown where it is
// not.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SUMMARY_SUMMARYIMPORT_H
#define SENDSYNC_SUMMARY_SUMMARYIMPORT_H

#include "AccessSummary.h"
#include "ProgramFacts.h"
#include "TranslationUnitIndex.h"
#include "llvm/ADT/StringMap.h"

namespace sendsync {

class SummaryImporter {
public:
  SummaryImporter(clang::ASTContext &Ctx, const TranslationUnitIndex &Index)
      : Ctx(Ctx), Index(Index) {}

  /// FD's summary from the database's, with FD's parameters (FD is this
  /// unit's declaration of the function).
  FunctionSummary import(const clang::FunctionDecl *FD,
                         const ExternalSummary &S);

private:
  std::optional<Part> part(const clang::QualType Pointee,
                           const ExternalPart &P);
  std::optional<LockName> lock(const clang::FunctionDecl *FD,
                               const ExternalLock &L);
  LockSet locks(const clang::FunctionDecl *FD,
                const std::vector<ExternalLock> &Ls);
  ParamSummary param(const clang::FunctionDecl *FD, const ExternalParam &P);
  const clang::RecordDecl *recordNamed(llvm::StringRef Name);
  const clang::VarDecl *globalNamed(llvm::StringRef Name) const;
  const clang::FunctionDecl *functionNamed(llvm::StringRef Name) const;

  clang::ASTContext &Ctx;
  const TranslationUnitIndex &Index;
  /// Records by the name the facts give them (`struct job`, a typedef).
  llvm::StringMap<const clang::RecordDecl *> Records;
  bool RecordsIndexed = false;
};

} // namespace sendsync

#endif // SENDSYNC_SUMMARY_SUMMARYIMPORT_H
