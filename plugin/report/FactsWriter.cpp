//===- FactsWriter.cpp - The per-TU facts file (facts=<path>) -------------===//
//
// The format is versioned and documented in docs/facts.md; bump
// FactsFormatVersion on any incompatible change. Determinism: objects are
// printed with sorted keys (llvm::json does so), arrays are in parameter
// order, by name (globals) or sorted by their printed form, and nothing
// depends on addresses.
//
// Cost: llvm::json::Value's move constructor is not noexcept, so a growing
// std::vector of Values deep-copies them; every one here is reserved to its
// size first (on SQLite the copies were 4 % of the compile).
//
//===----------------------------------------------------------------------===//

#include "FactsWriter.h"
#include "AstHelpers.h"
#include "GlobalLockSets.h"
#include "Places.h"
#include "SummaryDump.h"
#include "ThreadGlobals.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <tuple>

using namespace clang;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace sendsync {

namespace {
constexpr int FactsFormatVersion = 1;

/// file:line of Loc (its expansion), as clang names the file; null when
/// there is none.
Value location(const SourceManager &SM, SourceLocation Loc) {
  if (Loc.isInvalid())
    return nullptr;
  PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (PL.isInvalid())
    return nullptr;
  return (llvm::Twine(PL.getFilename()) + ":" + llvm::Twine(PL.getLine()))
      .str();
}

Value location(const SourceManager &SM, const Expr *E) {
  return E ? location(SM, E->getExprLoc()) : Value(nullptr);
}

/// `struct job`, `union u`, or the typedef that names an anonymous record.
std::string recordName(const RecordDecl *RD) {
  if (!RD)
    return "";
  if (RD->getIdentifier())
    return (RD->getKindName() + " " + RD->getName()).str();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName().str();
  return RD->getKindName().str();
}

/// A path of fields, by name, with the record the first one is in.
void addFields(Object &O, llvm::ArrayRef<const FieldDecl *> Fields) {
  if (Fields.empty())
    return;
  Array Names;
  Names.reserve(Fields.size());
  for (const FieldDecl *F : Fields)
    Names.push_back(F->getName());
  O["record"] = recordName(Fields.front()->getParent());
  O["fields"] = std::move(Names);
}

Value part(const Part &P) {
  Object O;
  addFields(O, P.Fields);
  if (P.Indexed)
    O["indexed"] = true;
  return O;
}

Value lock(const LockName &L) {
  Object O;
  if (const auto *PVD = dyn_cast_or_null<ParmVarDecl>(L.Base)) {
    O["param"] = PVD->getFunctionScopeIndex();
    if (L.InPointee)
      O["in_pointee"] = true;
  } else if (const auto *VD = dyn_cast_or_null<VarDecl>(L.Base)) {
    O[VD->hasGlobalStorage() ? "global" : "local"] = VD->getName();
    if (VD->hasGlobalStorage() && !VD->hasExternalFormalLinkage())
      O["static"] = true;
  } else if (L.Base) {
    O["local"] = L.Base->getName();
  }
  addFields(O, L.Fields);
  return O;
}

/// Sorts by printed form and drops duplicates.
Array sortedUnique(std::vector<Value> Values) {
  std::vector<std::pair<std::string, Value>> Keyed;
  Keyed.reserve(Values.size());
  for (Value &V : Values) {
    std::string Key;
    llvm::raw_string_ostream(Key) << V;
    Keyed.emplace_back(std::move(Key), std::move(V));
  }
  llvm::sort(Keyed,
             [](const auto &A, const auto &B) { return A.first < B.first; });
  Array Out;
  Out.reserve(Keyed.size());
  for (size_t I = 0; I < Keyed.size(); ++I)
    if (I == 0 || Keyed[I].first != Keyed[I - 1].first)
      Out.push_back(std::move(Keyed[I].second));
  return Out;
}

Array locks(const LockSet &Locks) {
  std::vector<Value> Out;
  Out.reserve(Locks.size());
  for (const LockName &L : Locks)
    Out.push_back(lock(L));
  return sortedUnique(std::move(Out));
}

llvm::StringRef syncName(SyncOp K) {
  switch (K) {
  case SyncOp::Signal:
    return "signal";
  case SyncOp::Wait:
    return "wait";
  case SyncOp::Rendezvous:
    return "barrier";
  }
  llvm_unreachable("unknown sync op");
}

Value signal(const SourceManager &SM, const ParamSignal &S) {
  Object O{{"kind", syncName(S.Kind)}, {"at", location(SM, S.At)}};
  if (!S.Object.Fields.empty() || S.Object.Indexed)
    O["part"] = part(S.Object);
  if (S.Global)
    O["global"] = S.Global->getName();
  if (S.Opaque)
    O["function"] = S.Opaque->getName();
  if (S.UsedAfter)
    O["used_after"] = location(SM, S.UsedAfter);
  return O;
}

Value param(const SourceManager &SM, const ParmVarDecl *PVD,
            const ParamSummary &P) {
  // One use per kind, part and lock set, at the first place the summary
  // records it: the same access repeated adds nothing a reader can use.
  std::vector<std::pair<std::string, Value>> Uses;
  std::vector<Value> Signals;
  Uses.reserve(P.Uses.size());
  Signals.reserve(P.Signals.size());
  llvm::StringSet<> Seen;
  for (const ParamUse &U : P.Uses) {
    Value Body = Object{{"kind", useKindName(U.Kind)}};
    Object &O = *Body.getAsObject();
    if (!U.Where.Fields.empty() || U.Where.Indexed)
      O["part"] = part(U.Where);
    if (!U.Held.empty())
      O["locks"] = locks(U.Held);
    std::string Key;
    llvm::raw_string_ostream(Key) << Body;
    if (!Seen.insert(Key).second)
      continue;
    Value At = location(SM, U.At);
    // The printed form with "at", which sorts before every other key, as
    // sortedUnique would print it; Seen already made it unique.
    std::string Sorted;
    llvm::raw_string_ostream(Sorted) << "{\"at\":" << At << ",";
    Sorted += llvm::StringRef(Key).drop_front();
    O["at"] = std::move(At);
    Uses.emplace_back(std::move(Sorted), std::move(Body));
  }
  llvm::sort(Uses,
             [](const auto &A, const auto &B) { return A.first < B.first; });
  Array SortedUses;
  SortedUses.reserve(Uses.size());
  for (auto &KV : Uses)
    SortedUses.push_back(std::move(KV.second));
  for (const ParamSignal &S : P.Signals)
    Signals.push_back(signal(SM, S));
  Object O{{"index", PVD->getFunctionScopeIndex()},
           {"name", PVD->getName()},
           {"uses", std::move(SortedUses)}};
  if (!Signals.empty())
    O["signals"] = sortedUnique(std::move(Signals));
  if (P.Unknown)
    O["unknown"] = location(SM, P.UnknownAt);
  return O;
}

/// The name of the function or global an expression names, if it does.
std::string namedDecl(const Expr *E) {
  if (!E)
    return "";
  if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(E)))
    return DRE->getDecl()->getName().str();
  if (const ValueDecl *Base = placeOf(E).Base)
    return Base->getName().str();
  return "";
}

