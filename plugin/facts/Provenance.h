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

/// Where the memory comes from, as data for the messages (checks word it).
enum class OriginKind {
  None,                // nothing more is known
  NullPointer,         // NULL, 0
  IntegerValue,        // (void *)(intptr_t)n
  StringLiteral,       // "text"
  CompoundLiteral,     // (struct s){...}
  DifferentKinds,      // c ? &local : malloc(n)
  Alloca,              // alloca(n) at At
  HeapAllocation,      // malloc(n) and co. at At; Decl is the allocator
  CallResult,          // f(): Decl is f
  FieldPointer,        // s->p: Decl is the field, Marked its kind
  VariablePointer,     // a marked or global pointer variable (Decl)
  Function,            // &f: Decl is f
  Parameter,           // a parameter (Decl) of Fn
  AddressTakenPointer, // a local pointer (Decl) whose address is taken
  NeverAssigned,       // a local pointer (Decl) that is never assigned
  MixedAssignments,    // a local pointer (Decl) assigned different kinds
  ThreadLocalVariable, // &tls
  LocalVariable,       // &x, x a local of Fn
  ParameterVariable,   // &p, p a parameter of Fn
  StaticLocal,         // &x, x a static local of Fn
  GlobalVariable,      // &g
};

struct Origin {
  OriginKind Kind = OriginKind::None;
  /// The declaration the origin names (field, variable, function, callee).
  const clang::NamedDecl *Decl = nullptr;
  /// The function a local or parameter belongs to.
  const clang::FunctionDecl *Fn = nullptr;
  /// Where an allocation happens.
  clang::SourceLocation At;
  /// The pointer kind of a field or variable pointer.
  PointerKind Marked = PointerKind::Raw;
};

/// One of the disagreeing sources of a Mixed provenance.
struct MixedSource {
  clang::SourceLocation Loc;
  Origin From;
  /// What the source's storage is, for a source with no origin.
  Storage Kind = Storage::Unknown;
};

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
  /// Where the memory comes from, for the messages ("heap memory from
  /// malloc at job.c:40", "a local of 'main'").
  Origin From;
  /// For Mixed: one entry per disagreeing assignment.
  std::vector<MixedSource> Sources;

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
