//===- ScopeWalk.cpp - The paths from one spawn to its join ---------------===//

#include "ScopeWalk.h"
#include "BuiltinTypes.h"
#include "KnownCalls.h"
#include "LockCalls.h"
#include "SpawnResult.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace sendsync {

namespace {

/// Whether a loop statement contains one of the calls: the condition block
/// of a join loop counts as the join (the join loop runs as often as the
/// create loop did, the zero-iteration path included).
bool loopContains(const Stmt *Loop,
                  const llvm::SmallVectorImpl<const Stmt *> &Calls,
                  const ParentMap &PM) {
  for (const Stmt *J : Calls)
    for (const Stmt *P = PM.getParent(J); P; P = PM.getParent(P))
      if (P == Loop)
        return true;
  return false;
}

/// The kind of a direct write (an assignment or an increment).
AccessKind writeKind(const Stmt *St) {
  if (const auto *UO = dyn_cast<UnaryOperator>(St))
    return UO->isIncrementOp() ? AccessKind::Increment : AccessKind::Decrement;
  const auto *BO = cast<BinaryOperator>(St);
  return BO->getOpcode() == BO_Assign ? AccessKind::Assign
                                      : AccessKind::CompoundUpdate;
}

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

/// Whether T points to a thread handle (pthread_t *, thrd_t *), through
/// typedefs.
bool pointsToThreadHandle(QualType T) {
  const auto *PT = T->getAs<PointerType>();
  if (!PT)
    return false;
  for (QualType Cur = PT->getPointeeType();
       const auto *TT = Cur->getAs<TypedefType>(); Cur = TT->desugar())
    if (classifyTypedefName(TT->getDecl()->getName()) == BuiltinKind::Handle)
      return true;
  return false;
}

/// Whether Text is a name followed by members and subscripts only (`out`,
/// `w->tid`, `t[i]`), so that `*Text` reads as the object it points to.
bool isPostfixChain(llvm::StringRef Text) {
  std::string Plain = Text.str();
  for (size_t At; (At = Plain.find("->")) != std::string::npos;)
    Plain.replace(At, 2, ".");
  return !Plain.empty() &&
         llvm::StringRef(Plain).find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_."
             "[]") == llvm::StringRef::npos;
}

} // namespace

Borrow findBorrow(const Provenance &Prov, TraitOracle &Oracle) {
  Borrow B;
  if (Prov.borrowsStack()) {
    B.Var = dyn_cast_or_null<VarDecl>(Prov.Object);
    B.DiesAtExit = !B.Var || isa<ParmVarDecl>(B.Var);
  } else if ((Prov.Kind == Storage::Field || Prov.Kind == Storage::Parameter) &&
             Prov.Marked == PointerKind::Borrowed) {
    B.DiesAtExit = true;
  }
  // An object handed over that holds a borrowed pointer needs the thread
  // joined before this function returns (what it borrows lives at least
  // that long, and no longer as far as we know).
  if (Prov.transfers() && !Prov.Pointee.isNull() &&
      !Oracle.judgeStatic(Prov.Pointee).holds())
    B.DiesAtExit = true;
  B.HeapPtr = Prov.transfers() ? Prov.Through : nullptr;
  return B;
}

ScopeFacts ScopeWalk::run() {
  B = findBorrow(S.Prov, C.Oracle);
  if (!B.lifetime() && !B.HeapPtr)
    return std::move(Facts);
  if (decidedWithoutWalk() || !findSpawnInCFG())
    return std::move(Facts);
  setUp();
  collectJoinsAndDetaches();
  walk();
  setFinalStatus();
  return std::move(Facts);
}

/// The spawn waits itself, or the borrow is thread-local: no walk needed.
bool ScopeWalk::decidedWithoutWalk() {
  if (S.Api->WaitsForThread) {
    Facts.Status = ScopeStatus::Scoped;
    return true;
  }
  if (S.Prov.Kind == Storage::ThreadLocal) {
    Facts.Status = ScopeStatus::Unscoped;
    Facts.Leak =
        LeakPath{LeakKind::ThreadLocal, S.Call->getBeginLoc(), nullptr};
    return true;
  }
  return false;
}

