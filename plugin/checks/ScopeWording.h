//===- ScopeWording.h - The English of the thread-scope facts -------------===//
//
// Scope facts are data (ScopeFacts.h); the checks that report them share
// these words, so a handle, an access or a leaking path reads the same in
// every message.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_SCOPEWORDING_H
#define SENDSYNC_CHECKS_SCOPEWORDING_H

#include "ScopeFacts.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace sendsync {

/// The handle as written ("'tid'"), else "the thread's handle" or "the
/// thread".
std::string handleName(const ScopeFacts &Sc);

/// What the access does to Name: "assigns to 'x'", "increments 'x'",
/// "writes 'x' with 'memset'", "frees 'p'", "reads it".
std::string describeAccess(const SpawnerAccess &A, llvm::StringRef Name);

/// The part of Object the access touches, quoted, as the messages name it:
/// the whole object ("'c'"), or the written expression as in the source
/// ("'c.stop'", "'c.w[0].n'"), else the object and its field path joined
/// by '.' ("'c.stop'"). For an object the spawner holds itself (not through
/// a pointer).
std::string accessedPart(const SpawnerAccess &A, llvm::StringRef Object,
                         const clang::ASTContext &Ctx);

/// Why the path leaves without joining (the note at the leak).
std::string describeLeak(const ScopeFacts &Sc, const LeakPath &L);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_SCOPEWORDING_H
