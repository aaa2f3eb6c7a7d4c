//===- ThreadScope.cpp - Is a spawned thread joined before its borrow dies?
//===//

#include "ThreadScope.h"
#include "KnownCalls.h"
#include "Places.h"
#include "SpawnSites.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

using namespace clang;

namespace sendsync {

namespace {

struct FunctionCFG {
  std::unique_ptr<CFG> Graph;
  std::unique_ptr<ParentMap> Parents;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Where;
  /// The calls that may join, wait for or detach a thread (or set detached
  /// attributes), found once per function: each spawn site looks only at
  /// these, so the cost stays linear in the function's size.
  std::vector<const CallExpr *> ScopeCalls;
};

} // namespace

struct ThreadScopeAnalysis::Impl {
  ASTContext &Ctx;
  const TranslationUnitIndex &Index;
  const SpawnApiIndex &Apis;
  TraitOracle &Oracle;
  /// The CFG of the function whose spawn sites are being analysed. Sites
  /// come in source order, so one function's sites are consecutive: only
  /// the latest function's CFG is kept, which bounds memory by the largest
  /// function instead of the whole file.
  const FunctionDecl *CFGFunction = nullptr;
  std::unique_ptr<FunctionCFG> CurrentCFG;
  /// Helpers of this TU that join (or detach) a parameter: function ->
  /// parameter index.
  llvm::DenseMap<const FunctionDecl *, unsigned> JoinHelpers;