bool ScopeWalk::findSpawnInCFG() {
  Sp.G = C.cfgOf(S.Caller);
  if (!Sp.G)
    return false;
  auto Start = Sp.G->Where.find(S.Call);
  if (Start == Sp.G->Where.end())
    return false;
  Sp.At = Start->second;
  Sp.PM = Sp.G->Parents.get();
  return true;
}

/// The handle, the argument, the spawn's result.
void ScopeWalk::setUp() {
  Sp.Handle = C.handlePlace(S, *Sp.PM);
  Sp.Arg = placeOf(S.Arg);
  Sp.Result = resultVariable(S.Call, *Sp.PM);
  // pthread_create and friends return 0 on success; the APIs that return
  // the handle return null on failure.
  Sp.NonZeroIsSuccess = S.Api->HandleReturned;
  nameHandle();
  if (S.Api->NeverJoined && B.lifetime())
    Facts.Status = ScopeStatus::NeverJoined;
}

/// The handle as the messages name it.
void ScopeWalk::nameHandle() {
  Facts.HasHandle = S.Handle != nullptr;
  if (!Sp.Handle.Base)
    return;
  Facts.HandleText = Sp.Handle.Base->getNameAsString();
  // As written, without the & (`&w->tid` is joined as 'w->tid').
  if (!S.Handle || S.Handle == S.Call)
    return;
  const Expr *H = stripCasts(S.Handle);
  bool Pointer = true; // H points to the handle (`out` for `*out`)
  if (const auto *UO = dyn_cast<UnaryOperator>(H);
      UO && UO->getOpcode() == UO_AddrOf) {
    H = UO->getSubExpr()->IgnoreParens();
    Pointer = false;
  }
  llvm::StringRef Text =
      Lexer::getSourceText(CharSourceRange::getTokenRange(H->getSourceRange()),
                           C.Ctx.getSourceManager(), C.Ctx.getLangOpts());
  if (Text.empty() || Text.size() > 40 || Text.contains('\n'))
    return;
  Facts.HandleText = Text.str();
  // A pthread_t * the handle is written through (a parameter `out`): the
  // handle is `*out`. A pool pointer is the handle itself.
  if (Pointer && pointsToThreadHandle(H->getType()))
    Facts.HandleText =
        isPostfixChain(Text) ? "*" + Text.str() : "*(" + Text.str() + ")";
}

/// Joins of this handle inside the function (for the loop idiom) and
/// detaches of it, by pthread_detach or by the attributes it was created
/// with.
void ScopeWalk::collectJoinsAndDetaches() {
  Place Attr;
  if (const Expr *A = createAttributes(S.Call))
    Attr = placeOf(A);
  for (const CallExpr *Call : Sp.G->ScopeCalls) {
    if (Sp.handleKnown())
      collectJoinOrDetach(Call);
    if (Attr.Base)
      if (const Expr *A = detachedAttributes(Call, C.Ctx);
          A && placeOf(A).sameObject(Attr) && B.lifetime())
        detach(Call);
  }
}

void ScopeWalk::collectJoinOrDetach(const CallExpr *Call) {
  if (std::optional<JoinedPlace> J =
          C.joinedPlace(Call, Policy.AcceptHandshakes)) {
    if (J->Of.sameObject(Sp.Handle) && !J->IsHandshake)
      JoinCalls.push_back(Call);
    if (J->IsHandshake && B.Var && J->Of.Base == B.Var)
      HandshakeCalls.push_back(Call);
  }
  if (B.lifetime() && C.Apis.isDetach(Call->getDirectCallee()) &&
      Call->getNumArgs() > 0 && placeOf(Call->getArg(0)).sameObject(Sp.Handle))
    detach(Call);
}

void ScopeWalk::detach(const CallExpr *Call) {
  Facts.Status = ScopeStatus::Detached;
  Facts.DetachLoc = Call->getBeginLoc();
}

/// Walk forward from the spawn until joins.
void ScopeWalk::walk() {
  Work.push_back({Sp.At.first, Sp.At.second + 1});
  while (!Work.empty()) {
    Item It = Work.back();
    Work.pop_back();
    if (It.From == 0 && !Done.insert(It.Block).second)
      continue;
    if (It.From == 0 && isJoinLoop(It.Block))
      continue;
    const ReturnStmt *Ret = nullptr;
    if (visitElements(It.Block, It.From, Ret))
      followSuccessors(It.Block, Ret);
  }
}

