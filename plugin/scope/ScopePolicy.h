//===- ScopePolicy.h - What the scope analysis accepts in each mode -------===//
//
// The default mode judges what is proven and stays silent on what merely
// cannot be proven; strict mode judges everything (docs/rules.md §3). The
// difference, for the scope analysis, is this policy. It is built in one
// place (ScopePolicy::forMode) from the mode of the file a spawn is in.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SCOPE_SCOPEPOLICY_H
#define SENDSYNC_SCOPE_SCOPEPOLICY_H

namespace sendsync {

struct ScopePolicy {
  /// A wait that the thread signals (sem_wait, a barrier, a cond_wait
  /// predicate loop on an object the thread got) ends the borrow.
  bool AcceptHandshakes = true;
  /// Returns from main end the process: a path that leaves through one is
  /// not judged (docs/rules.md §6.5). Error paths of other functions are.
  bool SkipReturnsFromMain = true;

  static ScopePolicy forMode(bool Strict) {
    ScopePolicy P;
    P.AcceptHandshakes = !Strict;
    P.SkipReturnsFromMain = !Strict;
    return P;
  }
};

} // namespace sendsync

#endif // SENDSYNC_SCOPE_SCOPEPOLICY_H
