//===- SpawnApis.cpp - Functions that start threads, and those that join --===//

#include "SpawnApis.h"
#include "CallerFacts.h"
#include "WrapperHandles.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace sendsync {

namespace {

/// One row of the built-in table. Parameter indexes are 0-based; -1 = none.
struct BuiltinSpawn {
  llvm::StringLiteral Name;
  int Handle; // parameter holding a pointer to the handle; -1: see Returned
  int Entry;
  int Arg;
  bool Returned; // the handle is the result
  bool Waits;    // the call returns after the work has run
  bool Never;    // cannot be joined
};

// The table of docs/spawn-apis.md. Keep the two in step.
constexpr BuiltinSpawn BuiltinSpawns[] = {
    // POSIX, C11
    {"pthread_create", 0, 2, 3, false, false, false},
    {"thrd_create", 0, 1, 2, false, false, false},
    // libuv
    {"uv_thread_create", 0, 1, 2, false, false, false},
    {"uv_thread_create_ex", 0, 2, 3, false, false, false},
    // GLib
    {"g_thread_new", -1, 1, 2, true, false, false},
    {"g_thread_try_new", -1, 1, 2, true, false, false},
    // Windows
    {"CreateThread", -1, 2, 3, true, false, false},
    {"_beginthreadex", -1, 2, 3, true, false, false},
    {"_beginthread", -1, 0, 2, false, false, true},
    // Apple's libdispatch: (queue, context, work)
    {"dispatch_async_f", -1, 2, 1, false, false, true},
    {"dispatch_sync_f", -1, 2, 1, false, true, false},
};

struct BuiltinJoin {
  llvm::StringLiteral Name;
  unsigned Handle;
  bool Handshake;
};

constexpr BuiltinJoin BuiltinJoins[] = {
    {"pthread_join", 0, false},
    {"thrd_join", 0, false},
    {"uv_thread_join", 0, false},
    {"g_thread_join", 0, false},
    {"WaitForSingleObject", 0, false},
    {"WaitForSingleObjectEx", 0, false},
    {"WaitForMultipleObjects", 1, false},
    // Handshakes: the thread signals that it has taken what it needs.
    {"sem_wait", 0, true},
    {"pthread_barrier_wait", 0, true},
    {"pthread_cond_wait", 0, true},
    {"pthread_cond_timedwait", 0, true},
    {"cnd_wait", 0, true},
    {"cnd_timedwait", 0, true},
};

constexpr llvm::StringLiteral BuiltinDetaches[] = {"pthread_detach",
                                                   "thrd_detach"};

/// Only a C-linkage function at file scope can be the library's.
bool isLibraryCandidate(const FunctionDecl *FD) {
  return FD->getIdentifier() && FD->getDeclContext()->isFileContext() &&
         FD->isExternC();
}

/// The marker on parameter I of any redeclaration of FD.
bool paramHasMarker(const FunctionDecl *FD, unsigned I, Marker M,
                    MarkerIndex &Markers) {
  for (const FunctionDecl *R : FD->redecls())
    if (I < R->getNumParams() && R->getParamDecl(I)->hasAttrs() &&
        Markers.find(R->getParamDecl(I), M)) // most parameters have none
      return true;
  return false;
}

std::optional<unsigned> markedParam(const FunctionDecl *FD, Marker M,
                                    MarkerIndex &Markers) {
  for (unsigned I = 0, N = FD->getNumParams(); I < N; ++I)
    if (paramHasMarker(FD, I, M, Markers))
      return I;
  return std::nullopt;
}

/// The parameter of Caller that E forwards unchanged, if any.
std::optional<unsigned> forwardedParam(const Expr *E,
                                       const FunctionDecl *Caller) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripCasts(E));
  if (!DRE)
    return std::nullopt;
  const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl());
  // Only a pointer parameter passed on as it is: `(void *)(intptr_t)n`
  // hands over a value, not the caller's memory.
  if (!PVD || PVD->getDeclContext() != Caller ||
      !PVD->getType()->isAnyPointerType())
    return std::nullopt;
  return PVD->getFunctionScopeIndex();
}

