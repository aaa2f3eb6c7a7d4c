//===- SummaryIndex.cpp - The access summaries of a translation unit ------===//

#include "SummaryIndex.h"
#include "FunctionWalk.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace sendsync {

/// The definition of FD when its body can be read (it is in this TU and no
/// compile error touches it); a broken body is summarised as unknown by its
/// callers, like a function of another file.
const FunctionDecl *SummaryIndex::definitionOf(const FunctionDecl *FD) const {
  if (!FD || !Index.hasUsableBody(FD))
    return nullptr;
  return FD->getDefinition();
}

SummaryIndex::SummaryIndex(ASTContext &Ctx, const TranslationUnitIndex &Index,
                           TraitOracle &Oracle)
    : Ctx(Ctx), Index(Index), Oracle(Oracle), Importer(Ctx, Index) {}

/// The summary of a function another unit defines, from the program
/// database: a function with external linkage and no usable body here (a
/// broken body is unknown, not another unit's).
const FunctionSummary *SummaryIndex::imported(const FunctionDecl *FD) const {
  if (!Program || !FD || !FD->getIdentifier() ||
      !FD->hasExternalFormalLinkage() || FD->hasBody())
    return nullptr;
  const FunctionDecl *Canon = FD->getCanonicalDecl();
  auto [It, New] = Imported.try_emplace(Canon);
  if (New) {
    const ExternalFunction *F = Program->function(FD->getName());
    if (F && F->Summary)
      It->second = std::make_unique<FunctionSummary>(
          Importer.import(summarised(FD), *F->Summary));
  }
  return It->second.get();
}

const FunctionDecl *SummaryIndex::summarised(const FunctionDecl *FD) const {
  if (const FunctionDecl *Def = definitionOf(FD))
    return Def;
  return FD ? FD->getMostRecentDecl() : nullptr;
}

/// The call graph, built on the first summary asked for: most translation
/// units need none, and it costs a pass over every call.
void SummaryIndex::indexCallees() {
  if (CalleesIndexed)
    return;
  CalleesIndexed = true;
  for (const TranslationUnitIndex::Call &C : Index.Calls)
    if (const FunctionDecl *Def = definitionOf(C.Callee)) {
      auto &List = Callees[C.Caller->getCanonicalDecl()];
      if (!llvm::is_contained(List, Def))
        List.push_back(Def);
    }
}

SummaryIndex::~SummaryIndex() = default;

const FunctionSummary *SummaryIndex::done(const FunctionDecl *FD) const {
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def)
    return imported(FD);
  auto It = Summaries.find(Def->getCanonicalDecl());
  return It == Summaries.end() ? nullptr : It->second.get();
}

const FunctionSummary *SummaryIndex::of(const FunctionDecl *FD) {
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def)
    return imported(FD);
  if (!done(Def)) {
    indexCallees();
    computeInOrder(Def);
  }
  return done(Def);
}

/// A second walk of FD that keeps its lock sets: only spawning functions
/// need them, so summaries do not carry them.
const FunctionLocks *SummaryIndex::locksOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def || !of(Def))
    return nullptr;
  std::unique_ptr<FunctionLocks> &Slot = Locks[Def->getCanonicalDecl()];
  if (!Slot) {
    Slot = std::make_unique<FunctionLocks>();
    FunctionWalk W(Ctx, Oracle, *this, Def);
    W.recordLocksInto(Slot.get());
    W.run();
  }
  return Slot.get();
}

const FunctionLocks *SummaryIndex::walkLocksOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def)
    return nullptr;
  auto It = WalkLocks.find(Def->getCanonicalDecl());
  return It != WalkLocks.end() ? It->second.get() : locksOf(Def);
}

/// A depth-first walk over the callees with an explicit stack: a function
/// is summarised once all its callees are, or are on the stack (a cycle).
void SummaryIndex::computeInOrder(const FunctionDecl *Root) {
  struct Frame {
    const FunctionDecl *Fn;
    size_t Next = 0;
  };
  llvm::SmallVector<Frame, 16> Stack{{Root}};
  llvm::DenseSet<const FunctionDecl *> OnStack{Root->getCanonicalDecl()};
  while (!Stack.empty()) {
    Frame &Top = Stack.back();
    auto It = Callees.find(Top.Fn->getCanonicalDecl());
    if (It != Callees.end() && Top.Next < It->second.size()) {
      const FunctionDecl *Callee = It->second[Top.Next++];
      if (!done(Callee) && OnStack.insert(Callee->getCanonicalDecl()).second)
        Stack.push_back({Callee});
      continue;
    }
    const FunctionDecl *Fn = Top.Fn;
    FunctionWalk W(Ctx, Oracle, *this, Fn);
    if (KeepWalkLocks) {
      auto &Slot = WalkLocks[Fn->getCanonicalDecl()];
      Slot = std::make_unique<FunctionLocks>();
      W.recordLocksInto(Slot.get());
    }
    Summaries[Fn->getCanonicalDecl()] =
        std::make_unique<FunctionSummary>(W.run());
    OnStack.erase(Fn->getCanonicalDecl());
    Stack.pop_back();
  }
}

} // namespace sendsync
