//===- ExternalSources.h - Places in other translation units --------------===//
//
// A fact read from the program database is somewhere in another unit's file
// (`worker.c:16`). A note about it points there: the file is opened in this
// compiler's source manager, as clang does for a file it includes, so the
// note has a real position that terminals, editors and SARIF can follow.
// Only when a note is made: most facts are never reported. Such places are
// never ordered against this unit's (they are not in its include tree).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_EXTERNALSOURCES_H
#define SENDSYNC_FACTS_EXTERNALSOURCES_H

#include "ProgramFacts.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"

namespace sendsync {

class ExternalSources {
public:
  explicit ExternalSources(clang::SourceManager &SM) : SM(SM) {}

  /// The start of L's line in its file; invalid when the file cannot be
  /// read here (the database was made on another machine), has no line
  /// L->Line (it changed since), or L is null.
  clang::SourceLocation locate(const ExternalLoc *L);

private:
  clang::SourceManager &SM;
  /// Files opened so far (an invalid FileID: cannot be read).
  llvm::StringMap<clang::FileID> Files;
};

} // namespace sendsync

#endif // SENDSYNC_FACTS_EXTERNALSOURCES_H