/// `&worker` or `&workers[i]` with a variable of static storage: a handle
/// that outlives the wrapper, for its callers to join.
bool isGlobalHandle(const Expr *E) {
  const Expr *S = stripCasts(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->getOpcode() == UO_AddrOf)
      S = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(S))
    S = ASE->getBase()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(S);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasGlobalStorage() && VD->getTLSKind() == VarDecl::TLS_None;
}

} // namespace

/// Whether what a spawn function returns may be a handle that a function
/// the plugin does not know joins: anything but void and a plain integer
/// status (pthread_t, a task_t typedef, a pointer may be handles).
static bool mayReturnHandle(const FunctionDecl *FD) {
  QualType R = FD->getReturnType();
  if (R->isVoidType())
    return false;
  // getAs looks through the ElaboratedType that clang 19 wraps a typedef
  // name in (clang 22 does not).
  return !(R->isIntegerType() && !R->getAs<TypedefType>());
}

/// The built-in spawn API of a function name, if any.
static std::optional<SpawnApi> builtinSpawn(llvm::StringRef Name) {
  for (const BuiltinSpawn &B : BuiltinSpawns) {
    if (B.Name != Name)
      continue;
    SpawnApi A;
    A.EntryParam = B.Entry;
    A.ArgParam = B.Arg;
    if (B.Handle >= 0)
      A.HandleParam = B.Handle;
    A.HandleReturned = B.Returned;
    A.WaitsForThread = B.Waits;
    A.NeverJoined = B.Never;
    return A;
  }
  return std::nullopt;
}

std::optional<SpawnApi>
SpawnApiIndex::lookupDeclared(const FunctionDecl *FD,
                              MarkerIndex &Markers) const {
  // Markers first: a user's redeclaration extends or overrides the table.
  std::optional<unsigned> Arg = markedParam(FD, Marker::ThreadArg, Markers);
  std::optional<unsigned> Entry = markedParam(FD, Marker::ThreadEntry, Markers);
  if (Arg) {
    SpawnApi A;
    A.Origin = SpawnOrigin::Marked;
    A.ArgParam = *Arg;
    A.EntryParam = Entry;
    A.HandleParam = markedParam(FD, Marker::ThreadJoin, Markers);
    return A;
  }
  if (!isLibraryCandidate(FD))
    return std::nullopt;
  std::optional<SpawnApi> A = builtinSpawn(FD->getName());
  if (!A)
    return std::nullopt;
  unsigned Needed = std::max<unsigned>(A->ArgParam, *A->EntryParam) + 1;
  if (FD->getNumParams() < Needed)
    return std::nullopt; // some other function of that name
  return A;
}

std::optional<JoinApi> SpawnApiIndex::lookupJoin(const FunctionDecl *FD,
                                                 MarkerIndex &Markers) const {
  if (!markedParam(FD, Marker::ThreadArg, Markers))
    if (std::optional<unsigned> H =
            markedParam(FD, Marker::ThreadJoin, Markers))
      return JoinApi{*H, false};
  if (!isLibraryCandidate(FD))
    return std::nullopt;
  for (const BuiltinJoin &B : BuiltinJoins)
    if (B.Name == FD->getName() && FD->getNumParams() > B.Handle)
      return JoinApi{B.Handle, B.Handshake};
  return std::nullopt;
}

