//===- FunctionWalk.cpp - One function's access summary -------------------===//

#include "FunctionWalk.h"
#include "AstHelpers.h"
#include "BuiltinTypes.h"
#include "KnownCalls.h"
#include "LockCalls.h"
#include "Places.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

namespace {

/// Synchronisation calls get sync objects (locks, conditions, semaphores,
/// barriers): what they do to them is how threads cooperate, not an access.
bool isSyncCall(const FunctionDecl *FD) {
  if (!FD->getIdentifier())
    return false;
  llvm::StringRef N = FD->getName();
  return isThreadApi(FD) || N.starts_with("uv_mutex_") ||
         N.starts_with("uv_rwlock_") || N.starts_with("uv_cond_") ||
         N.starts_with("uv_sem_") || N.starts_with("uv_barrier_") ||
         N.starts_with("g_mutex_") || N.starts_with("g_rec_mutex_") ||
         N.starts_with("g_rw_lock_") || N.starts_with("g_cond_") ||
         N.starts_with("atomic_") || N.starts_with("__atomic_") ||
         N.starts_with("__sync_") || N.starts_with("__c11_atomic_");
}

/// A lock, condition, semaphore or barrier type (by its typedef name).
bool isSyncObjectType(QualType T) {
  return typedefChainIs(
      T, [](BuiltinKind K) { return K == BuiltinKind::SyncObject; });
}

} // namespace

FunctionSummary FunctionWalk::run() {
  Out.Params.resize(Fn->getNumParams());
  UsePoints.resize(Fn->getNumParams());
  Merged.resize(Fn->getNumParams());
  CFG::BuildOptions Opts;
  // Every sub-expression is an element: reads inside larger expressions are
  // seen with the locks held where they happen.
  Opts.setAllAlwaysAdd();
  Opts.PruneTriviallyFalseEdges = true;
  Graph = CFG::buildCFG(Fn, Fn->getBody(), &Ctx, Opts);
  if (!Graph) {
    for (unsigned I = 0; I < Fn->getNumParams(); ++I)
      if (Fn->getParamDecl(I)->getType()->isPointerType())
        unknown(I, nullptr);
    return std::move(Out);
  }
  computeLockSets();
  if (const std::optional<LockSet> &AtExit = In[Graph->getExit().getBlockID()])
    Out.Acquires = *AtExit;
  for (const CFGBlock *B : *Graph)
    if (In[B->getBlockID()]) {
      LockSet Held = *In[B->getBlockID()];
      transfer(*B, Held, /*Record=*/true);
    }
  if (LocksOut)
    LocksOut->Unknown = Out.LocksUnknown;
  findUsesAfterSignals();
  mergeFacts();
  return std::move(Out);
}

/// Forward must-hold dataflow to a fixpoint: sets only shrink once a block
/// is reached, so the worklist empties.
void FunctionWalk::computeLockSets() {
  In.assign(Graph->getNumBlockIDs(), std::nullopt);
  const CFGBlock &Entry = Graph->getEntry();
  In[Entry.getBlockID()] = LockSet();
  llvm::SmallVector<const CFGBlock *, 16> Work{&Entry};
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    LockSet Held = *In[B->getBlockID()];
    transfer(*B, Held, /*Record=*/false);
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      const CFGBlock *N = Succ.getReachableBlock();
      if (!N)
        continue;
      std::optional<LockSet> &Slot = In[N->getBlockID()];
      LockSet New = Slot ? meetLocks(*Slot, Held) : Held;
      if (!Slot || New.size() != Slot->size()) {
        Slot = std::move(New);
        Work.push_back(N);
      }
    }
  }
}

void FunctionWalk::transfer(const CFGBlock &B, LockSet &Held, bool Record) {
  for (unsigned I = 0; I < B.size(); ++I) {
    std::optional<CFGStmt> CS = B[I].getAs<CFGStmt>();
    if (!CS)
      continue;
    const Stmt *S = CS->getStmt();
    if (Record) {
      Cur = Point{B.getBlockID(), I, S};
      visit(S, Held);
      if (LocksOut && !Held.empty())
        LocksOut->HeldAt[S] = Held;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S))
      lockCall(Call, Held);
  }
}

