//===- Compat.h - One place for LLVM/Clang 19..22 API differences ---------===//
//
// Every API that changed between the supported Clang majors is wrapped here,
// so the rest of the plugin is written against one interface and no version
// #if appears anywhere else.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_COMPAT_H
#define SENDSYNC_COMPAT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Version.h"

#if CLANG_VERSION_MAJOR < 19 || CLANG_VERSION_MAJOR > 22
#error "sendsync supports Clang 19 through 22"
#endif

namespace sendsync {
namespace compat {

/// Width of a bit-field (Clang 20 dropped the ASTContext parameter).
inline unsigned bitWidth(const clang::FieldDecl *FD,
                         const clang::ASTContext &Ctx) {
#if CLANG_VERSION_MAJOR >= 20
  (void)Ctx;
  return FD->getBitWidthValue();
#else
  return FD->getBitWidthValue(Ctx);
#endif
}

/// The definition of the record a type names, or the declaration itself when
/// the record is incomplete. Clang 22 returns the written declaration from
/// RecordType::getDecl(), older majors the definition; Type::getAsRecordDecl
/// is the stable spelling, and we normalise to the definition on top.
inline const clang::RecordDecl *recordOf(clang::QualType T) {
  const clang::RecordDecl *RD = T->getAsRecordDecl();
  if (!RD)
    return nullptr;
  if (const clang::RecordDecl *Def = RD->getDefinition())
    return Def;
  return RD;
}

} // namespace compat
} // namespace sendsync

#endif // SENDSYNC_COMPAT_H