  Impl(ASTContext &Ctx, const TranslationUnitIndex &Index,
       const SpawnApiIndex &Apis, TraitOracle &Oracle)
      : Ctx(Ctx), Index(Index), Apis(Apis), Oracle(Oracle) {
    for (const TranslationUnitIndex::Call &C : Index.Calls) {
      const JoinApi *J = Apis.join(C.Callee);
      if (!J || J->IsHandshake || J->HandleParam >= C.Expr->getNumArgs())
        continue;
      Place H = placeOf(C.Expr->getArg(J->HandleParam));
      if (const auto *PVD = dyn_cast_or_null<ParmVarDecl>(H.Base))
        if (PVD->getDeclContext() == C.Caller)
          JoinHelpers.try_emplace(C.Caller->getCanonicalDecl(),
                                  PVD->getFunctionScopeIndex());
    }
    // A helper that passes its parameter on to a join helper joins it too;
    // each round adds at least one function, so this ends.
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const TranslationUnitIndex::Call &C : Index.Calls) {
        auto It = JoinHelpers.find(C.Callee->getCanonicalDecl());
        if (It == JoinHelpers.end() || It->second >= C.Expr->getNumArgs() ||
            JoinHelpers.count(C.Caller->getCanonicalDecl()))
          continue;
        Place H = placeOf(C.Expr->getArg(It->second));
        if (const auto *PVD = dyn_cast_or_null<ParmVarDecl>(H.Base))
          if (PVD->getDeclContext() == C.Caller) {
            JoinHelpers.try_emplace(C.Caller->getCanonicalDecl(),
                                    PVD->getFunctionScopeIndex());
            Changed = true;
          }
      }
    }
  }

  FunctionCFG *cfgOf(const FunctionDecl *FD) {
    if (CFGFunction == FD)
      return CurrentCFG->Graph ? CurrentCFG.get() : nullptr;
    CFGFunction = FD;
    std::unique_ptr<FunctionCFG> &Slot = CurrentCFG;
    Slot = std::make_unique<FunctionCFG>();
    CFG::BuildOptions Opts;
    Opts.AddLifetime = true;
    // Every sub-expression is an element: writes inside larger expressions
    // (use(n++)) and reads are seen where they happen.
    Opts.setAllAlwaysAdd();
    Opts.PruneTriviallyFalseEdges = true;
    Slot->Graph = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
    if (!Slot->Graph)
      return nullptr;
    Slot->Parents = std::make_unique<ParentMap>(FD->getBody());
    for (const CFGBlock *B : *Slot->Graph)
      for (unsigned I = 0; I < B->size(); ++I)
        if (std::optional<CFGStmt> CS = (*B)[I].getAs<CFGStmt>()) {
          Slot->Where.try_emplace(CS->getStmt(), B, I);
          if (const auto *Call = dyn_cast<CallExpr>(CS->getStmt()))
            if (const FunctionDecl *Callee = Call->getDirectCallee())
              if (Apis.join(Callee) || Apis.isDetach(Callee) ||
                  JoinHelpers.count(Callee->getCanonicalDecl()) ||
                  detachedAttributes(Call, Ctx))
                Slot->ScopeCalls.push_back(Call);
        }
    return Slot.get();
  }

  /// The handle argument of a join call, if Call joins.
  std::optional<Place> joinedPlace(const CallExpr *Call, bool Handshakes,
                                   bool &IsHandshake) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    IsHandshake = false;
    if (const JoinApi *J = Apis.join(Callee)) {
      if (J->IsHandshake && !Handshakes)
        return std::nullopt;
      if (J->HandleParam >= Call->getNumArgs())
        return std::nullopt;
      IsHandshake = J->IsHandshake;
      return resolveAlias(placeOf(Call->getArg(J->HandleParam)));
    }
    auto It = JoinHelpers.find(Callee->getCanonicalDecl());
    if (It != JoinHelpers.end() && It->second < Call->getNumArgs())
      return resolveAlias(placeOf(Call->getArg(It->second)));
    return std::nullopt;
  }

  /// The place of the handle of a spawn: its handle argument, or the
  /// variable its result is stored in.
  Place handlePlace(const SpawnSite &S, const ParentMap &PM);

  /// Whether a use of a variable reads the object the thread got: the
  /// borrowed variable's value (not its address: `&x` handed on is sharing,
  /// judged at that call), or what the handed-over pointer points to (`p->f`,
  /// `*p`, `p[i]`, or `p` given to a function that is no spawn, join or
  /// free), not the pointer's own value (`if (p)`).
  bool readsObject(const DeclRefExpr *Ref, bool ThroughPointer,
                   const ParentMap &PM) {
    const Stmt *Child = Ref;
    const Stmt *P = PM.getParent(Child);
    while (P &&
           (isa<ParenExpr>(P) ||
            (isa<ImplicitCastExpr>(P) &&
             cast<ImplicitCastExpr>(P)->getCastKind() != CK_LValueToRValue) ||
            (ThroughPointer && isa<CastExpr>(P)))) {
      Child = P;
      P = PM.getParent(P);
    }
    return ThroughPointer ? readsPointee(Child, P, PM)
                          : readsValue(Child, P, PM);
  }

  /// readsObject of the borrowed variable: Child is the reference with its
  /// parentheses and non-reading casts, P its parent.
  static bool readsValue(const Stmt *Child, const Stmt *P,
                         const ParentMap &PM) {
    // Up to the whole lvalue (x.f, x[i]): its address taken, or the target
    // of a plain assignment, is no read.
    while (P &&
           (isa<MemberExpr, ArraySubscriptExpr, ParenExpr>(P) ||
            (isa<ImplicitCastExpr>(P) &&
             cast<ImplicitCastExpr>(P)->getCastKind() != CK_LValueToRValue))) {
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(P);
          ASE && ASE->getBase()->IgnoreParenImpCasts() !=
                     cast<Expr>(Child)->IgnoreParenImpCasts())
        break; // we are the index, which is read
      Child = P;
      P = PM.getParent(P);
    }
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
      return UO->getOpcode() != UO_AddrOf;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
      return !(BO->getOpcode() == BO_Assign && BO->getLHS() == Child);
    return true;
  }

  /// readsObject of the handed-over pointer: Child is the reference with its
  /// parentheses and casts, P its parent.
  bool readsPointee(const Stmt *Child, const Stmt *P, const ParentMap &PM) {
    // The pointer's value is read (LValueToRValue); look at its user.
    if (const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(P)) {
      Child = ICE;
      P = PM.getParent(ICE);
      while (P && (isa<ParenExpr>(P) || isa<CastExpr>(P))) {
        Child = P;
        P = PM.getParent(P);
      }
    }
    if (!P)
      return false;
    if (const auto *ME = dyn_cast<MemberExpr>(P))
      return ME->isArrow();
    if (const auto *UO = dyn_cast<UnaryOperator>(P))
      return UO->getOpcode() == UO_Deref;
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(P))
      return ASE->getBase()->IgnoreParenImpCasts() ==
             cast<Expr>(Child)->IgnoreParenImpCasts();
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      return Callee && Call->getCallee() != Child && !Apis.spawn(Callee) &&
             !Apis.join(Callee) && !isFree(Callee);
    }
    return false;
  }

  /// An lvalue that is Sync by itself (a lock, an atomic, a guarded
  /// field): touching it is how threads cooperate.
  bool isSyncLValue(const Expr *LV) {
    LV = LV->IgnoreParens();
    if (const auto *ME = dyn_cast<MemberExpr>(LV))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        if (FD->hasAttr<GuardedByAttr>() || FD->hasAttr<PtGuardedByAttr>())
          return true;
    return Oracle.judgeType(LV->getType(), Trait::Sync).holds();
  }

  /// Whether the reference Ref is only used to reach a part of its object
  /// that is Sync by itself (`&args.lock`, `args.done` when _Atomic).
  bool touchesOnlySyncPart(const Expr *Ref, const ParentMap &PM) {
    const Expr *Outer = Ref;
    for (const Stmt *P = PM.getParent(Outer); P; P = PM.getParent(P)) {
      if (const auto *ME = dyn_cast<MemberExpr>(P)) {
        if (ME->getBase()->IgnoreParenImpCasts() !=
            Outer->IgnoreParenImpCasts())
          break;
        Outer = ME;
        continue;
      }
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(P)) {
        if (ASE->getBase()->IgnoreParenImpCasts() !=
            Outer->IgnoreParenImpCasts())
          break;
        Outer = ASE;
        continue;
      }
      if (isa<ParenExpr>(P) ||
          (isa<ImplicitCastExpr>(P) &&
           cast<ImplicitCastExpr>(P)->getCastKind() != CK_LValueToRValue)) {
        continue; // decay and parentheses keep the same object
      }
      break;
    }
    return isSyncLValue(Outer);
  }

  /// The walk of one spawn site (analyze()).
  class ScopeWalk;
};

