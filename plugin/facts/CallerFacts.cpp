//===- CallerFacts.cpp - Facts that callers learn from their callees ------===//

#include "CallerFacts.h"
#include <cstdint>
#include <functional>
#include <queue>

using namespace clang;

namespace sendsync {

// When the fixpoint would learn a function: in round R, at the call in
// position P of Index.Calls; seeds at (0, -1), before the first call. A call
// at P to a callee learnt at (R, Q) is looked at next in round R if P > Q
// (later in the same round), else in round R + 1. A caller is learnt at the
// earliest such moment among the calls it learns from, which is always after
// its callee's: so the moments can be taken from a heap in order, as in
// Dijkstra's shortest paths, and each call is pushed once, when its callee is
// learnt.
void propagateToCallers(
    const TranslationUnitIndex &Index,
    llvm::ArrayRef<const FunctionDecl *> Seeds,
    llvm::function_ref<bool(const TranslationUnitIndex::Call &)> Learn) {
  struct Moment {
    uint64_t Round;
    int64_t Pos;
  };
  llvm::DenseMap<const FunctionDecl *, Moment> Known;
  // (round, position of the call): positions are unique, so is the order.
  using Entry = std::pair<uint64_t, unsigned>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> Heap;
  auto Offer = [&](const FunctionDecl *Callee, Moment At) {
    for (unsigned P : Index.callsTo(Callee))
      Heap.push({At.Round + (static_cast<int64_t>(P) > At.Pos ? 0 : 1), P});
  };
  for (const FunctionDecl *FD : Seeds)
    if (Known.try_emplace(FD->getCanonicalDecl(), Moment{0, -1}).second)
      Offer(FD, Moment{0, -1});
  while (!Heap.empty()) {
    auto [Round, P] = Heap.top();
    Heap.pop();
    const TranslationUnitIndex::Call &C = Index.Calls[P];
    const FunctionDecl *Caller = C.Caller->getCanonicalDecl();
    if (Known.count(Caller) || !Learn(C))
      continue;
    Moment At{Round, P};
    Known.try_emplace(Caller, At);
    Offer(Caller, At);
  }
}

} // namespace sendsync
