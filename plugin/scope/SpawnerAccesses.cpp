//===- SpawnerAccesses.cpp - What the spawner does while the thread runs --===//
//
// docs/rules.md §3.7-§3.9: the part of ScopeWalk that records the spawner's
// accesses to the borrowed or handed-over object on the walk: direct writes
// and reads, writes through local aliases, calls (known library functions
// by what they do, functions of the TU through their summaries), each with
// the part touched and the spawner's lock set there.
//
//===----------------------------------------------------------------------===//

#include "KnownCalls.h"
#include "LockCalls.h"
#include "ScopeWalk.h"

using namespace clang;

namespace sendsync {

namespace {

/// The kind of a direct write (an assignment or an increment).
AccessKind writeKind(const Stmt *St) {
  if (const auto *UO = dyn_cast<UnaryOperator>(St))
    return UO->isIncrementOp() ? AccessKind::Increment : AccessKind::Decrement;
  const auto *BO = cast<BinaryOperator>(St);
  return BO->getOpcode() == BO_Assign ? AccessKind::Assign
                                      : AccessKind::CompoundUpdate;
}

} // namespace

/// Direct writes: the target of an assignment or increment, if St is one.
const Expr *writtenLValue(const Stmt *St) {
  if (const auto *BO = dyn_cast<BinaryOperator>(St))
    if (BO->isAssignmentOp())
      return BO->getLHS();
  if (const auto *UO = dyn_cast<UnaryOperator>(St))
    if (UO->isIncrementDecrementOp())
      return UO->getSubExpr();
  return nullptr;
}

/// Writes through calls.
void ScopeWalk::visitCallArguments(const CallExpr *Call,
                                   const FunctionDecl *Callee) {
  for (unsigned A = 0; A < Call->getNumArgs(); ++A) {
    Place Arg = placeOf(Call->getArg(A));
    if (Arg.Base && reachesObject(Call->getArg(A), Arg) && Call != S.Call)
      visitCallArgument(Call, Callee, A, Arg);
  }
}

/// Whether a call's argument hands it the borrowed object (its address,
/// or the array) or the handed-over heap object.
bool ScopeWalk::reachesObject(const Expr *ArgExpr, const Place &Arg) const {
  return (B.Var && Arg.Base == B.Var && !Arg.ThroughPointer &&
          (stripCasts(ArgExpr)->getType()->isPointerType() ||
           isa<UnaryOperator>(stripCasts(ArgExpr)) ||
           B.Var->getType()->isArrayType())) ||
         (B.HeapPtr && !HeapKilled && Arg.Base == B.HeapPtr);
}

void ScopeWalk::visitCallArgument(const CallExpr *Call,
                                  const FunctionDecl *Callee, unsigned A,
                                  const Place &Arg) {
  // &args.lock, &args.counter (atomic): cooperation, not a write.
  const Expr *Obj = stripCasts(Call->getArg(A));
  if (const auto *UO = dyn_cast<UnaryOperator>(Obj))
    if (UO->getOpcode() == UO_AddrOf)
      Obj = UO->getSubExpr()->IgnoreParens();
  if (C.Oracle.isSyncPart(Obj))
    return;
  // Another element of an array handed out per element.
  if (Sp.Arg.Indexed && Arg.Indexed && Arg.Base == Sp.Arg.Base)
    return;
  bool Heap = B.HeapPtr && Arg.Base == B.HeapPtr;
  if (Heap && A == 0 && (isFree(Callee) || isRealloc(Callee))) {
    record(isFree(Callee) ? AccessKind::Free : AccessKind::Realloc, Call, Arg,
           Callee);
    return;
  }
  if (visitThroughSummary(Call, Callee, A, Arg, Heap))
    return;
  if (A == 0 && writesFirstArgument(Callee)) {
    record(AccessKind::WriteThroughCallee, Call, Arg, Callee);
    return;
  }
  if (!readOnlyParam(Callee, A) && B.Var && Arg.Base == B.Var &&
      !C.Uses.touchesOnlySyncPart(stripCasts(Call->getArg(A)), *Sp.PM) &&
      !isLockAcquire(Callee) && !C.Apis.join(Callee) && !C.Apis.spawn(Callee))
    record(AccessKind::PassAddress, Call, Arg, Callee);
}

/// A function of this file: what its summary says it does to the object
/// (docs/rules.md §6.6). True when the summary decided (known effect).
bool ScopeWalk::visitThroughSummary(const CallExpr *Call,
                                    const FunctionDecl *Callee, unsigned A,
                                    const Place &Arg, bool Heap) {
  const FunctionSummary *Sum = C.Summaries.of(Callee);
  if (!Sum || A >= Sum->Params.size() || Sum->Params[A].Unknown)
    return false;
  std::optional<AccessKind> Ends;
  llvm::SmallVector<Place, 2> Written; // the parts it writes, from here
  for (const ParamUse &U : Sum->Params[A].Uses) {
    if (U.Where.Fields.empty() && !U.Where.Indexed &&
        (U.Kind == UseKind::Free || U.Kind == UseKind::Realloc))
      Ends = U.Kind == UseKind::Free ? AccessKind::Free : AccessKind::Realloc;
    if (U.Kind == UseKind::Read)
      continue;
    Place Part = Arg;
    Part.Fields.append(U.Where.Fields.begin(), U.Where.Fields.end());
    if (!llvm::any_of(Written,
                      [&](const Place &W) { return W.Fields == Part.Fields; }))
      Written.push_back(std::move(Part));
  }
  if (Heap && Ends) {
    record(*Ends, Call, Arg, Callee);
    return true;
  }
  // One write per part the callee writes, so that each is judged against
  // the thread's side on its own (docs/rules.md §6.2).
  for (const Place &Part : Written)
    record(Heap ? AccessKind::WriteThroughCallee : AccessKind::PassAddress,
           Call, Part, Callee);
  return true;
}

void ScopeWalk::visitWrite(const Stmt *St, const Expr *Target) {
  Place T = throughAlias(placeOf(Target));
  if (B.HeapPtr && !HeapKilled && T.Base == B.HeapPtr) {
    if (!T.ThroughPointer && T.Fields.empty() && !T.Indexed)
      HeapKilled = true; // p = ...: a new object from here on
    else if (!C.Oracle.isSyncPart(Target) && !(Sp.Arg.Indexed && T.Indexed) &&
             SeenAccess.insert(St).second)
      record(writeKind(St), cast<Expr>(St), T);
  } else if (B.Var && T.Base == B.Var && !T.ThroughPointer &&
             !(Sp.Arg.Indexed && T.Indexed) && SeenAccess.insert(St).second) {
    if (!C.Oracle.isSyncPart(Target)) {
      record(writeKind(St), cast<Expr>(St), T);
      Facts.Accesses.back().LoopCounter = incrementsSpawnLoop(St, T);
    }
  }
  // `obj->thread = spawn(fn, obj)`: the spawn's own handle, stored in the
  // object it handed over.
  if (!Facts.Accesses.empty() && Facts.Accesses.back().At == St)
    if (const auto *BO = dyn_cast<BinaryOperator>(St))
      Facts.Accesses.back().StoresHandle =
          BO->getOpcode() == BO_Assign && stripCasts(BO->getRHS()) == S.Call;
}

/// A write through a local pointer that stands for an object of the function
/// (`int *q = &x; *q = 1;`, `q->f = 1`) is a write to that object. Only one
/// field deep: `q->next->v` may be another object.
Place ScopeWalk::throughAlias(Place T) const {
  const auto *VD = dyn_cast_or_null<VarDecl>(T.Base);
  if (!VD || !T.ThroughPointer || T.Fields.size() > 1 || T.Indexed)
    return T;
  auto It = Sp.G->StableAliases.find(VD);
  if (It == Sp.G->StableAliases.end())
    return T;
  Place Object = It->second;
  Object.Fields.append(T.Fields.begin(), T.Fields.end());
  return Object;
}

/// St, a write of T, steps the loop the spawn is in: the increment of a for
/// loop, or a write of the whole object anywhere in a while or do loop, its
/// condition included (`while (i < n) { spawn(&i); i++; }`).
bool ScopeWalk::incrementsSpawnLoop(const Stmt *St, const Place &T) const {
  if (!S.Loop)
    return false;
  if (const auto *FS = dyn_cast<ForStmt>(S.Loop))
    return FS->getInc() &&
           (FS->getInc() == St || FS->getInc()->IgnoreParens() == St);
  if (!isa<WhileStmt, DoStmt>(S.Loop) || !T.Fields.empty() || T.Indexed)
    return false;
  for (const Stmt *P = Sp.PM->getParent(St); P; P = Sp.PM->getParent(P))
    if (P == S.Loop)
      return true;
  return false;
}

/// Reads (they make a borrow shared; in strict mode they are uses of a
/// handed-over heap object).
void ScopeWalk::visitRead(const DeclRefExpr *DRE) {
  const ValueDecl *D = DRE->getDecl();
  if ((D == B.Var || (D == B.HeapPtr && !HeapKilled)) &&
      !(Sp.Arg.Indexed && (D == B.Var || subscripted(DRE))) &&
      C.Uses.readsObject(DRE, D == B.HeapPtr, *Sp.PM) &&
      !C.Uses.touchesOnlySyncPart(DRE, *Sp.PM) && SeenAccess.insert(DRE).second)
    record(AccessKind::Read, DRE, readPlace(DRE));
}

/// `p[k]`, `p[k].f`: the heap pointer read to choose an element (docs/rules.md
/// §6.7: with one element per thread, another element is no access).
bool ScopeWalk::subscripted(const DeclRefExpr *DRE) const {
  const Stmt *Cur = DRE;
  for (const Stmt *Up = Sp.PM->getParent(Cur); Up;
       Cur = Up, Up = Sp.PM->getParent(Up)) {
    if (isa<ParenExpr, ImplicitCastExpr>(Up))
      continue;
    const auto *AS = dyn_cast<ArraySubscriptExpr>(Up);
    return AS && AS->getBase() == Cur;
  }
  return false;
}

/// The part a read touches: the fields named after the object (`c.stop`,
/// `p->stop` for the handed-over pointer p), up to the next pointer.
Place ScopeWalk::readPlace(const DeclRefExpr *DRE) const {
  Place P;
  P.Base = DRE->getDecl();
  bool Deref = P.Base != B.HeapPtr; // p itself is not the object, *p is
  const Stmt *Cur = DRE;
  for (const Stmt *Up = Sp.PM->getParent(Cur); Up;
       Cur = Up, Up = Sp.PM->getParent(Up)) {
    if (isa<ParenExpr, ImplicitCastExpr>(Up))
      continue;
    const auto *ME = dyn_cast<MemberExpr>(Up);
    const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!FD || ME->getBase() != Cur || ME->isArrow() == Deref)
      break;
    Deref = true;
    P.Fields.push_back(FD);
  }
  return P;
}