ThreadScopeAnalysis::ThreadScopeAnalysis(ASTContext &Ctx,
                                         const TranslationUnitIndex &Index,
                                         const SpawnApiIndex &Apis,
                                         TraitOracle &Oracle)
    : P(std::make_unique<Impl>(Ctx, Index, Apis, Oracle)) {}
ThreadScopeAnalysis::~ThreadScopeAnalysis() = default;

namespace {

/// The loop statements of a function that contain a join of Handle: their
/// condition block counts as a join (the join loop runs as often as the
/// create loop did, the zero-iteration path included).
bool loopJoins(const Stmt *Loop,
               const llvm::SmallVectorImpl<const Stmt *> &Joins,
               const ParentMap &PM) {
  for (const Stmt *J : Joins)
    for (const Stmt *P = PM.getParent(J); P; P = PM.getParent(P))
      if (P == Loop)
        return true;
  return false;
}

bool isLoopStmt(const Stmt *S) {
  return S && isa<ForStmt, WhileStmt, DoStmt>(S);
}

std::string describeWrite(const Stmt *S) {
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementOp() ? "increments {}" : "decrements {}";
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->getOpcode() == BO_Assign ? "assigns to {}" : "updates {}";
  return "writes {}";
}

/// Where the result of Call is stored: the left side of an assignment
/// (`rc = pthread_create(...)`, `w->t = g_thread_new(...)`), or the
/// variable it initialises.
struct ResultStore {
  const Expr *Assigned = nullptr;
  const VarDecl *Initialised = nullptr;
};

ResultStore resultStore(const CallExpr *Call, const ParentMap &PM) {
  const Stmt *Child = Call;
  for (const Stmt *P = PM.getParent(Child); P; P = PM.getParent(P)) {
    if (isa<ParenExpr, CastExpr>(P)) {
      Child = P;
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      if (BO->getOpcode() == BO_Assign && BO->getRHS() == Child)
        return {BO->getLHS(), nullptr};
    if (const auto *DS = dyn_cast<DeclStmt>(P))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit() == Child)
            return {nullptr, VD};
    break;
  }
  return {};
}

/// The variable the result of Call is stored in, if any.
const VarDecl *resultVariable(const CallExpr *Call, const ParentMap &PM) {
  ResultStore R = resultStore(Call, PM);
  if (R.Initialised)
    return R.Initialised;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
          R.Assigned ? R.Assigned->IgnoreParenImpCasts() : nullptr))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// Whether Cond tests the spawn's result: returns whether the condition is