/// The spawn API of C's caller as a wrapper of Inner (C's callee), if C
/// hands the caller's own parameter to the thread.
static std::optional<SpawnApi>
inferredWrapper(const TranslationUnitIndex::Call &C, const SpawnApi &Inner,
                const SpawnApiIndex &Apis) {
  const CallExpr *Call = C.Expr;
  if (Inner.WaitsForThread || Inner.ArgParam >= Call->getNumArgs())
    return std::nullopt;
  std::optional<unsigned> Arg =
      forwardedParam(Call->getArg(Inner.ArgParam), C.Caller);
  if (!Arg)
    return std::nullopt;
  SpawnApi A;
  A.Origin = SpawnOrigin::Inferred;
  A.Forwards = Call;
  A.ArgParam = *Arg;
  A.NeverJoined = Inner.NeverJoined;
  if (Inner.EntryParam && *Inner.EntryParam < Call->getNumArgs()) {
    const Expr *Entry = Call->getArg(*Inner.EntryParam);
    A.EntryParam = forwardedParam(Entry, C.Caller);
    if (!A.EntryParam)
      A.FixedEntry = Entry;
  } else {
    A.FixedEntry = Inner.FixedEntry;
  }
  if (Inner.HandleParam && *Inner.HandleParam < Call->getNumArgs()) {
    const Expr *H = Call->getArg(*Inner.HandleParam);
    A.HandleParam = forwardedParam(H, C.Caller);
    if (!A.HandleParam && isGlobalHandle(H))
      A.FixedHandle = H;
  } else {
    A.FixedHandle = Inner.FixedHandle;
  }
  // A handle kept in a local of the wrapper: the wrapper decides.
  switch (handleFateInWrapper(C.Caller, Call, Inner, Apis)) {
  case HandleFate::Joined:
    A.WaitsForThread = true;
    break;
  case HandleFate::NeverJoined:
    A.NeverJoined = true;
    break;
  case HandleFate::Unknown:
    break;
  }
  return A;
}

/// The spawn API a wrapper of another unit is for its callers here; none
/// when this declaration cannot be that function (too few parameters).
static std::optional<SpawnApi> programWrapper(const FunctionDecl *FD,
                                              const ExternalWrapper &W) {
  unsigned N = FD->getNumParams();
  if (W.ArgParam >= N || (W.EntryParam && *W.EntryParam >= N) ||
      (W.Handle == ExternalHandle::Param && W.HandleParam >= N))
    return std::nullopt;
  SpawnApi A;
  A.Origin = SpawnOrigin::Program;
  A.ArgParam = W.ArgParam;
  A.EntryParam = W.EntryParam;
  A.ForwardsExternal = W.At;
  if (!W.EntryParam && !W.Entry.empty())
    for (const NamedDecl *D :
         FD->getASTContext().getTranslationUnitDecl()->lookup(
             &FD->getASTContext().Idents.get(W.Entry)))
      if (const auto *E = dyn_cast<FunctionDecl>(D))
        A.FixedEntryDecl = E;
  switch (W.Handle) {
  case ExternalHandle::Joined:
    A.WaitsForThread = true;
    break;
  case ExternalHandle::NeverJoined:
    A.NeverJoined = true;
    break;
  case ExternalHandle::Param:
    A.HandleParam = W.HandleParam;
    break;
  case ExternalHandle::Returned:
    A.HandleReturned = true;
    break;
  case ExternalHandle::Global: // a global of that unit: not joinable here
  case ExternalHandle::Unknown:
    break;
  }
  return A;
}

/// Whether the marked API says what the database's facts say.
static bool agrees(const SpawnApi *Marked, const JoinApi *MarkedJoin,
                   const ExternalFunction &F) {
  if (Marked)
    return F.Wrapper && F.Wrapper->ArgParam == Marked->ArgParam &&
           (!Marked->EntryParam || F.Wrapper->EntryParam == Marked->EntryParam);
  return F.JoinParam && *F.JoinParam == MarkedJoin->HandleParam;
}

