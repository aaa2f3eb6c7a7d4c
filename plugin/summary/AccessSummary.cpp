//===- AccessSummary.cpp - What a function does to what its pointers reach ===//

#include "AccessSummary.h"

namespace sendsync {

bool Part::overlaps(const Part &O) const {
  size_t N = std::min(Fields.size(), O.Fields.size());
  for (size_t I = 0; I < N; ++I)
    if (Fields[I] != O.Fields[I])
      return false;
  return true;
}

Part Part::below(const Part &Prefix) const {
  Part Out = Prefix;
  Out.Fields.append(Fields.begin(), Fields.end());
  Out.Indexed = Prefix.Indexed || Indexed;
  return Out;
}

bool sameLock(const LockName &A, const LockName &B) {
  return A.Base == B.Base && A.Fields == B.Fields;
}

bool shareLock(const LockSet &A, const LockSet &B) {
  for (const LockName &L : A)
    for (const LockName &M : B)
      if (sameLock(L, M))
        return true;
  return false;
}

const LockSet &FunctionLocks::at(const clang::Stmt *S) const {
  static const LockSet None;
  auto It = HeldAt.find(S);
  return It == HeldAt.end() ? None : It->second;
}

} // namespace sendsync