/// true when the result is non-zero.
std::optional<bool> testsResult(const Expr *Cond, const CallExpr *Call,
                                const VarDecl *Result, ASTContext &Ctx) {
  if (!Cond)
    return std::nullopt;
  const Expr *E = stripCasts(Cond);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_LNot) {
      std::optional<bool> Inner =
          testsResult(UO->getSubExpr(), Call, Result, Ctx);
      return Inner ? std::optional<bool>(!*Inner) : std::nullopt;
    }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Assign)
      return testsResult(BO->getRHS(), Call, Result, Ctx);
    if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
      auto isZero = [&](const Expr *X) {
        return X->isNullPointerConstant(Ctx,
                                        Expr::NPC_ValueDependentIsNotNull) !=
               Expr::NPCK_NotNull;
      };
      const Expr *Other = isZero(BO->getRHS())   ? BO->getLHS()
                          : isZero(BO->getLHS()) ? BO->getRHS()
                                                 : nullptr;
      if (!Other)
        return std::nullopt;
      std::optional<bool> Inner = testsResult(Other, Call, Result, Ctx);
      if (!Inner)
        return std::nullopt;
      return BO->getOpcode() == BO_NE ? *Inner : !*Inner;
    }
    return std::nullopt;
  }
  if (E == Call)
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (Result && DRE->getDecl() == Result)
      return true;
  return std::nullopt;
}

/// The successor of B taken when a thread API call tested by B's condition
/// failed (those calls return non-zero on failure), if B tests one.
std::optional<unsigned> threadApiFailureSucc(const CFGBlock *B,
                                             ASTContext &Ctx) {
  if (B->succ_size() != 2)
    return std::nullopt;
  const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
  if (!Cond)
    return std::nullopt;
  // Find the call the condition tests: c, !c, c != 0, c == 0, c < 0.
  const Expr *E = stripCasts(Cond);
  bool NonZeroTrue = true;
  for (;;) {
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_LNot) {
      NonZeroTrue = !NonZeroTrue;
      E = stripCasts(UO->getSubExpr());
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      const Expr *L = stripCasts(BO->getLHS()), *R = stripCasts(BO->getRHS());
      Expr::EvalResult V;
      if (!R->EvaluateAsInt(V, Ctx) || V.Val.getInt() != 0)
        return std::nullopt;
      if (BO->getOpcode() == BO_EQ)
        NonZeroTrue = !NonZeroTrue;
      else if (BO->getOpcode() != BO_NE && BO->getOpcode() != BO_LT)
        return std::nullopt;
      E = L;
      continue;
    }
    break;
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call || !isThreadApi(Call->getDirectCallee()))
    return std::nullopt;
  return NonZeroTrue ? 0u : 1u;
}

} // namespace

Place ThreadScopeAnalysis::Impl::handlePlace(const SpawnSite &S,
                                             const ParentMap &PM) {
  if (!S.Handle)
    return Place();
  if (S.Handle != S.Call)
    return placeOf(S.Handle);
  ResultStore R = resultStore(S.Call, PM);
  if (R.Assigned)
    return placeOf(R.Assigned);
  Place Result;
  Result.Base = R.Initialised;
  return Result;
}

/// RULES.md §3 for one spawn site: what is borrowed and where it dies, the
/// handle and its joins, then a walk forward from the spawn, path by path,
/// until the handle is joined, recording leaks and the spawner's accesses.
class ThreadScopeAnalysis::Impl::ScopeWalk {
public:
  ScopeWalk(Impl &I, const SpawnSite &S, bool Handshakes)
      : I(I), S(S), Prov(S.Prov), Handshakes(Handshakes) {}

  ScopeFacts run() {
    decide();
    return std::move(Facts);
  }

private:
  Impl &I;
  const SpawnSite &S;
  const Provenance &Prov;
  /// Waits the thread signals count as joins (default mode).
  const bool Handshakes;
  ScopeFacts Facts;

  // What is borrowed, and where its storage dies.
  const VarDecl *Borrowed = nullptr; // stack/thread-local variable
  bool DiesAtExit = false;           // params, alloca, borrowed pointers
  /// The heap object handed over, followed through its local pointer.
  const VarDecl *HeapPtr = nullptr;
  /// A lifetime is at stake: Borrowed or DiesAtExit.
  bool Lifetime = false;

  // The spawning function's CFG, and the spawn's place in it.
  FunctionCFG *G = nullptr;
  const ParentMap *PM = nullptr;
  std::pair<const CFGBlock *, unsigned> SpawnAt{nullptr, 0};

  Place Handle;
  bool HandleKnown = false;
  Place ArgPlace;
  /// The variable the spawn's result is stored in, for the failure test.
  const VarDecl *Result = nullptr;
  bool NonZeroIsSuccess = false;

  // Joins of this handle inside the function (for the loop idiom), and
  // handshake waits on the borrowed object.
  llvm::SmallVector<const Stmt *, 4> JoinCalls, HandshakeCalls;