Value spawnWrapper(const SourceManager &SM, const SpawnApi &A) {
  Object O{{"arg_param", A.ArgParam}, {"at", location(SM, A.Forwards)}};
  if (A.EntryParam)
    O["entry_param"] = *A.EntryParam;
  else if (std::string Entry = namedDecl(A.FixedEntry); !Entry.empty())
    O["entry"] = Entry;
  llvm::StringRef Handle = "unknown";
  if (A.WaitsForThread) {
    Handle = "joined";
  } else if (A.NeverJoined) {
    Handle = "never_joined";
  } else if (A.HandleParam) {
    Handle = "param";
    O["handle_param"] = *A.HandleParam;
  } else if (A.HandleReturned) {
    Handle = "returned";
  } else if (std::string G = namedDecl(A.FixedHandle); !G.empty()) {
    Handle = "global";
    O["handle_global"] = G;
  }
  O["handle"] = Handle;
  return O;
}

Value summary(const SourceManager &SM, const FunctionDecl *FD,
              const FunctionSummary &S) {
  Object O;
  Array Params;
  Params.reserve(FD->getNumParams());
  for (unsigned I = 0; I < FD->getNumParams() && I < S.Params.size(); ++I)
    if (FD->getParamDecl(I)->getType()->isPointerType())
      Params.push_back(param(SM, FD->getParamDecl(I), S.Params[I]));
  O["params"] = std::move(Params);
  if (!S.Acquires.empty())
    O["acquires"] = locks(S.Acquires);
  if (!S.Releases.empty())
    O["releases"] = locks(S.Releases);
  if (S.LocksUnknown)
    O["locks_unknown"] = true;
  return O;
}

