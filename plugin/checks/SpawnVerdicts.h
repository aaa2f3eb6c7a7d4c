//===- SpawnVerdicts.h - Send/Sync required where data crosses threads ----===//
//
// docs/rules.md §2: what a spawn site requires of its pointee, judged. A "no"
// is sendsync-not-send's or sendsync-not-sync's to report; a "cannot tell"
// (or an untyped argument) is sendsync-unknown's, in strict mode.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_CHECKS_SPAWNVERDICTS_H
#define SENDSYNC_CHECKS_SPAWNVERDICTS_H

#include "CheckContext.h"
#include <optional>

namespace sendsync {

/// What a site requires, and the judgement of its pointee when it does not
/// plainly hold.
struct SpawnTraitVerdict {
  Trait P;
  /// Empty when the argument is untyped all the way ('void *').
  std::optional<Judgement> J;
  /// The pointee's name, when typed.
  std::string Type;
};

/// The verdict of a site whose requirement may not hold, or std::nullopt
/// when nothing is required, an assume marker silences it, the pointee has
/// it, or the site is a borrow escaping in an object (sendsync-not-send's).
std::optional<SpawnTraitVerdict> judgeSpawnTrait(CheckContext &C,
                                                 const SpawnSite &S);

/// A handed-over object that holds a borrowed pointer, going to a thread
/// that may outlive the function; Why receives the judgement of 'static.
bool borrowEscapesInObject(CheckContext &C, const SpawnSite &S, Judgement *Why);

/// "required because 'j' (heap memory from malloc at job.c:40) is handed
/// over to the thread started here", and the wrapper and sharing notes.
void appendSpawnNotes(CheckContext &C, Finding &F, const SpawnSite &S,
                      Trait Required);

/// The notes of a trait verdict: the direct reason or the chain, then the
/// spawn notes.
void appendTraitNotes(CheckContext &C, Finding &F, const SpawnSite &S,
                      const SpawnTraitVerdict &V);

/// The sendsync-not-send / sendsync-not-sync finding of a site that
/// requires P and whose pointee is proven to lack it (in the default mode
/// only when the chain ends at an explicit cause).
std::optional<Finding> traitViolation(CheckContext &C, const SpawnSite &S,
                                      Trait P);

} // namespace sendsync

#endif // SENDSYNC_CHECKS_SPAWNVERDICTS_H