void ScopeWalk::record(AccessKind Kind, const Expr *At, const Place &Part,
                       const FunctionDecl *Callee) {
  SpawnerAccess A;
  A.Kind = Kind;
  A.At = At;
  A.Callee = Callee;
  A.Part.assign(Part.Fields.begin(), Part.Fields.end());
  if (!LocksLoaded) {
    LocksLoaded = true;
    Locks = C.Summaries.locksOf(S.Caller);
    Facts.LocksUnknown = !Locks || Locks->Unknown;
  }
  if (Locks)
    A.Held = Locks->at(At);
  Facts.Accesses.push_back(std::move(A));
}

namespace {

/// The variable that indexes the array element E names (`j` in `t[j]`,
/// `&a[j].buf`, `a[j].id`), if E names one through a plain subscript.
const VarDecl *subscriptVariable(const Expr *E) {
  E = stripCasts(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = stripCasts(UO->getSubExpr());
  while (const auto *ME = dyn_cast<MemberExpr>(E))
    E = stripCasts(ME->getBase());
  const auto *AS = dyn_cast<ArraySubscriptExpr>(E);
  const auto *Idx =
      AS ? dyn_cast<DeclRefExpr>(stripCasts(AS->getIdx())) : nullptr;
  return Idx ? dyn_cast<VarDecl>(Idx->getDecl()) : nullptr;
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *FS = dyn_cast<ForStmt>(Loop))
    return FS->getBody();
  if (const auto *WS = dyn_cast<WhileStmt>(Loop))
    return WS->getBody();
  if (const auto *DS = dyn_cast<DoStmt>(Loop))
    return DS->getBody();
  return nullptr;
}

} // namespace