/// The globals the code of Fn (a thread entry, or any external function)
/// names, by name; a static variable of a function says which. Each global
/// once: at its first write when the code writes it, else its first use;
/// with the global locks held at all its uses (GlobalLockSets.h).
/// ExternalOnly leaves out this unit's own (static globals, static
/// variables of functions): no other unit can name them. Only, when given,
/// is where such globals can be found (functionsReaching).
Value globalsOf(FactsInput &In, const FunctionDecl *Fn,
                ThreadGlobalsCache &Cache, bool ExternalOnly,
                const llvm::DenseSet<const FunctionDecl *> *Only = nullptr) {
  const SourceManager &SM = In.Ctx.getSourceManager();
  llvm::DenseMap<const VarDecl *, size_t> Slot;
  std::vector<const GlobalAccess *> Chosen;
  ThreadCode Code = threadCodeFrom(In.Index, Fn, Cache, Only);
  std::vector<GlobalAccess> &Accesses = Code.Globals;
  llvm::erase_if(Accesses, [&](const GlobalAccess &A) {
    const VarDecl *VD = A.Global;
    return !VD->getIdentifier() ||
           SM.isInSystemHeader(SM.getExpansionLoc(VD->getLocation())) ||
           (ExternalOnly && !VD->hasExternalFormalLinkage());
  });
  if (Accesses.empty())
    return Array();
  llvm::DenseMap<const VarDecl *, GlobalLockSet> LockSets =
      globalLockSets(In.Summaries, Fn, Cache, Code);
  for (const GlobalAccess &A : Accesses) {
    const VarDecl *VD = A.Global;
    auto [It, New] = Slot.try_emplace(VD->getCanonicalDecl(), Chosen.size());
    if (New)
      Chosen.push_back(&A);
    else if (A.Write && !Chosen[It->second]->Write)
      Chosen[It->second] = &A;
  }
  std::vector<std::pair<std::string, Value>> Found;
  Found.reserve(Chosen.size());
  for (const GlobalAccess *A : Chosen) {
    const VarDecl *VD = A->Global;
    Object O{{"name", VD->getName()},
             {"at", location(SM, A->Ref->getLocation())}};
    std::string Key = VD->getName().str();
    if (!VD->hasExternalFormalLinkage())
      O["static"] = true;
    if (const auto *Owner =
            dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod())) {
      O["in_function"] = Owner->getName();
      Key += " " + Owner->getName().str();
    }
    if (A->Fn != Fn)
      O["via"] = A->Fn->getName();
    if (A->Write)
      O["write"] = true;
    const GlobalLockSet &Held = LockSets[VD->getCanonicalDecl()];
    if (!Held.Held.empty())
      O["locks"] = locks(Held.Held);
    if (Held.Unknown)
      O["locks_unknown"] = true;
    Found.emplace_back(std::move(Key), std::move(O));
  }
  std::vector<size_t> Order(Found.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  llvm::sort(Order, [&](size_t A, size_t B) {
    return std::tie(Found[A].first, A) < std::tie(Found[B].first, B);
  });
  Array Out;
  Out.reserve(Order.size());
  for (size_t I : Order)
    Out.push_back(std::move(Found[I].second));
  return Out;
}