/// FD's facts from the program database, where FD is another unit's
/// function: markers and built-ins first (a contradiction is recorded).
void SpawnApiIndex::addProgramFacts(const FunctionDecl *FD,
                                    const TranslationUnitIndex &Index,
                                    const ProgramFacts &Program) {
  if (!FD->getIdentifier() || !FD->hasExternalFormalLinkage() ||
      Index.hasUsableBody(FD))
    return;
  const ExternalFunction *F = Program.function(FD->getName());
  if (!F)
    return;
  auto S = Spawns.find(FD);
  const SpawnApi *Marked =
      S != Spawns.end() && S->second.Origin == SpawnOrigin::Marked ? &S->second
                                                                   : nullptr;
  const JoinApi *MarkedJoin = join(FD);
  if (Marked || MarkedJoin) {
    bool Contradicts =
        (F->Wrapper || F->JoinParam) && !agrees(Marked, MarkedJoin, *F);
    if (Contradicts)
      Contradictions.push_back({FD, F});
    return;
  }
  if (S != Spawns.end() || isDetach(FD))
    return; // a library function (the built-in table)
  if (F->Wrapper) {
    if (std::optional<SpawnApi> A = programWrapper(FD, *F->Wrapper))
      Spawns[FD] = *A;
  } else if (F->JoinParam && *F->JoinParam < FD->getNumParams()) {
    ProgramJoins[FD] = *F->JoinParam;
  }
}

SpawnApiIndex SpawnApiIndex::build(const TranslationUnitIndex &Index,
                                   MarkerIndex &Markers,
                                   const ProgramFacts *Program) {
  SpawnApiIndex Apis;
  // Declared APIs: every callee the translation unit calls.
  llvm::DenseMap<const FunctionDecl *, bool> Seen;
  bool AnyMarkedJoin = false;
  for (const TranslationUnitIndex::Call &C : Index.Calls) {
    const FunctionDecl *FD = C.Callee->getCanonicalDecl();
    if (!Seen.try_emplace(FD, true).second)
      continue;
    if (markedParam(FD, Marker::ThreadJoin, Markers))
      AnyMarkedJoin = true;
    if (std::optional<SpawnApi> A = Apis.lookupDeclared(FD, Markers))
      Apis.Spawns[FD] = *A;
    else if (std::optional<JoinApi> J = Apis.lookupJoin(FD, Markers))
      Apis.Joins[FD] = *J;
    else if (isLibraryCandidate(FD) &&
             llvm::is_contained(BuiltinDetaches, FD->getName()))
      Apis.Detaches[FD] = true;
    if (Program)
      Apis.addProgramFacts(FD, Index, *Program);
  }

  // A marked spawn API with no thread_join parameter that returns no handle,
  // in a translation unit that calls no function with a thread_join
  // parameter: nothing can ever join what it starts (docs/rules.md §6.4).
  if (!AnyMarkedJoin)
    for (auto &[FD, A] : Apis.Spawns)
      if (A.Origin == SpawnOrigin::Marked && !A.HandleParam &&
          !mayReturnHandle(FD))
        A.NeverJoined = true;

  // Inferred wrappers (a wrapper of a wrapper is one too), learnt from the
  // calls to the functions already known as the fixpoint over the calls in
  // index order would: the same wrappers, each with the same call.
  llvm::SmallVector<const FunctionDecl *, 16> Known;
  for (const auto &KV : Apis.Spawns)
    Known.push_back(KV.first);
  propagateToCallers(Index, Known, [&](const TranslationUnitIndex::Call &C) {
    std::optional<SpawnApi> A = inferredWrapper(C, *Apis.spawn(C.Callee), Apis);
    if (A)
      Apis.Spawns[C.Caller->getCanonicalDecl()] = *A;
    return A.has_value();
  });
  return Apis;
}

const SpawnApi *SpawnApiIndex::spawn(const FunctionDecl *FD) const {
  auto It = Spawns.find(FD->getCanonicalDecl());
  return It == Spawns.end() ? nullptr : &It->second;
}

const JoinApi *SpawnApiIndex::join(const FunctionDecl *FD) const {
  auto It = Joins.find(FD->getCanonicalDecl());
  return It == Joins.end() ? nullptr : &It->second;
}

bool SpawnApiIndex::isDetach(const FunctionDecl *FD) const {
  return Detaches.count(FD->getCanonicalDecl());
}

} // namespace sendsync
