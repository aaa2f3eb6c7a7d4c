//===- SummaryDump.cpp - `dump-summaries`: what functions do to pointees --===//
//
// Format, one line per pointer parameter:
//   summary <function> locks: acquires=<locks> releases=<locks> [unknown]
//   summary <function> <parameter>: <use> <use> ...
// where a use is <kind>:<part>@<line>, followed by [<lock>,...] when locks
// are held, then the signals: signal:<part>@<line> or barrier:<part>@<line>
// (the part is global:<name> for a global sync object, <function>() for a
// barrier-like function of the program),
// with +used@<line> when the pointee is touched after it; the line ends
// with unknown@<line> when the pointer reaches a
// function whose effect is unknown. A part is '*' (the whole object) or its
// fields joined by '.', with '[]' when an element is chosen on the way.
//
//===----------------------------------------------------------------------===//

#include "SummaryDump.h"
#include "AstHelpers.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace sendsync {

llvm::StringRef useKindName(UseKind K) {
  switch (K) {
  case UseKind::Read:
    return "read";
  case UseKind::Write:
    return "write";
  case UseKind::Free:
    return "free";
  case UseKind::Realloc:
    return "realloc";
  }
  llvm_unreachable("unknown use kind");
}

namespace {

std::string partName(const Part &P) {
  std::string Out = P.Fields.empty() ? "*" : fieldPathText(P.Fields);
  if (P.Indexed)
    Out += "[]";
  return Out;
}

std::string lockName(const LockName &L) {
  std::string Base = L.Base ? L.Base->getName().str() : "?";
  if (L.Fields.empty())
    return L.InPointee ? "*" + Base : Base;
  return Base + (L.InPointee ? "->" : ".") + fieldPathText(L.Fields);
}

unsigned lineOf(const SourceManager &SM, const Expr *E) {
  if (!E)
    return 0;
  PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(E->getExprLoc()));
  return PL.isValid() ? PL.getLine() : 0;
}

void printParam(llvm::raw_ostream &OS, const SourceManager &SM,
                const ParamSummary &P) {
  if (P.Uses.empty() && P.Signals.empty() && !P.Unknown) {
    OS << " none";
    return;
  }
  OS << " " << describeUses(SM, P, " ");
}

} // namespace

std::string describeUses(const SourceManager &SM, const ParamSummary &P,
                         llvm::StringRef Separator) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  bool First = true;
  for (const ParamUse &U : P.Uses) {
    OS << (First ? "" : Separator) << useKindName(U.Kind) << ":"
       << partName(U.Where) << "@" << lineOf(SM, U.At);
    First = false;
    if (!U.Held.empty())
      OS << "[" << lockList(U.Held) << "]";
  }
  // signal:done@12, barrier:meet@20, and +used@14 when the object is
  // touched after it (docs/rules.md §6.3).
  for (const ParamSignal &Sig : P.Signals) {
    OS << (First ? "" : Separator)
       << (Sig.Kind == SyncOp::Rendezvous ? "barrier:" : "signal:");
    if (Sig.Opaque)
      OS << Sig.Opaque->getName() << "()";
    else if (Sig.Global)
      OS << "global:" << Sig.Global->getName()
         << (Sig.Object.Fields.empty() ? "" : ".")
         << (Sig.Object.Fields.empty() ? "" : partName(Sig.Object));
    else
      OS << partName(Sig.Object);
    OS << "@" << lineOf(SM, Sig.At);
    if (Sig.UsedAfter)
      OS << "+used@" << lineOf(SM, Sig.UsedAfter);
    First = false;
  }
  if (P.Unknown)
    OS << (First ? "" : Separator) << "unknown@" << lineOf(SM, P.UnknownAt);
  return Out;
}

std::string lockList(const LockSet &Locks) {
  std::string Out;
  for (const LockName &L : Locks)
    Out += (Out.empty() ? "" : ",") + lockName(L);
  return Out;
}

namespace {

/// summary <function> locks: acquires=<locks> releases=<locks> [unknown]
void printLocks(llvm::raw_ostream &OS, const FunctionDecl *FD,
                const FunctionSummary &S) {
  if (S.Acquires.empty() && S.Releases.empty() && !S.LocksUnknown)
    return;
  OS << "summary " << FD->getName() << " locks:";
  if (!S.Acquires.empty())
    OS << " acquires=" << lockList(S.Acquires);
  if (!S.Releases.empty())
    OS << " releases=" << lockList(S.Releases);
  if (S.LocksUnknown)
    OS << " unknown";
  OS << "\n";
}

} // namespace

std::string dumpSummaries(ASTContext &Ctx, const TranslationUnitIndex &Index,
                          SummaryIndex &Summaries) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *FD : Index.FunctionDefs) {
    if (!SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())) ||
        !FD->getIdentifier())
      continue;
    const FunctionSummary *S = Summaries.of(FD);
    if (!S)
      continue;
    printLocks(OS, FD, *S);
    for (unsigned I = 0; I < FD->getNumParams() && I < S->Params.size(); ++I) {
      const ParmVarDecl *PVD = FD->getParamDecl(I);
      if (!PVD->getType()->isPointerType())
        continue;
      OS << "summary " << FD->getName() << " "
         << (PVD->getIdentifier() ? PVD->getName() : llvm::StringRef("?"))
         << ":";
      printParam(OS, SM, S->Params[I]);
      OS << "\n";
    }
  }
  return Out;
}

} // namespace sendsync