void FunctionWalk::lockCall(const CallExpr *Call, LockSet &Held) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  std::optional<LockOp> Op = lockOpOf(Callee);
  // Another unit's function (its summary from the program database) that is
  // a lock function by its declaration here (acquire_capability, the
  // table): the declaration wins (rules.md §6.9), as it does without the
  // database. Its summary may not say what it takes: OVS's
  // ovs_mutex_lock_at locks through a local copy of its parameter.
  bool DeclaredLock =
      Op && !(Callee->getDefinition() && Callee->getDefinition()->hasBody());
  if (const FunctionSummary *S =
          Callee && !DeclaredLock ? Done.done(Callee) : nullptr) {
    calleeLocks(Call, *S, Held);
    return;
  }
  noteUnknownLockUse(Call);
  if (!Op || Call->getNumArgs() == 0)
    return;
  std::optional<LockName> L = lockNameOf(Call->getArg(0));
  if (!L)
    return;
  if (*Op == LockOp::Acquire) {
    if (!llvm::is_contained(Held, *L))
      Held.push_back(*L);
  } else {
    if (!llvm::is_contained(Held, *L) && !llvm::is_contained(Out.Releases, *L))
      Out.Releases.push_back(*L);
    llvm::erase(Held, *L);
  }
}

/// A TU-local lock helper: what it takes and releases changes the caller's
/// lock set.
void FunctionWalk::calleeLocks(const CallExpr *Call, const FunctionSummary &S,
                               LockSet &Held) {
  for (const LockName &L : S.Releases)
    if (std::optional<LockName> Mine = seenFromCaller(Call, L))
      llvm::erase(Held, *Mine);
  for (const LockName &L : S.Acquires)
    if (std::optional<LockName> Mine = seenFromCaller(Call, L))
      if (!llvm::is_contained(Held, *Mine))
        Held.push_back(*Mine);
  if (S.LocksUnknown)
    Out.LocksUnknown = true;
}

/// A callee's lock as this function names it: a lock in the pointee of the
/// callee's parameter becomes the lock in what the argument points to.
std::optional<LockName> FunctionWalk::seenFromCaller(const CallExpr *Call,
                                                     const LockName &L) const {
  if (!L.InPointee)
    return L;
  const auto *PVD = dyn_cast<ParmVarDecl>(L.Base);
  if (!PVD || PVD->getFunctionScopeIndex() >= Call->getNumArgs())
    return std::nullopt;
  const Expr *Arg = Call->getArg(PVD->getFunctionScopeIndex());
  // lock(&o->in) names o->in.<fields>; lock(w), lock(&st) name w.<fields>
  // and st.<fields>, as pthread_mutex_lock(&w->mu) and (&st.mu) would.
  std::optional<LockName> Mine = lockNameOf(Arg);
  if (!Mine)
    return std::nullopt;
  Mine->Fields.append(L.Fields.begin(), L.Fields.end());
  return Mine;
}

/// A function whose effect is not known, given a lock (or another sync
/// object): it may be a lock wrapper, so this function's lock sets are not
/// to be trusted, nor its parameters' accesses.
void FunctionWalk::noteUnknownLockUse(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && (lockOpOf(Callee) || isSyncCall(Callee)))
    return;
  for (const Expr *Arg : Call->arguments()) {
    QualType T = Arg->IgnoreParenImpCasts()->getType();
    if (T->isPointerType() && isSyncObjectType(T->getPointeeType())) {
      Out.LocksUnknown = true;
      for (unsigned I = 0; I < Fn->getNumParams(); ++I)
        if (Fn->getParamDecl(I)->getType()->isPointerType())
          unknown(I, Call);
      return;
    }
  }
}

/// `&arg->mu` names the lock by the parameter; `&g_lock`, `&w->mu` by the
/// variable they start from.
std::optional<LockName> FunctionWalk::lockNameOf(const Expr *Arg) const {
  LockName L;
  if (std::optional<Rooted> R = Paths.pointerInto(Arg)) {
    L.Base = Fn->getParamDecl(R->Param);
    L.Fields = R->Where.Fields;
    L.InPointee = true;
    return L;
  }
  Place P = placeOf(Arg);
  if (!P.Base)
    return std::nullopt;
  L.Base = P.Base;
  L.Fields = P.Fields;
  return L;
}

