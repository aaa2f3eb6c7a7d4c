//===- ObjectUses.h - What a use of the borrowed object does to it --------===//
//
// A reference to the borrowed variable or to the handed-over pointer may read
// the object, only take its address, or touch only a part of it that is Sync
// by itself (a lock, an atomic, a guarded field): the last is how threads
// cooperate, and is no access (docs/rules.md §3).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SCOPE_OBJECTUSES_H
#define SENDSYNC_SCOPE_OBJECTUSES_H

#include "SpawnApis.h"
#include "TypeRules.h"
#include "clang/AST/ParentMap.h"

namespace sendsync {

class ObjectUses {
public:
  ObjectUses(const SpawnApiIndex &Apis, TraitOracle &Oracle)
      : Apis(Apis), Oracle(Oracle) {}

  /// Whether a use of a variable reads the object the thread got: the
  /// borrowed variable's value (not its address: `&x` handed on is sharing,
  /// judged at that call), or what the handed-over pointer points to (`p->f`,
  /// `*p`, `p[i]`, or `p` given to a function that is no spawn, join or
  /// free), not the pointer's own value (`if (p)`).
  bool readsObject(const clang::DeclRefExpr *Ref, bool ThroughPointer,
                   const clang::ParentMap &PM) const;

  /// Whether the reference Ref is only used to reach a part of its object
  /// that is Sync by itself (`&args.lock`, `args.done` when _Atomic).
  bool touchesOnlySyncPart(const clang::Expr *Ref,
                           const clang::ParentMap &PM) const;

private:
  bool readsPointee(const clang::Stmt *Child, const clang::Stmt *Parent,
                    const clang::ParentMap &PM) const;

  const SpawnApiIndex &Apis;
  TraitOracle &Oracle;
};

} // namespace sendsync

#endif // SENDSYNC_SCOPE_OBJECTUSES_H
