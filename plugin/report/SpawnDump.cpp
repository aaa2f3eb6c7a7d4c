//===- SpawnDump.cpp - `dump-spawns`: the facts of every spawn site -------===//

#include "SpawnDump.h"
#include "Requirements.h"
#include "SummaryDump.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace sendsync {

namespace {
llvm::StringRef originName(SpawnOrigin O) {
  switch (O) {
  case SpawnOrigin::Builtin:
    return "builtin";
  case SpawnOrigin::Marked:
    return "marked";
  case SpawnOrigin::Inferred:
    return "inferred";
  case SpawnOrigin::Program:
    return "program";
  }
  llvm_unreachable("unknown origin");
}

/// Values are quoted when they contain spaces ('struct job').
std::string value(llvm::StringRef V) {
  if (V.empty())
    return "-";
  if (V.contains(' ') || V.contains('\''))
    return "'" + V.str() + "'";
  return V.str();
}

std::string unquoted(std::string S) {
  if (S.size() >= 2 && S.front() == '\'' && S.back() == '\'')
    return S.substr(1, S.size() - 2);
  return S;
}
llvm::StringRef statusName(ScopeStatus St) {
  switch (St) {
  case ScopeStatus::NotBorrowed:
    return "";
  case ScopeStatus::Scoped:
    return "joined";
  case ScopeStatus::ScopedByHandshake:
    return "handshake";
  case ScopeStatus::ScopedBySignal:
    return "signalled";
  case ScopeStatus::Unscoped:
    return "leaks";
  case ScopeStatus::Detached:
    return "detached";
  case ScopeStatus::NeverJoined:
    return "never-joined";
  case ScopeStatus::UnknownHandle:
    return "unknown";
  }
  llvm_unreachable("unknown scope status");
}

std::string scopeFields(const ScopeFacts &Sc, const SourceManager &SM) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (llvm::StringRef Name = statusName(Sc.Status); !Name.empty())
    OS << " scope=" << Name;
  for (const SpawnerAccess &A : Sc.Accesses) {
    PresumedLoc L = SM.getPresumedLoc(SM.getExpansionLoc(A.At->getExprLoc()));
    OS << " "
       << (A.Kind == AccessKind::Read      ? "read"
           : A.Kind == AccessKind::Free    ? "free"
           : A.Kind == AccessKind::Realloc ? "realloc"
                                           : "write")
       << "@" << (L.isValid() ? L.getLine() : 0);
    if (!A.Held.empty())
      OS << "[" << lockList(A.Held) << "]";
  }
  if (Sc.LocksUnknown)
    OS << " locks=unknown";
  if (Sc.spawnerTouches())
    OS << " touched=yes";
  return Out;
}
} // namespace

std::string dumpSpawns(CheckContext &C) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  const SourceManager &SM = C.Ctx.getSourceManager();
  for (const SpawnSite &S : C.Spawns.sites()) {
    PresumedLoc PL =
        SM.getPresumedLoc(SM.getExpansionLoc(S.Call->getBeginLoc()));
    OS << "spawn "
       << (PL.isValid() ? llvm::sys::path::filename(PL.getFilename()).str() +
                              ":" + std::to_string(PL.getLine()) + ":" +
                              std::to_string(PL.getColumn())
                        : std::string("?"));
    OS << " via=" << S.Call->getDirectCallee()->getName() << "("
       << originName(S.Api->Origin) << ")";
    OS << " entry="
       << (S.EntryFn ? S.EntryFn->getName().str()
           : S.Entry ? value(unquoted(C.Tracer.spell(stripCasts(S.Entry))))
                     : std::string("-"));
    OS << " arg=" << value(unquoted(C.Tracer.spell(stripCasts(S.Arg))));
    OS << " storage=" << storageName(S.Prov.Kind);
    if (S.Prov.Kind == Storage::Field || S.Prov.Kind == Storage::Parameter)
      OS << " kind=" << pointerKindName(S.Prov.Marked);
    if (S.Prov.Object)
      OS << " object=" << S.Prov.Object->getName();
    if (S.Prov.Through)
      OS << " through=" << S.Prov.Through->getName();
    OS << " pointee="
       << (S.Prov.Pointee.isNull() ? std::string("-")
                                   : value(C.Oracle.typeName(S.Prov.Pointee)));
    if (S.Shared)
      OS << " shared=" << (S.SharedByLoop ? "loop" : "sites");
    if (S.Prov.AssumeSend)
      OS << " assume=send";
    if (S.Prov.AssumeSync)
      OS << " assume=sync";
    const ScopeFacts &Sc = C.Scopes.of(S);
    std::optional<Trait> R = requiredTrait(S, Sc);
    OS << " requires=" << (R ? traitName(*R) : llvm::StringRef("nothing"));
    if (S.Handle)
      OS << " handle="
         << (S.Handle == S.Call
                 ? std::string("result")
                 : value(unquoted(C.Tracer.spell(stripCasts(S.Handle)))));
    // Thread scope (ThreadScope.h) last: whether the thread is joined in
    // time, and what the spawner does meanwhile.
    OS << scopeFields(Sc, SM);
    // The thread's side (docs/rules.md §6.1): what the entry does to what
    // it is given, when it does anything.
    if (S.EntryFn && S.EntryFn->getNumParams() > 0)
      if (const FunctionSummary *Sum = C.Summaries.of(S.EntryFn))
        if (!Sum->Params.empty() &&
            (!Sum->Params[0].Uses.empty() || !Sum->Params[0].Signals.empty() ||
             Sum->Params[0].Unknown))
          OS << " thread=" << describeUses(SM, Sum->Params[0], ",");
    OS << "\n";
  }
  return Out;
}

} // namespace sendsync
