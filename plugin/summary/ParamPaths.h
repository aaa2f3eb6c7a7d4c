//===- ParamPaths.h - Which parameter's pointee an expression reaches -----===//
//
// `p->count`, `(*p).buf[i]`, `j->mu` where `struct job *j = arg;`: the
// summaries record accesses by the parameter they reach and the part of its
// pointee. A local pointer stands for a parameter when every assignment to
// it is that parameter's value (through casts) and its address is never
// taken; entry functions nearly always start that way.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SUMMARY_PARAMPATHS_H
#define SENDSYNC_SUMMARY_PARAMPATHS_H

#include "AccessSummary.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace sendsync {

/// A parameter and a part of its pointee.
struct Rooted {
  unsigned Param = 0;
  Part Where;
};

class ParamPaths {
public:
  /// Scans Fn's body for the local pointers that stand for a parameter.
  explicit ParamPaths(const clang::FunctionDecl *Fn);

  /// The parameter the pointer expression E is (itself or through a local
  /// that stands for it), if any.
  std::optional<unsigned> paramOf(const clang::Expr *E) const;

  /// The parameter and part that the lvalue E lies in, if it lies in a
  /// parameter's pointee (not behind a further pointer).
  std::optional<Rooted> lvalueIn(const clang::Expr *E) const;

  /// The same for a pointer value: `p`, `p + i`, `&p->f`, `p->arr`.
  std::optional<Rooted> pointerInto(const clang::Expr *E) const;

  const clang::FunctionDecl *function() const { return Fn; }

  /// Whether VD is a local that stands for a parameter.
  bool isAlias(const clang::VarDecl *VD) const { return Aliases.count(VD); }

private:
  void findAliases();

  const clang::FunctionDecl *Fn;
  llvm::DenseMap<const clang::VarDecl *, unsigned> Aliases;
};

} // namespace sendsync

#endif // SENDSYNC_SUMMARY_PARAMPATHS_H