/// A definition other translation units call: external linkage, not an
/// inline definition that emits no symbol (C99 `inline`, gnu_inline
/// `extern inline`), not a library's (system headers).
bool isExternalDefinition(const FunctionDecl *FD, const SourceManager &SM) {
  if (!FD->getIdentifier() || !FD->hasExternalFormalLinkage() ||
      SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
    return false;
  return !FD->isInlined() || FD->isInlineDefinitionExternallyVisible();
}

/// The functions whose `globals` can be non-empty, and only they need the
/// walk (on SQLite it read every body 274 times over: 4 % of the compile).
/// Without the index's note, every function.
std::optional<llvm::DenseSet<const FunctionDecl *>>
reachingExternalGlobals(const TranslationUnitIndex &Index) {
  if (!Index.NotedExternalGlobals)
    return std::nullopt;
  return functionsReaching(Index, Index.NamesExternalGlobal);
}

Object functions(FactsInput &In, const JoinHelperMap &Joins,
                 ThreadGlobalsCache &Cache) {
  const SourceManager &SM = In.Ctx.getSourceManager();
  std::optional<llvm::DenseSet<const FunctionDecl *>> Reaching =
      reachingExternalGlobals(In.Index);
  const auto *Only = Reaching ? &*Reaching : nullptr;
  Object Out;
  for (const FunctionDecl *FD : In.Index.FunctionDefs) {
    if (!isExternalDefinition(FD, SM))
      continue;
    Object O{{"at", location(SM, FD->getLocation())}};
    if (const FunctionSummary *S = In.Summaries.of(FD))
      O["summary"] = summary(SM, FD, *S);
    const SpawnApi *A = In.Apis.spawn(FD);
    if (A && A->Origin == SpawnOrigin::Inferred)
      O["spawn_wrapper"] = spawnWrapper(SM, *A);
    auto J = Joins.find(FD->getCanonicalDecl());
    if (J != Joins.end())
      O["join_helper"] = Object{{"param", J->second}};
    if (!Only || Only->count(FD))
      if (Value G = globalsOf(In, FD, Cache, /*ExternalOnly=*/true, Only);
          !G.getAsArray()->empty())
        O["globals"] = std::move(G);
    Out[FD->getName()] = std::move(O);
  }
  return Out;
}

/// The function an entry expression names, if it is defined here.
const FunctionDecl *entryFunction(const TranslationUnitIndex &Index,
                                  const Expr *E) {
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(stripCasts(E)) : nullptr;
  const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  if (!FD || !Index.hasUsableBody(FD))
    return nullptr;
  return FD->getDefinition();
}

/// The entries of the spawn sites, and those of the thread-starting calls
/// inside wrappers (not sites of their own).
std::vector<const FunctionDecl *> entries(FactsInput &In) {
  std::vector<const FunctionDecl *> Out;
  for (const SpawnSite &S : In.Spawns.sites())
    if (S.EntryFn)
      Out.push_back(S.EntryFn);
  for (const TranslationUnitIndex::Call &C : In.Index.Calls) {
    const SpawnApi *A = In.Apis.spawn(C.Callee);
    if (!A)
      continue;
    const Expr *Entry = A->FixedEntry;
    if (A->EntryParam && *A->EntryParam < C.Expr->getNumArgs())
      Entry = C.Expr->getArg(*A->EntryParam);
    if (const FunctionDecl *FD = entryFunction(In.Index, Entry))
      Out.push_back(FD);
  }
  return Out;
}

Object threadEntries(FactsInput &In, ThreadGlobalsCache &Cache) {
  const SourceManager &SM = In.Ctx.getSourceManager();
  Object Out;
  for (const FunctionDecl *Entry : entries(In)) {
    if (!Entry->getIdentifier() || Out.find(Entry->getName()) != Out.end())
      continue;
    Object O{{"at", location(SM, Entry->getLocation())},
             {"globals", globalsOf(In, Entry, Cache, /*ExternalOnly=*/false)}};
    // What the entry does to its argument, for a wrapper that fixes it.
    if (const FunctionSummary *S = In.Summaries.of(Entry))
      O["summary"] = summary(SM, Entry, *S);
    if (!Entry->hasExternalFormalLinkage())
      O["static"] = true;
    Out[Entry->getName()] = std::move(O);
  }
  return Out;
}

/// A function another translation unit defines: external linkage, no
/// usable body here, not a library's.
bool isExternalReference(const FunctionDecl *FD,
                         const TranslationUnitIndex &Index,
                         const SourceManager &SM) {
  return FD && FD->getIdentifier() && FD->hasExternalFormalLinkage() &&
         !Index.hasUsableBody(FD) &&
         !SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation()));
}

/// The functions of other translation units this one calls, or names in a
/// call's arguments (an entry handed to a spawn or a wrapper), sorted: the
/// facts of the program database this unit's verdicts depend on.
Array references(FactsInput &In) {
  const SourceManager &SM = In.Ctx.getSourceManager();
  std::set<std::string> Names; // sorted
  auto Add = [&](const FunctionDecl *FD) {
    if (isExternalReference(FD, In.Index, SM))
      Names.insert(FD->getName().str());
  };
  for (const TranslationUnitIndex::Call &C : In.Index.Calls) {
    Add(C.Callee);
    for (const Expr *Arg : C.Expr->arguments())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(Arg)))
        Add(dyn_cast<FunctionDecl>(DRE->getDecl()));
  }
  Array Out;
  Out.reserve(Names.size());
  for (const std::string &Name : Names)
    Out.push_back(Name);
  return Out;
}

} // namespace

Value buildFacts(FactsInput &In) {
  JoinHelperMap Joins = findJoinHelpers(In.Index, In.Apis);
  ThreadGlobalsCache Cache;
  Object Facts{{"format", "sendsync-facts"},
               {"version", FactsFormatVersion},
               {"translation_unit", In.MainFile},
               {"directory", In.Directory},
               {"references", references(In)},
               {"functions", functions(In, Joins, Cache)},
               {"thread_entries", threadEntries(In, Cache)}};
  if (size_t Sites = In.Spawns.sites().size())
    Facts["spawn_sites"] = static_cast<int64_t>(Sites);
  return Facts;
}

std::optional<std::string> writeFacts(llvm::StringRef Path, FactsInput &In) {
  Value Facts = buildFacts(In);
  // A unique temporary beside the file, renamed over it: a parallel build
  // never reads half a file. Errors name the path the user gave.
  llvm::SmallString<256> Temp;
  int FD = -1;
  auto Fail = [&](std::error_code EC) -> std::optional<std::string> {
    if (!Temp.empty())
      llvm::sys::fs::remove(Temp);
    return "cannot write '" + Path.str() + "': " + EC.message();
  };
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Temp))
    return Fail(EC);
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Facts << "\n";
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      return Fail(EC);
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path))
    return Fail(EC);
  return std::nullopt;
}

std::string factsPathBeside(llvm::StringRef OutputFile) {
  if (OutputFile.empty() || OutputFile == "-")
    return "";
  return (OutputFile + ".sendsync-facts").str();
}

} // namespace sendsync