bool ScopeWalk::isJoinLoop(const CFGBlock *Block) {
  const Stmt *Term = Block->getTerminatorStmt();
  if (!isLoop(Term) || Term == S.Loop)
    return false;
  // The condition block of a join loop counts as the join.
  if (Sp.handleKnown() && loopContains(Term, JoinCalls, *Sp.PM))
    return true;
  // Likewise a predicate loop around a handshake wait
  // (while (!ready) pthread_cond_wait(&a.cond, &a.lock)).
  if (Policy.AcceptHandshakes && loopContains(Term, HandshakeCalls, *Sp.PM)) {
    ByHandshake = true;
    return true;
  }
  return false;
}

/// Visits the block's elements from From on; false when the path ends in it
/// (a join, or a leak). Ret is the return statement met on the way.
bool ScopeWalk::visitElements(const CFGBlock *Block, unsigned From,
                              const ReturnStmt *&Ret) {
  for (unsigned K = From; K < Block->size(); ++K) {
    CFGElement E = (*Block)[K];
    if (std::optional<CFGLifetimeEnds> LE = E.getAs<CFGLifetimeEnds>()) {
      if (visitLifetimeEnd(*LE, Block, Ret))
        return false;
      continue;
    }
    std::optional<CFGStmt> CS = E.getAs<CFGStmt>();
    if (CS && visitStmt(CS->getStmt(), Ret))
      return false;
  }
  return true;
}

/// True when the borrowed variable dies here (the path ends).
bool ScopeWalk::visitLifetimeEnd(const CFGLifetimeEnds &LE,
                                 const CFGBlock *Block, const ReturnStmt *Ret) {
  if (B.HeapPtr && LE.getVarDecl() == B.HeapPtr)
    HeapKilled = true; // the pointer is gone; a new one may follow
  if (!B.Var || LE.getVarDecl() != B.Var)
    return false;
  const Stmt *Term = Block->getTerminatorStmt();
  if (isErrorReturn(Ret))
    ; // an error path: not judged in default mode
  else if (Ret)
    leak(LeakKind::Return, Ret->getBeginLoc());
  else if (Term && isa<BreakStmt, ContinueStmt, GotoStmt>(Term))
    leak(isa<BreakStmt>(Term)      ? LeakKind::Break
         : isa<ContinueStmt>(Term) ? LeakKind::Continue
                                   : LeakKind::Goto,
         Term->getBeginLoc());
  else
    leak(LeakKind::EndOfBlock,
         LE.getTriggerStmt() ? LE.getTriggerStmt()->getEndLoc()
                             : S.Call->getBeginLoc(),
         B.Var);
  return true;
}

/// True when the path ends at St (a join).
bool ScopeWalk::visitStmt(const Stmt *St, const ReturnStmt *&Ret) {
  if (const auto *RS = dyn_cast<ReturnStmt>(St))
    Ret = RS;
  if (const auto *DS = dyn_cast<DeclStmt>(St))
    if (B.HeapPtr && llvm::is_contained(DS->decls(), B.HeapPtr))
      HeapKilled = true; // declared anew: a new object
  if (const auto *Call = dyn_cast<CallExpr>(St))
    return visitCall(Call);
  if (const Expr *Target = writtenLValue(St))
    visitWrite(St, Target);
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(St))
    visitRead(DRE);
  return false;
}

/// True when the path ends at the call (a join, a handshake, a longjmp).
bool ScopeWalk::visitCall(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  std::optional<JoinedPlace> J =
      Sp.handleKnown() ? C.joinedPlace(Call, Policy.AcceptHandshakes)
                       : std::nullopt;
  if (J && !J->IsHandshake && J->Of.sameObject(Sp.Handle))
    return true;
  // A handshake on a sync object the thread got with its argument.
  if (J && J->IsHandshake && B.Var && J->Of.Base == B.Var) {
    ByHandshake = true;
    return true;
  }
  noteUnacceptedHandshake(Call);
  if (isLongjmp(Callee) && B.lifetime()) {
    leak(LeakKind::Longjmp, Call->getBeginLoc(), Callee);
    return true;
  }
  visitCallArguments(Call, Callee);
  return false;
}