/// A pointer into a parameter's pointee stored in a variable's initializer,
/// an aggregate's element included (`const struct aiocb *l[1] = { arg };`):
/// accesses through the copy are not followed, so the pointee is unknown.
void FunctionWalk::storedIn(const Expr *Init) {
  if (const auto *IL = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts())) {
    for (const Expr *E : IL->inits())
      if (E)
        storedIn(E);
    return;
  }
  if (std::optional<Rooted> R = Paths.pointerInto(Init))
    unknown(R->Param, Init);
}

/// `v` for a local v that stands for a parameter: storing the parameter
/// there keeps following it.
bool FunctionWalk::isAliasVariable(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && Paths.isAlias(VD);
}

void FunctionWalk::visit(const Stmt *S, const LockSet &Held) {
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    visitCall(Call, Held);
    return;
  }
  const Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp()) {
      Target = BO->getLHS();
      // The pointer stored where other functions can reach it, or in a
      // local that does not stand for the parameter (`int *q = &p->n`):
      // accesses through it are not followed.
      if (std::optional<Rooted> R = Paths.pointerInto(BO->getRHS()))
        if (!isAliasVariable(BO->getLHS()))
          unknown(R->Param, BO);
    }
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      Target = UO->getSubExpr();
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit())
        if (!Paths.isAlias(VD))
          storedIn(VD->getInit());
  } else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S)) {
    if (ICE->getCastKind() == CK_LValueToRValue)
      if (std::optional<Rooted> R = Paths.lvalueIn(ICE->getSubExpr()))
        if (!Oracle.isSyncPart(ICE->getSubExpr()))
          use(UseKind::Read, *R, Held, ICE);
  }
  if (Target)
    if (std::optional<Rooted> R = Paths.lvalueIn(Target))
      if (!Oracle.isSyncPart(Target))
        use(UseKind::Write, *R, Held, cast<Expr>(S));
}

void FunctionWalk::visitCall(const CallExpr *Call, const LockSet &Held) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    std::optional<Rooted> R = Paths.pointerInto(Call->getArg(I));
    if (!R)
      continue;
    if (!Callee) {
      unknown(R->Param, Call);
      continue;
    }
    visitCallArg(Call, I, *R, Held);
  }
  noteUnrootedSignals(Call);
}

void FunctionWalk::visitCallArg(const CallExpr *Call, unsigned I,
                                const Rooted &R, const LockSet &Held) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const Expr *Arg = stripCasts(Call->getArg(I));
  const auto *Addr = dyn_cast<UnaryOperator>(Arg);
  const Expr *Obj =
      Addr && Addr->getOpcode() == UO_AddrOf ? Addr->getSubExpr() : nullptr;
  if (std::optional<SyncOp> Op = syncOpOf(Callee);
      Op && *Op != SyncOp::Wait && I == 0)
    signal(ParamSignal{*Op, R.Where, Call, nullptr}, R.Param);
  if (Obj && Oracle.isSyncPart(Obj))
    return; // &arg->mu, &arg->count (atomic): cooperation
  if (lockOpOf(Callee) || isSyncCall(Callee))
    return;
  if (I == 0 && R.Where.Fields.empty() && !R.Where.Indexed) {
    if (isFree(Callee)) {
      use(UseKind::Free, R, Held, Call);
      return;
    }
    if (isRealloc(Callee)) {
      use(UseKind::Realloc, R, Held, Call);
      return;
    }
  }
  if ((Callee->getDefinition() && Callee->getDefinition()->hasBody()) ||
      Done.done(Callee)) { // here, or another unit's with a summary
    applyCallee(Callee, I, R, Call, Held);
    return;
  }
  if (I == 0 && writesFirstArgument(Callee))
    use(UseKind::Write, R, Held, Call);
  else if (I < Callee->getNumParams() && readOnlyParam(Callee, I))
    use(UseKind::Read, R, Held, Call);
  else
    unknown(R.Param, Call);
}

