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
  return llvm::any_of(
      Calls, [&](const Stmt *J) { return J != Loop && isWithin(Loop, J, PM); });
}

/// Whether T points to a thread handle (pthread_t *, thrd_t *), through
/// typedefs.
bool pointsToThreadHandle(QualType T) {
  const auto *PT = T->getAs<PointerType>();
  return PT && typedefChainIs(PT->getPointeeType(), [](BuiltinKind K) {
           return K == BuiltinKind::Handle;
         });
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
  readThreadSide();
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
    collectJoinOrDetach(Call);
    if (Attr.Base)
      if (const Expr *A = detachedAttributes(Call, C.Ctx);
          A && placeOf(A).sameObject(Attr) && B.lifetime())
        detach(Call);
  }
}

void ScopeWalk::collectJoinOrDetach(const CallExpr *Call) {
  if (std::optional<JoinedPlace> J = C.joinedPlace(Call, false))
    if (J->Of.sameObject(Sp.Handle))
      JoinCalls.push_back(Call);
  switch (waitKind(Call)) {
  case WaitKind::Signalled:
    SignalWaits.push_back(Call);
    break;
  case WaitKind::Fixed:
    HandshakeCalls.push_back(Call);
    break;
  case WaitKind::None:
    break;
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
  if (Sp.handleKnown() && loopContains(Term, JoinCalls, *Sp.PM)) {
    visitBatchedJoin(Term);
    return true;
  }
  // Likewise a predicate loop around a handshake wait
  // (while (!ready) pthread_cond_wait(&a.cond, &a.lock)).
  if (loopContains(Term, SignalWaits, *Sp.PM)) {
    BySignal = true;
    return true;
  }
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
  if (Ret && endsProcess())
    ; // return from main: the process ends
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
      Sp.handleKnown() ? C.joinedPlace(Call, false) : std::nullopt;
  if (J && J->Of.sameObject(Sp.Handle))
    return true;
  // A wait on a sync object the thread got with its argument.
  switch (waitKind(Call)) {
  case WaitKind::Signalled:
    BySignal = true;
    return true;
  case WaitKind::Fixed:
    if (Sp.handleKnown()) {
      ByHandshake = true;
      return true;
    }
    break;
  case WaitKind::None:
    break;
  }
  noteUnacceptedHandshake(Call);
  if (isLongjmp(Callee) && B.lifetime()) {
    leak(LeakKind::Longjmp, Call->getBeginLoc(), Callee);
    return true;
  }
  visitCallArguments(Call, Callee);
  return false;
}

/// The thread's side (docs/rules.md §6.1): whether it is known, whether it
/// touches the object at all, and the sync objects it signals with nothing
/// of the object touched afterwards, named as the spawner names them.
void ScopeWalk::readThreadSide() {
  if (!S.EntryDecl || S.EntryDecl->getNumParams() == 0)
    return;
  const FunctionSummary *Sum = C.Summaries.of(S.EntryDecl);
  if (!Sum || Sum->Params.empty() || Sum->Params[0].Unknown ||
      Sum->LocksUnknown)
    return;
  ThreadKnown = true;
  ThreadTouches = !Sum->Params[0].Uses.empty();
  for (const ParamSignal &Sig : Sum->Params[0].Signals) {
    Place Object = Sp.Arg;
    if (Sig.Global) {
      Object = Place();
      Object.Base = Sig.Global;
    }
    Object.Fields.append(Sig.Object.Fields.begin(), Sig.Object.Fields.end());
    if (Object.Base || Sig.Opaque)
      ThreadSignals.push_back({Object, &Sig});
  }
}

/// A wait on what the thread signals last ends the borrow in both modes
/// (docs/rules.md §6.3); the fixed shape of §3.4 counts in the default mode
/// only where the thread's side is unknown or never touches the object.
WaitKind ScopeWalk::waitKind(const CallExpr *Call) {
  if (std::optional<WaitKind> K = opaqueWait(Call))
    return *K;
  std::optional<SyncOp> Op = syncOpOf(Call->getDirectCallee());
  if (Op && *Op != SyncOp::Signal && Call->getNumArgs() > 0) {
    Place W = resolveAlias(placeOf(Call->getArg(0)));
    for (const ThreadSignal &T : ThreadSignals) {
      if (!T.Object.sameObject(W))
        continue;
      if (!T.Sig->UsedAfter)
        return WaitKind::Signalled;
      if (!Facts.LateSignal) {
        Facts.LateSignal = T.Sig->At;
        Facts.UsedAfterSignal = T.Sig->UsedAfter;
      }
    }
  }
  if ((ThreadKnown && ThreadTouches) || !Policy.AcceptHandshakes || !B.Var)
    return WaitKind::None;
  std::optional<JoinedPlace> J = C.joinedPlace(Call, true);
  return J && J->IsHandshake && J->Of.Base == B.Var ? WaitKind::Fixed
                                                    : WaitKind::None;
}

/// A call of the barrier-like function of the program that the thread calls
/// last (docs/rules.md §6.3): it may be the other side of the thread's
/// signal, which cannot be proven; the default mode accepts it like the
/// fixed shape, strict mode notes it.
std::optional<WaitKind> ScopeWalk::opaqueWait(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;
  for (const ThreadSignal &T : ThreadSignals)
    if (T.Sig->Opaque && !T.Sig->UsedAfter &&
        T.Sig->Opaque == Callee->getCanonicalDecl()) {
      if (Policy.AcceptHandshakes)
        return WaitKind::Fixed;
      Facts.SawHandshake = true;
      return WaitKind::None;
    }
  return std::nullopt;
}

/// Strict mode: a handshake wait on the borrowed object, seen but not
/// accepted as a join, is worth a note.
void ScopeWalk::noteUnacceptedHandshake(const CallExpr *Call) {
  if (Policy.AcceptHandshakes || !B.Var || (ThreadKnown && ThreadTouches))
    return;
  if (std::optional<JoinedPlace> W = C.joinedPlace(Call, true))
    if (W->IsHandshake && W->Of.Base == B.Var)
      Facts.SawHandshake = true;
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
      if (B.DiesAtExit && !Block->hasNoReturnElement() && !endsProcess())
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
  return std::nullopt;
}

// A return from main ends the process (the threads with it): in the default
// mode that path is not judged (docs/rules.md §6.5). Error returns of other
// functions are: their caller goes on while the thread may run.
bool ScopeWalk::endsProcess() const {
  return Policy.SkipReturnsFromMain && S.Caller->isMain();
}

/// The first path found that leaves without joining is the one reported.
void ScopeWalk::leak(LeakKind Kind, SourceLocation Loc,
                     const NamedDecl *Subject) {
  if (!Facts.Leak)
    Facts.Leak = LeakPath{Kind, Loc, Subject};
}

void ScopeWalk::setFinalStatus() {
  if (!B.lifetime())
    return;
  if (Facts.Status == ScopeStatus::Detached ||
      Facts.Status == ScopeStatus::NeverJoined)
    return;
  // Every path ended at a wait on what the thread signals last: proven
  // without the handle.
  if (!Sp.handleKnown() && !(BySignal && !Facts.Leak)) {
    Facts.Status = ScopeStatus::UnknownHandle;
    return;
  }
  if (Facts.Leak)
    Facts.Status = ScopeStatus::Unscoped;
  else if (ByHandshake)
    Facts.Status = ScopeStatus::ScopedByHandshake;
  else
    Facts.Status = BySignal ? ScopeStatus::ScopedBySignal : ScopeStatus::Scoped;
}

} // namespace sendsync
