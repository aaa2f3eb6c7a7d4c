//===- UnsafeClaims.cpp - The user's unsafe_send / unsafe_sync claims -----===//

#include "UnsafeClaims.h"

using namespace clang;

namespace sendsync {

std::vector<UnsafeClaim> collectUnsafeClaims(const TranslationUnitIndex &Index,
                                             TraitOracle &Oracle,
                                             const SourceManager &SM) {
  std::vector<UnsafeClaim> Claims;
  for (const auto &[D, A] : Index.Annotations) {
    // The audit lists the user's claims, not a system library's.
    if (SM.isInSystemHeader(SM.getExpansionLoc(A->getLocation())))
      continue;
    std::optional<Marker> M = markerFromSpelling(A->getAnnotation());
    if (!M)
      continue;
    UnsafeClaim C;
    C.Loc = A->getLocation();
    std::optional<llvm::StringRef> Reason;
    if (*M == Marker::Impl) {
      std::optional<llvm::StringRef> Inner = stringArg(A, 0);
      std::optional<Marker> IM =
          Inner ? markerFromSpelling(*Inner) : std::nullopt;
      const auto *TD = dyn_cast<TypedefNameDecl>(D);
      if (!IM || classOf(*IM) != MarkerClass::TypeUnsafe || !TD)
        continue;
      C.Marker = Inner->str();
      C.Type = Oracle.typeName(TD->getUnderlyingType());
      C.ByImpl = true;
      Reason = stringArg(A, 1);
    } else if (classOf(*M) == MarkerClass::TypeUnsafe) {
      C.Marker = spelling(*M).str();
      if (const auto *RD = dyn_cast<RecordDecl>(D))
        C.Type = Oracle.recordName(RD);
      else if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
        C.Type = TD->getName().str();
      else
        continue; // misplaced: sendsync-annotation reports it
      Reason = stringArg(A, 0);
    } else {
      continue;
    }
    C.Reason = Reason ? Reason->str() : "";
    Claims.push_back(std::move(C));
  }
  return Claims;
}

} // namespace sendsync