/// The callee's uses of its parameter I, seen from here: below the part
/// the argument names, with the locks held here added to the callee's.
void FunctionWalk::applyCallee(const FunctionDecl *Callee, unsigned I,
                               const Rooted &R, const CallExpr *Call,
                               const LockSet &Held) {
  const FunctionSummary *S = Done.done(Callee);
  if (!S || I >= S->Params.size()) {
    unknown(R.Param, Call); // a call cycle, or a variadic argument
    return;
  }
  const ParamSummary &P = S->Params[I];
  const ParmVarDecl *CalleeParam = Done.summarised(Callee)->getParamDecl(I);
  for (const ParamUse &U : P.Uses) {
    LockSet All = Held;
    for (const LockName &L : U.Held) {
      LockName Seen = L;
      if (L.InPointee && L.Base == CalleeParam) {
        Seen.Base = Fn->getParamDecl(R.Param);
        Seen.Fields = R.Where.Fields;
        Seen.Fields.append(L.Fields.begin(), L.Fields.end());
      } else if (L.InPointee) {
        continue; // a lock in another parameter's pointee: not nameable here
      }
      if (!llvm::is_contained(All, Seen))
        All.push_back(Seen);
    }
    ParamUse Mine{U.Kind, U.Where.below(R.Where), std::move(All), U.At,
                  U.External};
    Merged[R.Param].add(std::move(Mine), Ctx.getSourceManager());
  }
  if (!P.Uses.empty())
    UsePoints[R.Param].push_back(Cur);
  for (const ParamSignal &Sig : P.Signals) {
    ParamSignal Mine = Sig;
    if (!Sig.Global && !Sig.Opaque)
      Mine.Object = Sig.Object.below(R.Where);
    signal(std::move(Mine), R.Param);
  }
  if (P.Unknown)
    unknown(R.Param, Call);
}

void FunctionWalk::use(UseKind Kind, const Rooted &R, const LockSet &Held,
                       const Expr *At) {
  Merged[R.Param].add({Kind, R.Where, Held, At}, Ctx.getSourceManager());
  UsePoints[R.Param].push_back(Cur);
}

/// The summary as the callers and the checks read it: the uses in source
/// order, whatever the order of the CFG's blocks, one per kind, part and
/// lock set; one signal per kind, object and whether it is used after, and
/// one unrooted signal per kind and object.
void FunctionWalk::mergeFacts() {
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned I = 0; I < Out.Params.size(); ++I) {
    Out.Params[I].Uses = Merged[I].take(SM);
    mergeSignals(Out.Params[I].Signals, SM);
  }
  mergeSignals(Out.Unrooted, SM);
}

/// A signal made here (or by a callee at this call); whether the pointee is
/// touched after it is found once every access is known.
void FunctionWalk::signal(ParamSignal Sig, unsigned Param) {
  std::vector<ParamSignal> &Signals = Out.Params[Param].Signals;
  if (!Sig.UsedAfter)
    Pending.push_back({Param, Signals.size(), Cur});
  Signals.push_back(std::move(Sig));
}

namespace {
/// A function of the program that looks like its own barrier, event or
/// semaphore (`gomp_barrier_wait`, `event_post`, `latch_signal`): a word of
/// its name (split at '_') says so, and it is given a pointer (the sync
/// object). `ovsrcu_postpone` is not one: words are matched whole.
bool looksLikeSyncFunction(const FunctionDecl *FD, const CallExpr *Call) {
  if (!FD->getIdentifier() || lockOpOf(FD) || isSyncCall(FD))
    return false;
  std::string N = FD->getName().lower();
  llvm::SmallVector<llvm::StringRef, 4> Words;
  llvm::StringRef(N).split(Words, '_', -1, /*KeepEmpty=*/false);
  bool Named = llvm::any_of(Words, [](llvm::StringRef W) {
    return W == "barrier" || W.ends_with("wait") || W == "post" ||
           W == "signal" || W == "notify" || W == "wake" || W == "wakeup";
  });
  return Named && llvm::any_of(Call->arguments(), [](const Expr *A) {
           return A->IgnoreParenImpCasts()->getType()->isPointerType();
         });
}
} // namespace

