//===- ExternalSources.cpp - Places in other translation units ------------===//

#include "ExternalSources.h"
#include "clang/Basic/FileManager.h"

using namespace clang;

namespace sendsync {

SourceLocation ExternalSources::locate(const ExternalLoc *L) {
  if (!L || L->Line == 0)
    return SourceLocation();
  auto [It, New] = Files.try_emplace(L->File);
  if (New)
    if (OptionalFileEntryRef File =
            SM.getFileManager().getOptionalFileRef(L->File))
      It->second = SM.getOrCreateFileID(*File, SrcMgr::C_User);
  if (It->second.isInvalid())
    return SourceLocation();
  // A line past the end of the file (the file changed since the facts
  // were written) is no place: translateLineCol would give the file's end.
  SourceLocation Loc = SM.translateLineCol(It->second, L->Line, 1);
  if (Loc.isInvalid() || SM.getSpellingLineNumber(Loc) != L->Line)
    return SourceLocation();
  return Loc;
}

} // namespace sendsync
