//===- GlobalLockSets.cpp - The locks held at every use of a global -------===//

#include "GlobalLockSets.h"
#include "Places.h"

using namespace clang;

namespace sendsync {

namespace {

/// A lock every function names the same way.
bool isGlobalLock(const LockName &L) {
  const auto *VD = dyn_cast_or_null<VarDecl>(L.Base);
  return VD && !L.InPointee && VD->hasGlobalStorage();
}

/// A ∪ (the global locks of B).
LockSet withGlobalLocks(LockSet A, const LockSet &B) {
  for (const LockName &L : B)
    if (isGlobalLock(L) && !llvm::is_contained(A, L))
      A.push_back(L);
  return A;
}

/// What holds on entry to a function reached from the root.
struct EntryState {
  LockSet Held;
  bool Unknown = false;
};

/// The functions threadCodeFrom read from Root, with what holds on entry
/// to each: a forward must-hold dataflow over the calls it followed.
class EntryLocks {
public:
  explicit EntryLocks(SummaryIndex &Summaries) : Summaries(Summaries) {}

  void run(const FunctionDecl *Root, ThreadGlobalsCache &Cache,
           const ThreadCode &Code) {
    llvm::DenseSet<const FunctionDecl *> Read;
    for (const auto &[Fn, Depth] : Code.Reached)
      Read.insert(Fn);
    for (const auto &[Caller, Depth] : Code.Reached)
      if (Depth < MaxGlobalCallDepth)
        for (const auto &[Call, Callee] : Cache.of(Caller).Defined)
          if (Read.count(Callee)) {
            Outgoing[Caller].push_back({Call, Callee});
            Incoming[Callee].push_back(Call);
          }
    State[Root] = EntryState();
    llvm::SmallVector<const FunctionDecl *, 16> Work{Root};
    while (!Work.empty()) {
      const FunctionDecl *Caller = Work.pop_back_val();
      EntryState From = State[Caller];
      const FunctionLocks *L = locks(Caller);
      From.Unknown |= !L || L->Unknown;
      for (const auto &[Call, Callee] : Outgoing.lookup(Caller))
        if (flow(Callee, From, L ? L->at(Call) : LockSet()))
          Work.push_back(Callee);
    }
  }

  /// The locks held at a use in Fn: on entry, and in Fn there.
  EntryState at(const FunctionDecl *Fn, const Stmt *Use) {
    EntryState S = State.lookup(Fn);
    const FunctionLocks *L = locks(Fn);
    if (!L) {
      S.Unknown = true;
      return S;
    }
    const LockSet &Here = L->at(Use);
    S.Held = withGlobalLocks(std::move(S.Held), Here);
    for (const LockName &Lock : Here)
      if (std::optional<LockName> G = globalAtEveryCall(Fn, Lock))
        if (!llvm::is_contained(S.Held, *G))
          S.Held.push_back(*G);
    S.Unknown |= L->Unknown;
    return S;
  }

private:
  /// A lock Fn takes through a parameter (`lock(m)`, `lock(&s->mu)`) as
  /// the global lock every call to Fn from the root's code hands it
  /// (`f(&g_lock)`, `f(&g_state)`); none when one call hands another, or
  /// no global (one call up only).
  std::optional<LockName> globalAtEveryCall(const FunctionDecl *Fn,
                                            const LockName &Lock) const {
    const auto *PVD = dyn_cast_or_null<ParmVarDecl>(Lock.Base);
    auto It = Incoming.find(Fn);
    if (!Lock.InPointee || !PVD || It == Incoming.end())
      return std::nullopt;
    std::optional<LockName> Same;
    for (const CallExpr *Call : It->second) {
      unsigned I = PVD->getFunctionScopeIndex();
      Place P = I < Call->getNumArgs() ? placeOf(Call->getArg(I)) : Place();
      const auto *VD = dyn_cast_or_null<VarDecl>(P.Base);
      if (!VD || !VD->hasGlobalStorage() || P.ThroughPointer || P.Indexed)
        return std::nullopt;
      LockName G;
      G.Base = VD;
      G.Fields = P.Fields;
      G.Fields.append(Lock.Fields.begin(), Lock.Fields.end());
      if (Same && !(*Same == G))
        return std::nullopt;
      Same = G;
    }
    return Same;
  }

  /// Meets what a call brings into Callee's entry state; true if it changed.
  bool flow(const FunctionDecl *Callee, const EntryState &From,
            const LockSet &AtCall) {
    EntryState In{withGlobalLocks(From.Held, AtCall), From.Unknown};
    auto [It, New] = State.try_emplace(Callee, In);
    if (New)
      return true;
    EntryState Met{meetLocks(It->second.Held, In.Held),
                   It->second.Unknown || In.Unknown};
    if (Met.Held.size() == It->second.Held.size() &&
        Met.Unknown == It->second.Unknown)
      return false;
    It->second = std::move(Met);
    return true;
  }

  const FunctionLocks *locks(const FunctionDecl *Fn) {
    auto [It, New] = Locks.try_emplace(Fn, nullptr);
    if (New)
      It->second = Summaries.walkLocksOf(Fn);
    return It->second;
  }

  SummaryIndex &Summaries;
  llvm::DenseMap<const FunctionDecl *, EntryState> State;
  /// The calls the walk followed, from and to each function.
  llvm::DenseMap<
      const FunctionDecl *,
      llvm::SmallVector<std::pair<const CallExpr *, const FunctionDecl *>, 2>>
      Outgoing;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const CallExpr *, 2>>
      Incoming;
  llvm::DenseMap<const FunctionDecl *, const FunctionLocks *> Locks;
};

} // namespace

llvm::DenseMap<const VarDecl *, GlobalLockSet>
globalLockSets(SummaryIndex &Summaries, const FunctionDecl *Root,
               ThreadGlobalsCache &Cache, const ThreadCode &Code) {
  Summaries.of(Root); // its callees too, with their walks' locks kept
  EntryLocks Entry(Summaries);
  Entry.run(Root, Cache, Code);
  llvm::DenseMap<const VarDecl *, GlobalLockSet> Out;
  for (const GlobalAccess &A : Code.Globals) {
    if (A.Sync)
      continue; // taking a lock is no access the lock guards
    EntryState S = Entry.at(A.Fn, A.Ref);
    auto [It, New] = Out.try_emplace(A.Global->getCanonicalDecl());
    It->second.Held =
        New ? std::move(S.Held) : meetLocks(It->second.Held, S.Held);
    It->second.Unknown |= S.Unknown;
  }
  return Out;
}

} // namespace sendsync
