//===- SpawnDump.cpp - `dump-spawns`: the facts of every spawn site -------===//

#include "SpawnDump.h"
#include "checks/SpawnTraits.h"
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
    std::optional<Trait> R = requiredTrait(S);
    OS << " requires=" << (R ? traitName(*R) : llvm::StringRef("nothing"));
    if (S.Handle)
      OS << " handle="
         << (S.Handle == S.Call
                 ? std::string("result")
                 : value(unquoted(C.Tracer.spell(stripCasts(S.Handle)))));
    OS << "\n";
  }
  return Out;
}

} // namespace sendsync