/// docs/rules.md §6.7: in a batched join loop (`for (j = 0; j < n; j++) {
/// a[j].id = 0; join(t[j]); }`), element j's thread still runs until its
/// join: a write to element j before the join is a write while the thread
/// may run. Writes after it, and to other elements, are not.
void ScopeWalk::visitBatchedJoin(const Stmt *Loop) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(loopBody(Loop));
  if (!Sp.Arg.Indexed || !Body)
    return;
  const VarDecl *Index = nullptr;
  for (const Stmt *J : JoinCalls)
    if (isWithin(Loop, J, *Sp.PM))
      if (const auto *Call = dyn_cast<CallExpr>(J); Call->getNumArgs() > 0)
        Index = subscriptVariable(Call->getArg(0));
  if (!Index)
    return;
  for (const Stmt *Child : Body->body()) {
    if (llvm::any_of(JoinCalls,
                     [&](const Stmt *J) { return isWithin(Child, J, *Sp.PM); }))
      return;
    visitElementWrites(Child, Index);
  }
}

/// The writes to element Index of the lent or handed-over array in St.
void ScopeWalk::visitElementWrites(const Stmt *St, const VarDecl *Index) {
  if (!St)
    return;
  if (const Expr *Target = writtenLValue(St)) {
    Place T = placeOf(Target);
    if ((T.Base == B.Var || (B.HeapPtr && T.Base == B.HeapPtr)) && T.Indexed &&
        subscriptVariable(Target) == Index && !C.Oracle.isSyncPart(Target) &&
        SeenAccess.insert(St).second)
      record(writeKind(St), cast<Expr>(St), T);
  }
  for (const Stmt *Child : St->children())
    visitElementWrites(Child, Index);
}

} // namespace sendsync