  // The walk.
  struct Item {
    const CFGBlock *B;
    unsigned From;
  };
  std::vector<Item> Work;
  llvm::DenseSet<const CFGBlock *> Done;
  bool Leaked = false, ByHandshake = false;
  bool HeapKilled = false;
  llvm::DenseSet<const Stmt *> SeenAccess;

  void decide() {
    findBorrow();
    if (!Lifetime && !HeapPtr)
      return;
    Facts.HandleName = "the thread";
    if (decidedWithoutWalk() || !findSpawnInCFG())
      return;
    setUp();
    collectJoinsAndDetaches();
    walk();
    setFinalStatus();
  }

  /// What is borrowed, whether it dies at the function's exit, and the heap
  /// object handed over.
  void findBorrow() {
    if (Prov.borrowsStack()) {
      Borrowed = dyn_cast_or_null<VarDecl>(Prov.Object);
      DiesAtExit = !Borrowed || isa<ParmVarDecl>(Borrowed);
    } else if ((Prov.Kind == Storage::Field ||
                Prov.Kind == Storage::Parameter) &&
               Prov.Marked == PointerKind::Borrowed) {
      DiesAtExit = true;
    }
    // An object handed over that holds a borrowed pointer needs the thread
    // joined before this function returns (what it borrows lives at least
    // that long, and no longer as far as we know).
    if (Prov.transfers() && !Prov.Pointee.isNull() &&
        !I.Oracle.judgeStatic(Prov.Pointee).holds())
      DiesAtExit = true;
    HeapPtr = Prov.transfers() ? Prov.Through : nullptr;
    Lifetime = Borrowed || DiesAtExit;
  }

  /// The spawn waits itself, or the borrow is thread-local: no walk needed.
  bool decidedWithoutWalk() {
    if (S.Api->WaitsForThread) {
      Facts.Status = ScopeStatus::Scoped;
      return true;
    }
    if (Prov.Kind == Storage::ThreadLocal) {
      Facts.Status = ScopeStatus::Unscoped;
      Facts.LeakLoc = S.Call->getBeginLoc();
      Facts.LeakWhy =
          "a thread-local variable belongs to the thread that starts "
          "the new one; the new thread sees memory of another thread";
      return true;
    }
    return false;
  }

  bool findSpawnInCFG() {
    G = I.cfgOf(S.Caller);
    if (!G)
      return false;
    auto Start = G->Where.find(S.Call);
    if (Start == G->Where.end())
      return false;
    SpawnAt = Start->second;
    PM = G->Parents.get();
    return true;
  }

  /// The handle, the argument, the spawn's result, and the end of the block
  /// the borrowed variable dies with.
  void setUp() {
    Handle = I.handlePlace(S, *PM);
    HandleKnown = Handle.Base != nullptr;
    ArgPlace = placeOf(S.Arg);
    Result = resultVariable(S.Call, *PM);
    // pthread_create and friends return 0 on success; the APIs that return
    // the handle return null on failure.
    NonZeroIsSuccess = S.Api->HandleReturned;
    nameHandle();
    if (S.Api->NeverJoined && Lifetime)
      Facts.Status = ScopeStatus::NeverJoined;
  }

