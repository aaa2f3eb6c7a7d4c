//===- ThreadSide.cpp - What the thread does with what it is given --------===//

#include "ThreadSide.h"
#include "AstHelpers.h"
#include "Places.h"

using namespace clang;

namespace sendsync {

std::optional<ThreadSide> threadSide(CheckContext &C, const SpawnSite &S) {
  // The entry's summary: its own, or another unit's from the program
  // database.
  if (!S.EntryDecl || S.EntryDecl->getNumParams() == 0)
    return std::nullopt;
  const FunctionSummary *Sum = C.Summaries.of(S.EntryDecl);
  if (!Sum || Sum->Params.empty() || Sum->Params[0].Unknown ||
      Sum->LocksUnknown)
    return std::nullopt;
  return ThreadSide{C.Summaries.summarised(S.EntryDecl), &Sum->Params[0]};
}

const ParamUse *threadEndsObject(const ThreadSide &T) {
  for (const ParamUse &U : T.Uses->Uses)
    if (U.Where.Fields.empty() && !U.Where.Indexed &&
        (U.Kind == UseKind::Free || U.Kind == UseKind::Realloc))
      return &U;
  return nullptr;
}

/// The source text of E without the quotes spellExpr puts around it.
static std::string textOf(CheckContext &C, const Expr *E) {
  std::string T = spellExpr(C.Ctx, E);
  if (T.size() >= 2 && T.front() == '\'' && T.back() == '\'')
    return T.substr(1, T.size() - 2);
  return "";
}

/// The racing part as the user writes it, from the spawn's argument: 'total'
/// for &total, 's.hits' for &s, 'slots[0].result' for &slots[0].result,
/// 'p->count' for p, '*p' for the whole of what p points to.
std::string partName(CheckContext &C, const SpawnSite &S, const Part &P) {
  std::string Path = fieldPathText(P.Fields);
  const Expr *Arg = stripCasts(S.Arg);
  std::string Object;
  bool ThroughPointer = true;
  if (const auto *UO = dyn_cast<UnaryOperator>(Arg);
      UO && UO->getOpcode() == UO_AddrOf) {
    Object = textOf(C, UO->getSubExpr());
    ThroughPointer = false;
  } else {
    Object = textOf(C, Arg);
  }
  if (Object.empty())
    return Path.empty() ? "the object handed over"
                        : "'" + Path + "' of the object handed over";
  if (!ThroughPointer)
    return "'" + Object + (Path.empty() ? "" : "." + Path) + "'";
  return Path.empty() ? "'*" + Object + "'" : "'" + Object + "->" + Path + "'";
}

/// The locks held at an access, named as the spawner sees them: a lock in
/// the handed-over object by the object's part ('s.mu'), a global by its
/// name.
std::string heldText(CheckContext &C, const SpawnSite &S, const ParamUse &U) {
  if (U.Held.empty())
    return "holding no lock";
  std::string Out;
  for (const LockName &L : U.Held) {
    std::string Name;
    if (L.InPointee) {
      Part P;
      P.Fields = L.Fields;
      Name = partName(C, S, P);
    } else {
      Name = "'" + (L.Base ? L.Base->getName().str() : std::string("?"));
      if (!L.Fields.empty())
        Name += "." + fieldPathText(L.Fields);
      Name += "'";
    }
    Out += (Out.empty() ? "" : ", ") + Name;
  }
  return "holding " + Out;
}

const ParamUse *threadTouches(const ThreadSide &T, const Part &SpawnerPart,
                              const Part &ArgPart) {
  for (const ParamUse &U : T.Uses->Uses)
    if (U.Where.below(ArgPart).overlaps(SpawnerPart))
      return &U;
  return nullptr;
}

/// A lock the thread holds, named as the spawner names it: a lock in the
/// thread's argument is that part of the object the spawn hands over
/// (`arg->mu` for `&c` is `c.mu`); a global is itself.
static LockName spawnerNameOf(const SpawnSite &S, const ThreadSide &T,
                              const LockName &L) {
  if (!L.InPointee)
    return L;
  LockName Mine;
  if (L.Base != T.Entry->getParamDecl(0))
    return Mine; // in another parameter's pointee: names nothing here
  Place Arg = placeOf(S.Arg);
  Mine.Base = Arg.Base;
  Mine.Fields = Arg.Fields;
  Mine.Fields.append(L.Fields.begin(), L.Fields.end());
  return Mine;
}

static bool holdCommonLock(const SpawnSite &S, const ThreadSide &T,
                           const ParamUse &U, const SpawnerAccess &A) {
  for (const LockName &L : U.Held)
    if (LockName Mine = spawnerNameOf(S, T, L); Mine.Base)
      for (const LockName &M : A.Held)
        if (sameLock(Mine, M))
          return true;
  return false;
}

const ParamUse *threadConflict(const SpawnSite &S, const ThreadSide &T,
                               const SpawnerAccess &A) {
  Part ArgPart;
  ArgPart.Fields = placeOf(S.Arg).Fields;
  Part Touched;
  Touched.Fields.assign(A.Part.begin(), A.Part.end());
  for (const ParamUse &U : T.Uses->Uses)
    if (U.Where.below(ArgPart).overlaps(Touched) &&
        (isWrite(A.Kind) || U.Kind != UseKind::Read) &&
        !holdCommonLock(S, T, U, A))
      return &U;
  return nullptr;
}

std::string spawnerHeldText(const SpawnerAccess &A) {
  if (A.Held.empty())
    return "holding no lock";
  std::string Out;
  for (const LockName &L : A.Held) {
    std::string Name = L.Base ? L.Base->getName().str() : "?";
    for (size_t I = 0; I < L.Fields.size(); ++I)
      Name +=
          (I == 0 && L.InPointee ? "->" : ".") + L.Fields[I]->getName().str();
    Out += (Out.empty() ? "'" : ", '") + Name + "'";
  }
  return "holding " + Out;
}

std::string threadAccessNote(CheckContext &C, const SpawnSite &S,
                             const ParamUse &U) {
  return std::string("the thread ") +
         (U.Kind == UseKind::Read ? "reads" : "writes") + " it here, " +
         heldText(C, S, U);
}

} // namespace sendsync