/// Strict mode: a handshake wait on the borrowed object, seen but not
/// accepted as a join, is worth a note.
void ScopeWalk::noteUnacceptedHandshake(const CallExpr *Call) {
  if (Policy.AcceptHandshakes || !B.Var)
    return;
  if (std::optional<JoinedPlace> W = C.joinedPlace(Call, true))
    if (W->IsHandshake && W->Of.Base == B.Var)
      Facts.SawHandshake = true;
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
    else if (!C.Oracle.isSyncPart(Target) && SeenAccess.insert(St).second)
      record(writeKind(St), cast<Expr>(St), T);
  } else if (B.Var && T.Base == B.Var && !T.ThroughPointer &&
             !(Sp.Arg.Indexed && T.Indexed) && SeenAccess.insert(St).second) {
    if (!C.Oracle.isSyncPart(Target)) {
      record(writeKind(St), cast<Expr>(St), T);
      Facts.Accesses.back().LoopCounter = incrementsSpawnLoop(St, T);
    }
  }
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
      !(Sp.Arg.Indexed && D == B.Var) &&
      C.Uses.readsObject(DRE, D == B.HeapPtr, *Sp.PM) &&
      !C.Uses.touchesOnlySyncPart(DRE, *Sp.PM) && SeenAccess.insert(DRE).second)
    record(AccessKind::Read, DRE, readPlace(DRE));
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

/// Queues the block's successors, except the branch taken when the thread
/// was not created (or, in default mode, a thread API failed); reaching the
/// exit leaks what dies there.
void ScopeWalk::followSuccessors(const CFGBlock *Block, const ReturnStmt *Ret) {
  std::optional<unsigned> FailureSucc = failureSuccessor(Block);
  unsigned SuccIndex = 0;
  for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
    const CFGBlock *N = Succ.getReachableBlock();
    if (FailureSucc && SuccIndex++ == *FailureSucc)
      continue;
    if (!N)
      continue;
    if (N == &Sp.G->Graph->getExit()) {
      // The exit block: a return (or the end of the function).
      if (B.DiesAtExit && !Block->hasNoReturnElement() && !isErrorReturn(Ret))
        leak(Ret ? LeakKind::Return : LeakKind::FunctionEnd,
             Ret ? Ret->getBeginLoc() : S.Caller->getBodyRBrace());
      continue;
    }
    Work.push_back({N, 0});
  }
}

std::optional<unsigned>
ScopeWalk::failureSuccessor(const CFGBlock *Block) const {
  // The branch taken when the thread was not created starts nothing.
  if (Block->succ_size() == 2)
    if (std::optional<bool> NonZeroTrue =
            testsResult(dyn_cast_or_null<Expr>(Block->getTerminatorCondition()),
                        S.Call, Sp.Result, C.Ctx))
      return (*NonZeroTrue == Sp.NonZeroIsSuccess) ? 1u : 0u;
  if (Policy.SkipErrorPaths)
    return threadApiFailureSucc(Block, C.Ctx);
  return std::nullopt;
}

// Default mode does not judge error paths: returning an error code (a
// non-zero constant) usually ends the program or is followed by the
// caller's cleanup. Strict mode judges them.
bool ScopeWalk::isErrorReturn(const ReturnStmt *R) const {
  Expr::EvalResult V;
  return Policy.SkipErrorPaths && R && R->getRetValue() &&
         R->getRetValue()->getType()->isIntegerType() &&
         R->getRetValue()->EvaluateAsInt(V, C.Ctx) && V.Val.getInt() != 0;
}

/// The first path found that leaves without joining is the one reported.
void ScopeWalk::leak(LeakKind Kind, SourceLocation Loc,
                     const NamedDecl *Subject) {
  if (!Facts.Leak)
    Facts.Leak = LeakPath{Kind, Loc, Subject};
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

void ScopeWalk::setFinalStatus() {
  if (!B.lifetime())
    return;
  if (Facts.Status == ScopeStatus::Detached ||
      Facts.Status == ScopeStatus::NeverJoined)
    return;
  if (!Sp.handleKnown()) {
    Facts.Status = ScopeStatus::UnknownHandle;
    return;
  }
  if (Facts.Leak)
    Facts.Status = ScopeStatus::Unscoped;
  else
    Facts.Status =
        ByHandshake ? ScopeStatus::ScopedByHandshake : ScopeStatus::Scoped;
}

} // namespace sendsync
