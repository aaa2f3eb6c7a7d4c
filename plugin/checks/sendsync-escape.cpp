//===- sendsync-escape.cpp - A borrow reaches a thread that may outlive it ===//
//
// docs/rules.md §2-§3: the address of stack or thread-local memory (or a
// borrowed pointer) may go to a thread only when that thread is joined on every
// path before the memory dies. The paths come from ThreadScope.cpp; this check
// words them. Default mode reports what is proven to leak (a path without a
// join, a detached thread, an API that never joins); strict mode also
// reports what cannot be proven (a handle that cannot be followed).
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "ProvenanceWording.h"
#include "ScopeWording.h"

using namespace clang;

namespace sendsync {

namespace {

/// What escapes, in two parts: whether it is the address of the memory,
/// and the memory itself ("local 'x'", "stack memory from alloca at f.c:3").
struct Subject {
  bool AddressOf;
  std::string Memory;
  std::string whole() const {
    return AddressOf ? "address of " + Memory : Memory;
  }
};

Subject subject(const SpawnSite &S, const CheckContext &C) {
  const Provenance &P = S.Prov;
  std::string Name =
      P.Object ? "'" + P.Object->getName().str() + "'" : std::string();
  switch (P.Kind) {
  case Storage::ThreadLocal:
    return {true, "thread-local " + Name};
  case Storage::Stack:
    if (!P.Object) // "stack memory from alloca at f.c:3", a compound literal
      return {false,
              P.From.Kind == OriginKind::Alloca
                  ? describeOrigin(P.From, C.Ctx.getSourceManager())
                  : "stack memory (" +
                        describeOrigin(P.From, C.Ctx.getSourceManager()) + ")"};
    return {true,
            (isa<ParmVarDecl>(P.Object) ? "parameter " : "local ") + Name};
  default:
    return {false, "borrowed pointer " + C.Tracer.spell(stripCasts(S.Arg))};
  }
}

/// Why a thread is never joined: the API cannot join (dispatch_async_f), or
/// a marked API has no join anywhere in this file.
std::string neverJoinedWhy(const SpawnSite &S) {
  std::string Name = "'" + S.Call->getDirectCallee()->getNameAsString() + "'";
  if (S.Api->Origin == SpawnOrigin::Marked)
    return Name + " is marked as a spawn API, but no function called here "
                  "has a thread_join parameter, so what it starts is never "
                  "joined; mark your join function's parameter "
                  "SS_THREAD_JOIN";
  return Name + " does not wait for the work it starts";
}

} // namespace

void checkEscapes(CheckContext &C, FindingList &Out) {
  for (const SpawnSite &S : C.Spawns.sites()) {
    const ScopeFacts &Sc = C.Scopes.of(S);
    // Handed-over objects that hold borrowed pointers are sendsync-not-send.
    if (S.Prov.AssumeSend || S.Prov.AssumeSync || S.Prov.transfers())
      continue;
    bool Strict = C.isStrictAt(S.Call->getBeginLoc());
    bool Proven = Sc.Status == ScopeStatus::Unscoped ||
                  Sc.Status == ScopeStatus::Detached ||
                  Sc.Status == ScopeStatus::NeverJoined;
    bool Unproven = Sc.Status == ScopeStatus::UnknownHandle;
    if (!Proven && !(Strict && Unproven))
      continue;
    Finding F;
    F.Check = CheckId::Escape;
    F.Loc = S.Arg->getExprLoc();
    Subject What = subject(S, C);
    if (S.Prov.Kind == Storage::ThreadLocal)
      F.Message = What.whole() + " is handed to another thread";
    else if (Proven)
      F.Message = What.whole() + " escapes to a thread that may outlive it";
    else
      F.Message = "cannot prove that the thread started here is joined "
                  "before " +
                  What.Memory + " dies";
    if (const auto *VD = dyn_cast_or_null<VarDecl>(S.Prov.Object)) {
      if (isa<ParmVarDecl>(VD))
        F.Notes.push_back({VD->getLocation(),
                           "'" + VD->getName().str() + "' is a parameter of '" +
                               S.Caller->getNameAsString() +
                               "' and dies when it returns"});
      else if (S.Prov.Kind == Storage::Stack)
        F.Notes.push_back(
            {VD->getLocation(), "'" + VD->getName().str() +
                                    "' is declared here and dies at the end of "
                                    "this block"});
      else
        F.Notes.push_back(
            {VD->getLocation(),
             "'" + VD->getName().str() + "' is declared thread-local here"});
    }
    switch (Sc.Status) {
    case ScopeStatus::Detached:
      F.Notes.push_back({Sc.DetachLoc, "the thread is detached here, so it "
                                       "is never joined"});
      break;
    case ScopeStatus::NeverJoined:
      F.Notes.push_back({S.Call->getBeginLoc(), neverJoinedWhy(S)});
      break;
    case ScopeStatus::UnknownHandle:
      F.Notes.push_back(
          {S.Call->getBeginLoc(),
           "the thread's handle cannot be followed from here; join it in "
           "this function, or mark your join function's parameter "
           "SS_THREAD_JOIN"});
      break;
    default:
      if (Sc.Leak && Sc.Leak->Loc.isValid())
        F.Notes.push_back({Sc.Leak->Loc, describeLeak(Sc, *Sc.Leak)});
      if (Sc.SawHandshake)
        F.Notes.push_back({S.Call->getBeginLoc(),
                           "a handshake wait follows, but strict mode asks "
                           "for a join"});
      if (Sc.LateSignal && Sc.UsedAfterSignal) {
        F.Notes.push_back({Sc.LateSignal->getExprLoc(),
                           "the thread signals here, so the wait returns, "
                           "but the thread has not finished with the object"});
        F.Notes.push_back({Sc.UsedAfterSignal->getExprLoc(),
                           "the thread uses it again here, after the signal"});
      }
      break;
    }
    if (S.Prov.Kind == Storage::ThreadLocal ||
        Sc.Status == ScopeStatus::Detached ||
        Sc.Status == ScopeStatus::NeverJoined)
      F.Notes.push_back({S.Call->getBeginLoc(),
                         "the thread is started here; hand it heap memory "
                         "or a copy instead"});
    else
      F.Notes.push_back({S.Call->getBeginLoc(),
                         "the thread is started here; join " + handleName(Sc) +
                             " before the memory dies, or hand over heap "
                             "memory instead"});
    Out.push_back(std::move(F));
  }
}

} // namespace sendsync
