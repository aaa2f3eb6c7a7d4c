//===- Provenance.h - Where the memory handed to a thread lives -----------===//
//
// docs/rules.md §2: the argument of a spawn is traced to its storage, looking
// through casts, parentheses, &x[i], &x.f, array decay, pointer arithmetic
// and the assignments to a local pointer variable of the same function.
// Facts only: the checks decide what each provenance requires.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_PROVENANCE_H
#define SENDSYNC_PROVENANCE_H

#include "Markers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sendsync {

enum class Storage {
  Stack,       // &local, local array, &param, compound literal, alloca, VLA
  ThreadLocal, // &tls_var
  Static,      // &global, &static_local, string literal, function
  Heap,        // malloc & co., __attribute__((malloc))
  Value,       // NULL, (void *)(intptr_t)n: no memory is shared
  Field,       // s->p: the field's pointer marker says
  Parameter,   // the enclosing function's pointer parameter
  Mixed,       // a local pointer assigned memory of different kinds
  Unknown,     // anything else (the result of an unknown call, ...)
};
llvm::StringRef storageName(Storage S);

struct Provenance {
  Storage Kind = Storage::Unknown;
  /// The variable whose memory is shared (stack, thread-local, static), the
  /// field or parameter whose marker speaks (field, parameter), or null.
  const clang::ValueDecl *Object = nullptr;
  /// Where the memory comes from: the allocation call, the &x, the literal.
  const clang::Expr *Source = nullptr;
  /// For field and parameter: the pointer kind its marker declares. Owned
  /// and static pointers behave like heap and static memory.
  PointerKind Marked = PointerKind::Raw;
  /// The pointee type as written before the conversion to void *; null when
  /// the argument is untyped all the way (a void * from malloc).
  clang::QualType Pointee;
  /// The local pointer variable that was looked through, if any.
  const clang::VarDecl *Through = nullptr;
  /// sendsync_assume_send / sendsync_assume_sync wrapped the argument.
  bool AssumeSend = false, AssumeSync = false;
  /// Readable: "heap memory from malloc at job.c:40", "local 'x'".
  std::string Description;
  /// For Mixed: one line per disagreeing assignment.
  std::vector<std::pair<clang::SourceLocation, std::string>> Sources;

  /// Ownership moves to the thread: heap memory or an owned pointer.
  bool transfers() const {
    return Kind == Storage::Heap ||
           ((Kind == Storage::Field || Kind == Storage::Parameter) &&
            Marked == PointerKind::Owned);
  }
  /// Lives forever and is reachable by every thread.
  bool isStatic() const {
    return Kind == Storage::Static ||
           ((Kind == Storage::Field || Kind == Storage::Parameter) &&
            Marked == PointerKind::Static);
  }
  /// Borrowed memory of the spawning thread (lifetime ends with a scope).
  bool borrowsStack() const {
    return Kind == Storage::Stack || Kind == Storage::ThreadLocal;
  }
};

/// What a function body does to its local variables, computed once per
/// function on demand.
struct LocalFacts {
  /// Assignments to each local pointer variable: its initializer and every
  /// `v = e`, in source order.
  llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::Expr *>>
      Assignments;
  /// Variables whose address is taken somewhere other than a spawn argument
  /// (they may change behind our back).
  llvm::DenseSet<const clang::VarDecl *> AddressTaken;
};

class ProvenanceTracer {
public:
  ProvenanceTracer(clang::ASTContext &Ctx, MarkerIndex &Markers)
      : Ctx(Ctx), Markers(Markers) {}

  /// Traces the argument Arg of a call made in function Fn.
  Provenance trace(const clang::Expr *Arg, const clang::FunctionDecl *Fn);

  const LocalFacts &localFacts(const clang::FunctionDecl *Fn);

  /// The source text of E, shortened: for messages ('j', '&cfg').
  std::string spell(const clang::Expr *E) const;
  /// "file.c:40" of a location.
  std::string where(clang::SourceLocation Loc) const;

private:
  Provenance traceValue(const clang::Expr *E, const clang::FunctionDecl *Fn,
                        unsigned Depth);
  Provenance traceBinary(const clang::BinaryOperator *BO, Provenance P,
                         const clang::FunctionDecl *Fn, unsigned Depth);
  Provenance traceConditional(const clang::ConditionalOperator *CO,
                              Provenance P, const clang::FunctionDecl *Fn,
                              unsigned Depth);
  Provenance traceCall(const clang::CallExpr *Call, Provenance P,
                       const clang::FunctionDecl *Fn, unsigned Depth);
  Provenance traceVariable(const clang::DeclRefExpr *DRE, Provenance P,
                           const clang::FunctionDecl *Fn, unsigned Depth);
  Provenance traceObject(const clang::Expr *LValue,
                         const clang::FunctionDecl *Fn, unsigned Depth);
  Provenance traceLocalPointer(const clang::VarDecl *VD, const clang::Expr *Use,
                               const clang::FunctionDecl *Fn, unsigned Depth);

  clang::ASTContext &Ctx;
  MarkerIndex &Markers;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<LocalFacts>>
      Facts;
};

/// The first typed pointee seen while stripping casts from E (the type the
/// programmer had before the conversion to void *), or a null type.
clang::QualType writtenPointee(const clang::Expr *E);

} // namespace sendsync

#endif // SENDSYNC_PROVENANCE_H
