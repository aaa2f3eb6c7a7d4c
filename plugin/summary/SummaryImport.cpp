//===- SummaryImport.cpp - Summaries of other units, named from this one --===//

#include "SummaryImport.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Type.h"

using namespace clang;

namespace sendsync {

namespace {

UseKind useKind(ExternalUseKind K) {
  switch (K) {
  case ExternalUseKind::Read:
    return UseKind::Read;
  case ExternalUseKind::Write:
    return UseKind::Write;
  case ExternalUseKind::Free:
    return UseKind::Free;
  case ExternalUseKind::Realloc:
    return UseKind::Realloc;
  }
  return UseKind::Write;
}

SyncOp syncOp(ExternalSignalKind K) {
  switch (K) {
  case ExternalSignalKind::Signal:
    return SyncOp::Signal;
  case ExternalSignalKind::Wait:
    return SyncOp::Wait;
  case ExternalSignalKind::Barrier:
    return SyncOp::Rendezvous;
  }
  return SyncOp::Signal;
}

/// The record a value of type T is, looking through arrays.
const RecordDecl *recordOf(QualType T) {
  const Type *Ty = T.isNull() ? nullptr : T->getBaseElementTypeUnsafe();
  const RecordDecl *RD = Ty ? Ty->getAsRecordDecl() : nullptr;
  return RD ? RD->getDefinition() : nullptr;
}

/// `struct job`, `union u`, or the typedef that names an anonymous record:
/// the names the facts writer gives (docs/facts.md, "A part").
std::string recordName(const RecordDecl *RD) {
  if (RD->getIdentifier())
    return (RD->getKindName() + " " + RD->getName()).str();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName().str();
  return "";
}

} // namespace

const RecordDecl *SummaryImporter::recordNamed(llvm::StringRef Name) {
  if (!RecordsIndexed) {
    RecordsIndexed = true;
    for (const RecordDecl *RD : Index.Records)
      if (const RecordDecl *Def = RD->getDefinition())
        if (std::string N = recordName(Def); !N.empty())
          Records.try_emplace(N, Def);
    for (const TypedefNameDecl *TD : Index.Typedefs)
      if (const RecordDecl *RD = recordOf(TD->getUnderlyingType()))
        Records.try_emplace(TD->getName(), RD);
  }
  auto It = Records.find(Name);
  return It == Records.end() ? nullptr : It->second;
}

const VarDecl *SummaryImporter::globalNamed(llvm::StringRef Name) const {
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (VD->hasExternalFormalLinkage())
        return VD->getCanonicalDecl();
  return nullptr;
}

const FunctionDecl *SummaryImporter::functionNamed(llvm::StringRef Name) const {
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      return FD->getCanonicalDecl();
  return nullptr;
}

/// The fields named by P, from a pointee of type Pointee (or from the record
/// P names). A field this unit's record does not have ends the path there:
/// the prefix overlaps everything the full path does.
std::optional<Part> SummaryImporter::part(QualType Pointee,
                                          const ExternalPart &P) {
  Part Out;
  Out.Indexed = P.Indexed;
  if (P.Fields.empty())
    return Out;
  const RecordDecl *RD =
      P.Record.empty() ? recordOf(Pointee) : recordNamed(P.Record);
  for (const std::string &Name : P.Fields) {
    if (!RD)
      break;
    const FieldDecl *Found = nullptr;
    for (const FieldDecl *F : RD->fields())
      if (F->getName() == Name) {
        Found = F;
        break;
      }
    if (!Found)
      break;
    Out.Fields.push_back(Found);
    RD = recordOf(Found->getType());
  }
  return Out;
}

/// A lock as this unit names it; none for a lock only the other unit can
/// name (a static global, a local): no access made here holds it.
std::optional<LockName> SummaryImporter::lock(const FunctionDecl *FD,
                                              const ExternalLock &L) {
  LockName Out;
  QualType Base;
  switch (L.Kind) {
  case ExternalLockKind::Local:
    return std::nullopt;
  case ExternalLockKind::Global: {
    const VarDecl *VD = L.Static ? nullptr : globalNamed(L.Global);
    if (!VD)
      return std::nullopt;
    Out.Base = VD;
    Base = VD->getType();
    break;
  }
  case ExternalLockKind::Param:
    if (L.Param >= FD->getNumParams())
      return std::nullopt;
    Out.Base = FD->getParamDecl(L.Param);
    Out.InPointee = L.InPointee;
    Base = Out.Base->getType();
    if (L.InPointee && Base->isPointerType())
      Base = Base->getPointeeType();
    break;
  }
  std::optional<Part> Fields = part(Base, L.Part);
  if (!Fields || Fields->Fields.size() != L.Part.Fields.size())
    return std::nullopt; // not the same lock as any this unit names
  Out.Fields = Fields->Fields;
  return Out;
}

LockSet SummaryImporter::locks(const FunctionDecl *FD,
                               const std::vector<ExternalLock> &Ls) {
  LockSet Out;
  for (const ExternalLock &L : Ls)
    if (std::optional<LockName> Mine = lock(FD, L))
      Out.push_back(std::move(*Mine));
  return Out;
}

ParamSummary SummaryImporter::param(const FunctionDecl *FD,
                                    const ExternalParam &P) {
  ParamSummary Out;
  QualType Pointee;
  if (P.Index < FD->getNumParams() &&
      FD->getParamDecl(P.Index)->getType()->isPointerType())
    Pointee = FD->getParamDecl(P.Index)->getType()->getPointeeType();
  for (const ExternalUse &U : P.Uses) {
    ParamUse Mine;
    Mine.Kind = useKind(U.Kind);
    Mine.Where = *part(Pointee, U.Part);
    Mine.Held = locks(FD, U.Locks);
    Mine.External = U.At;
    Out.Uses.push_back(std::move(Mine));
  }
  for (const ExternalSignal &S : P.Signals) {
    // A signal after which the thread still uses the object ends nothing;
    // one on an object this unit cannot name cannot meet its wait.
    if (S.UsedAfter)
      continue;
    ParamSignal Mine;
    Mine.Kind = syncOp(S.Kind);
    Mine.External = S.At;
    if (!S.Global.empty()) {
      Mine.Global = globalNamed(S.Global);
      if (!Mine.Global)
        continue;
      Mine.Object = *part(Mine.Global->getType(), S.Part);
    } else if (!S.Function.empty()) {
      Mine.Opaque = functionNamed(S.Function);
      if (!Mine.Opaque)
        continue;
    } else {
      Mine.Object = *part(Pointee, S.Part);
    }
    Out.Signals.push_back(std::move(Mine));
  }
  Out.Unknown = P.Unknown;
  Out.UnknownExternal = P.UnknownAt;
  return Out;
}

FunctionSummary SummaryImporter::import(const FunctionDecl *FD,
                                        const ExternalSummary &S) {
  FunctionSummary Out;
  Out.Imported = true;
  // One entry per parameter, as FunctionWalk makes them.
  Out.Params.resize(FD->getNumParams());
  for (const ExternalParam &P : S.Params)
    if (P.Index < Out.Params.size())
      Out.Params[P.Index] = param(FD, P);
  Out.Acquires = locks(FD, S.Acquires);
  Out.Releases = locks(FD, S.Releases);
  Out.LocksUnknown = S.LocksUnknown;
  for (ParamSummary &P : Out.Params)
    for (const ParamSignal &Sig : P.Signals)
      if (Sig.Global || Sig.Opaque)
        Out.Unrooted.push_back(Sig);
  return Out;
}

} // namespace sendsync