/// A signal on an object no parameter reaches: a global sync object, or a
/// barrier-like function of the program (docs/rules.md §6.3).
std::optional<ParamSignal>
FunctionWalk::unrootedSignal(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Call->getNumArgs() == 0 || Paths.pointerInto(Call->getArg(0)))
    return std::nullopt;
  ParamSignal Sig;
  Sig.At = Call;
  if (std::optional<SyncOp> Op = syncOpOf(Callee)) {
    Place P = placeOf(Call->getArg(0));
    const auto *VD = dyn_cast_or_null<VarDecl>(P.Base);
    if (*Op == SyncOp::Wait || !VD || !VD->hasGlobalStorage() ||
        P.ThroughPointer || P.Indexed)
      return std::nullopt;
    Sig.Kind = *Op;
    Sig.Global = VD;
    Sig.Object.Fields = P.Fields;
    return Sig;
  }
  if (!looksLikeSyncFunction(Callee, Call))
    return std::nullopt;
  Sig.Kind = SyncOp::Rendezvous;
  Sig.Opaque = Callee->getCanonicalDecl();
  return Sig;
}

/// The call's own unrooted signal, and those of a callee of this file
/// (unless a parameter already got them through its argument).
void FunctionWalk::noteUnrootedSignals(const CallExpr *Call) {
  if (std::optional<ParamSignal> Sig = unrootedSignal(Call))
    unrooted(*Sig);
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (const FunctionSummary *S = Callee ? Done.done(Callee) : nullptr)
    for (const ParamSignal &Sig : S->Unrooted)
      unrooted(Sig);
}

/// Recorded for the callers, and for each pointer parameter that has not
/// got it at this call yet, with the uses after it found later.
void FunctionWalk::unrooted(const ParamSignal &Sig) {
  Out.Unrooted.push_back(Sig);
  Out.Unrooted.back().UsedAfter = nullptr;
  for (unsigned I = 0; I < Fn->getNumParams(); ++I) {
    if (!Fn->getParamDecl(I)->getType()->isPointerType())
      continue;
    bool Has = llvm::any_of(Out.Params[I].Signals, [&](const ParamSignal &S) {
      return S.At == Sig.At && S.Global == Sig.Global && S.Opaque == Sig.Opaque;
    });
    if (!Has) {
      ParamSignal Mine = Sig;
      Mine.UsedAfter = nullptr;
      signal(std::move(Mine), I);
    }
  }
}

void FunctionWalk::findUsesAfterSignals() {
  for (const PendingSignal &P : Pending)
    Out.Params[P.Param].Signals[P.Slot].UsedAfter =
        firstUseAfter(P.Param, P.At.Block, P.At.Index);
}

/// The first access to the parameter's pointee on a path from the element
/// (Block, Index) on, not counting the element itself: later in its block,
/// else in the blocks reachable from it (breadth first).
const Expr *FunctionWalk::firstUseAfter(unsigned Param, unsigned Block,
                                        unsigned Index) const {
  const std::vector<Point> &Uses = UsePoints[Param];
  auto firstIn = [&](unsigned B, unsigned From) -> const Expr * {
    const Point *Best = nullptr;
    for (const Point &U : Uses)
      if (U.Block == B && U.Index >= From && (!Best || U.Index < Best->Index))
        Best = &U;
    return Best ? dyn_cast<Expr>(Best->At) : nullptr;
  };
  if (Uses.empty())
    return nullptr;
  if (const Expr *E = firstIn(Block, Index + 1))
    return E;
  std::vector<const CFGBlock *> ById(Graph->getNumBlockIDs());
  for (const CFGBlock *B : *Graph)
    ById[B->getBlockID()] = B;
  llvm::SmallVector<unsigned, 16> Queue{Block};
  llvm::DenseSet<unsigned> Seen;
  for (size_t Q = 0; Q < Queue.size(); ++Q)
    for (const CFGBlock::AdjacentBlock &Succ : ById[Queue[Q]]->succs())
      if (const CFGBlock *N = Succ.getReachableBlock();
          N && Seen.insert(N->getBlockID()).second) {
        if (const Expr *E = firstIn(N->getBlockID(), 0))
          return E;
        Queue.push_back(N->getBlockID());
      }
  return nullptr;
}

void FunctionWalk::unknown(unsigned Param, const Expr *At) {
  if (Param >= Out.Params.size() || Out.Params[Param].Unknown)
    return;
  Out.Params[Param].Unknown = true;
  Out.Params[Param].UnknownAt = At;
}

} // namespace sendsync
