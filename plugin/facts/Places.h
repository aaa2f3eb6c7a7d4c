//===- Places.h - An object as a path from a declaration ------------------===//
//
// `t`, `t[i]`, `w->tid`, `*p`: the thread-scope analysis matches handles
// (the one created, the one joined) and objects (the one handed over, the
// one written) by the declaration they start from and the fields on the way.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_PLACES_H
#define SENDSYNC_PLACES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace sendsync {

/// An object as a path from a declaration: `t`, `t[i]`, `w->tid`, `*p`.
/// Handles and objects are matched on their base and field path; any
/// subscript matches any other (the create-loop / join-loop idiom).
struct Place {
  const clang::ValueDecl *Base = nullptr;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
  bool Indexed = false;
  /// The path goes through the base's pointer value (p->f, *p, p[i]).
  bool ThroughPointer = false;

  bool sameObject(const Place &O) const {
    return Base && Base == O.Base && Fields == O.Fields;
  }
};

/// The place an expression names or points to: `&t[i]` and `t[i]` both give
/// t[*]. Stops at anything that is not a plain path.
Place placeOf(const clang::Expr *E);

/// `p = &tid; pthread_join(*p, ...)`: a local pointer initialised with the
/// address of the handle stands for it.
Place resolveAlias(Place P);

} // namespace sendsync

#endif // SENDSYNC_PLACES_H