  /// The handle as the messages name it.
  void nameHandle() {
    Facts.HandleName = S.Handle ? "the thread's handle" : "the thread";
    if (!Handle.Base)
      return;
    Facts.HandleName = "'" + Handle.Base->getNameAsString() + "'";
    // As written, without the & (`&w->tid` is joined as 'w->tid').
    if (!S.Handle || S.Handle == S.Call)
      return;
    const Expr *H = stripCasts(S.Handle);
    if (const auto *UO = dyn_cast<UnaryOperator>(H);
        UO && UO->getOpcode() == UO_AddrOf)
      H = UO->getSubExpr()->IgnoreParens();
    llvm::StringRef Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(H->getSourceRange()),
        I.Ctx.getSourceManager(), I.Ctx.getLangOpts());
    if (!Text.empty() && Text.size() <= 40 && !Text.contains('\n'))
      Facts.HandleName = "'" + Text.str() + "'";
  }

  /// Joins of this handle inside the function (for the loop idiom) and
  /// detaches of it, by pthread_detach or by the attributes it was
  /// created with.
  void collectJoinsAndDetaches() {
    Place Attr;
    if (const Expr *A = createAttributes(S.Call))
      Attr = placeOf(A);
    for (const CallExpr *Call : G->ScopeCalls) {
      if (HandleKnown)
        collectJoinOrDetach(Call);
      if (Attr.Base)
        if (const Expr *A = detachedAttributes(Call, I.Ctx);
            A && placeOf(A).sameObject(Attr) && Lifetime) {
          Facts.Status = ScopeStatus::Detached;
          Facts.DetachLoc = Call->getBeginLoc();
        }
    }
  }

  void collectJoinOrDetach(const CallExpr *Call) {
    bool Handshake = false;
    if (std::optional<Place> J = I.joinedPlace(Call, Handshakes, Handshake)) {
      if (J->sameObject(Handle) && !Handshake)
        JoinCalls.push_back(Call);
      if (Handshake && Borrowed && J->Base == Borrowed)
        HandshakeCalls.push_back(Call);
    }
    if (Lifetime && I.Apis.isDetach(Call->getDirectCallee()) &&
        Call->getNumArgs() > 0 && placeOf(Call->getArg(0)).sameObject(Handle)) {
      Facts.Status = ScopeStatus::Detached;
      Facts.DetachLoc = Call->getBeginLoc();
    }
  }

  /// Walk forward from the spawn until joins.
  void walk() {
    Work.push_back({SpawnAt.first, SpawnAt.second + 1});
    while (!Work.empty()) {
      Item It = Work.back();
      Work.pop_back();
      if (It.From == 0 && !Done.insert(It.B).second)
        continue;
      if (It.From == 0 && isJoinLoop(It.B))
        continue;
      const ReturnStmt *Ret = nullptr;
      if (visitElements(It.B, It.From, Ret))
        followSuccessors(It.B, Ret);
    }
  }

  bool isJoinLoop(const CFGBlock *B) {
    const Stmt *Term = B->getTerminatorStmt();
    if (!isLoopStmt(Term) || Term == S.Loop)
      return false;
    // The condition block of a join loop counts as the join.
    if (HandleKnown && loopJoins(Term, JoinCalls, *PM))
      return true;
    // Likewise a predicate loop around a handshake wait
    // (while (!ready) pthread_cond_wait(&a.cond, &a.lock)).
    if (Handshakes && loopJoins(Term, HandshakeCalls, *PM)) {
      ByHandshake = true;
      return true;
    }
    return false;
  }

  /// Visits B's elements from From on; false when the path ends in B (a
  /// join, or a leak). Ret is the return statement met on the way.
  bool visitElements(const CFGBlock *B, unsigned From, const ReturnStmt *&Ret) {
    for (unsigned K = From; K < B->size(); ++K) {
      CFGElement E = (*B)[K];
      if (std::optional<CFGLifetimeEnds> LE = E.getAs<CFGLifetimeEnds>()) {
        if (visitLifetimeEnd(*LE, B, Ret))
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
  bool visitLifetimeEnd(const CFGLifetimeEnds &LE, const CFGBlock *B,
                        const ReturnStmt *Ret) {
    if (HeapPtr && LE.getVarDecl() == HeapPtr)
      HeapKilled = true; // the pointer is gone; a new one may follow
    if (!Borrowed || LE.getVarDecl() != Borrowed)
      return false;
    const Stmt *Term = B->getTerminatorStmt();
    if (isErrorReturn(Ret))
      ; // an error path: not judged in default mode
    else if (Ret)
      leak(Ret->getBeginLoc(),
           "this path returns without joining " + Facts.HandleName);
    else if (Term && isa<BreakStmt, ContinueStmt, GotoStmt>(Term))
      leak(Term->getBeginLoc(), std::string("this path leaves the block ('") +
                                    (isa<BreakStmt>(Term)      ? "break"
                                     : isa<ContinueStmt>(Term) ? "continue"
                                                               : "goto") +
                                    "') without joining " + Facts.HandleName);
    else
      leak(LE.getTriggerStmt() ? LE.getTriggerStmt()->getEndLoc()
                               : S.Call->getBeginLoc(),
           "'" + Borrowed->getName().str() +
               "' dies here, at the end of its block, and " + Facts.HandleName +
               " may not be joined yet");
    return true;
  }

  /// True when the path ends at St (a join).
  bool visitStmt(const Stmt *St, const ReturnStmt *&Ret) {
    if (const auto *RS = dyn_cast<ReturnStmt>(St))
      Ret = RS;
    if (const auto *DS = dyn_cast<DeclStmt>(St))
      if (HeapPtr && llvm::is_contained(DS->decls(), HeapPtr))
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
  bool visitCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return false;
    bool Handshake = false;
    std::optional<Place> J =
        HandleKnown ? I.joinedPlace(Call, Handshakes, Handshake) : std::nullopt;
    if (J && !Handshake && J->sameObject(Handle))
      return true;
    // A handshake on a sync object the thread got with its argument.
    if (J && Handshake && Borrowed && J->Base == Borrowed) {
      ByHandshake = true;
      return true;
    }
    if (!Handshakes && Borrowed) {
      bool Ignored = false;
      if (std::optional<Place> W = I.joinedPlace(Call, true, Ignored))
        if (Ignored && W->Base == Borrowed)
          Facts.SawHandshake = true;
    }
    if (isLockAcquire(Callee))
      Facts.TakesLock = true;
    if (isLongjmp(Callee) && Lifetime) {
      leak(Call->getBeginLoc(), "this path leaves the function through '" +
                                    Callee->getNameAsString() +
                                    "' without joining " + Facts.HandleName);
      return true;
    }
    visitCallArguments(Call, Callee);
    return false;
  }

  /// Writes through calls.
  void visitCallArguments(const CallExpr *Call, const FunctionDecl *Callee) {
    for (unsigned A = 0; A < Call->getNumArgs(); ++A) {
      Place Arg = placeOf(Call->getArg(A));
      if (Arg.Base && reachesObject(Call->getArg(A), Arg) && Call != S.Call)
        visitCallArgument(Call, Callee, A, Arg);
    }
  }

  /// Whether a call's argument hands it the borrowed object (its address,
  /// or the array) or the handed-over heap object.
  bool reachesObject(const Expr *ArgExpr, const Place &Arg) const {
    return (Borrowed && Arg.Base == Borrowed && !Arg.ThroughPointer &&
            (stripCasts(ArgExpr)->getType()->isPointerType() ||
             isa<UnaryOperator>(stripCasts(ArgExpr)) ||
             Borrowed->getType()->isArrayType())) ||
           (HeapPtr && !HeapKilled && Arg.Base == HeapPtr);
  }

  void visitCallArgument(const CallExpr *Call, const FunctionDecl *Callee,
                         unsigned A, const Place &Arg) {
    // &args.lock, &args.counter (atomic): cooperation, not a write.
    const Expr *Obj = stripCasts(Call->getArg(A));
    if (const auto *UO = dyn_cast<UnaryOperator>(Obj))
      if (UO->getOpcode() == UO_AddrOf)
        Obj = UO->getSubExpr()->IgnoreParens();
    if (I.isSyncLValue(Obj))
      return;
    // Another element of an array handed out per element.
    if (ArgPlace.Indexed && Arg.Indexed && Arg.Base == ArgPlace.Base)
      return;
    if (HeapPtr && Arg.Base == HeapPtr && A == 0 && isFree(Callee)) {
      Facts.Accesses.push_back({SpawnerAccess::Free, Call, "frees {}"});
      return;
    }
    if (A == 0 && writesFirstArgument(Callee)) {
      Facts.Accesses.push_back(
          {SpawnerAccess::Write, Call,
           "writes {} with '" + Callee->getNameAsString() + "'"});
      return;
    }
    if (!readOnlyParam(Callee, A) && Borrowed && Arg.Base == Borrowed &&
        !I.touchesOnlySyncPart(stripCasts(Call->getArg(A)), *PM) &&
        !isLockAcquire(Callee) && !I.Apis.join(Callee) && !I.Apis.spawn(Callee))
      Facts.Accesses.push_back({SpawnerAccess::Write, Call,
                                "passes the address of {} to '" +
                                    Callee->getNameAsString() +
                                    "', which may write it,"});
  }

  /// Direct writes: the target of an assignment or increment, if St is one.
  static const Expr *writtenLValue(const Stmt *St) {
    const Expr *Target = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(St))
      if (BO->isAssignmentOp())
        Target = BO->getLHS();
    if (const auto *UO = dyn_cast<UnaryOperator>(St))
      if (UO->isIncrementDecrementOp())
        Target = UO->getSubExpr();
    return Target;
  }

  void visitWrite(const Stmt *St, const Expr *Target) {
    Place T = placeOf(Target);
    if (HeapPtr && !HeapKilled && T.Base == HeapPtr) {
      if (!T.ThroughPointer && T.Fields.empty() && !T.Indexed) {
        HeapKilled = true; // p = ...: a new object from here on
      } else if (!I.isSyncLValue(Target) && SeenAccess.insert(St).second) {
        Facts.Accesses.push_back(
            {SpawnerAccess::Write, cast<Expr>(St), describeWrite(St)});
      }
    } else if (Borrowed && T.Base == Borrowed && !T.ThroughPointer &&
               !(ArgPlace.Indexed && T.Indexed) &&
               SeenAccess.insert(St).second) {
      if (!I.isSyncLValue(Target)) {
        SpawnerAccess A{SpawnerAccess::Write, cast<Expr>(St),
                        describeWrite(St)};
        A.LoopCounter = incrementsSpawnLoop(St);
        Facts.Accesses.push_back(std::move(A));
      }
    }
  }

  /// St is the increment of the for loop the spawn is in.
  bool incrementsSpawnLoop(const Stmt *St) const {
    if (S.Loop)
      if (const auto *FS = dyn_cast<ForStmt>(S.Loop))
        return FS->getInc() &&
               (FS->getInc() == St || FS->getInc()->IgnoreParens() == St);
    return false;
  }

  /// Reads (they make a borrow shared; in strict mode they are uses of a
  /// handed-over heap object).
  void visitRead(const DeclRefExpr *DRE) {
    const ValueDecl *D = DRE->getDecl();
    if ((D == Borrowed || (D == HeapPtr && !HeapKilled)) &&
        !(ArgPlace.Indexed && D == Borrowed) &&
        I.readsObject(DRE, D == HeapPtr, *PM) &&
        !I.touchesOnlySyncPart(DRE, *PM) && SeenAccess.insert(DRE).second)
      Facts.Accesses.push_back({SpawnerAccess::Read, DRE, "reads it"});
  }

  /// Queues B's successors, except the branch taken when the thread was not
  /// created (or, in default mode, a thread API failed); reaching the exit
  /// leaks what dies there.
  void followSuccessors(const CFGBlock *B, const ReturnStmt *Ret) {
    std::optional<unsigned> FailureSucc = failureSuccessor(B);
    unsigned SuccIndex = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      const CFGBlock *N = Succ.getReachableBlock();
      if (FailureSucc && SuccIndex++ == *FailureSucc)
        continue;
      if (!N)
        continue;
      if (N == &G->Graph->getExit()) {
        // The exit block: a return (or the end of the function).
        if (DiesAtExit && !B->hasNoReturnElement() && !isErrorReturn(Ret))
          leak(Ret ? Ret->getBeginLoc() : S.Caller->getBodyRBrace(),
               Ret ? "this path returns without joining " + Facts.HandleName
                   : "the function ends here without joining " +
                         Facts.HandleName);
        continue;
      }
      Work.push_back({N, 0});
    }
  }

  std::optional<unsigned> failureSuccessor(const CFGBlock *B) const {
    // The branch taken when the thread was not created starts nothing.
    if (B->succ_size() == 2)
      if (std::optional<bool> NonZeroTrue =
              testsResult(dyn_cast_or_null<Expr>(B->getTerminatorCondition()),
                          S.Call, Result, I.Ctx))
        return (*NonZeroTrue == NonZeroIsSuccess) ? 1u : 0u;
    if (Handshakes) // default mode: error paths are out
      return threadApiFailureSucc(B, I.Ctx);
    return std::nullopt;
  }

  // Default mode does not judge error paths: returning an error code (a
  // non-zero constant) usually ends the program or is followed by the
  // caller's cleanup. Strict mode judges them.
  bool isErrorReturn(const ReturnStmt *R) const {
    Expr::EvalResult V;
    return Handshakes && R && R->getRetValue() &&
           R->getRetValue()->getType()->isIntegerType() &&
           R->getRetValue()->EvaluateAsInt(V, I.Ctx) && V.Val.getInt() != 0;
  }

  /// The first path found that leaves without joining is the one reported.
  void leak(SourceLocation Loc, std::string Why) {
    if (Leaked)
      return;
    Leaked = true;
    Facts.LeakLoc = Loc;
    Facts.LeakWhy = std::move(Why);
  }

  void setFinalStatus() {
    if (!Lifetime)
      return;
    if (Facts.Status == ScopeStatus::Detached ||
        Facts.Status == ScopeStatus::NeverJoined)
      return;
    if (!HandleKnown) {
      Facts.Status = ScopeStatus::UnknownHandle;
      return;
    }
    if (Leaked)
      Facts.Status = ScopeStatus::Unscoped;
    else
      Facts.Status =
          ByHandshake ? ScopeStatus::ScopedByHandshake : ScopeStatus::Scoped;
  }
};

ScopeFacts ThreadScopeAnalysis::analyze(const SpawnSite &S, bool Handshakes) {
  return Impl::ScopeWalk(*P, S, Handshakes).run();
}

} // namespace sendsync
