//===- WrapperHandles.h - What a spawn wrapper does with its thread -------===//
//
// docs/rules.md §6.4: a function of this file that starts a thread for its
// caller (an inferred wrapper) and keeps the handle in a local variable
// decides the thread's fate itself: it joins it (the call waits), detaches
// it or drops it (nobody can join it: never joined), returns it (the call's
// result is the handle), or passes it on (then the plugin cannot tell).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_FACTS_WRAPPERHANDLES_H
#define SENDSYNC_FACTS_WRAPPERHANDLES_H

#include "SpawnApis.h"

namespace sendsync {

enum class HandleFate { Unknown, Joined, NeverJoined, Returned };

/// The fate of the thread that Inner (a spawn through InnerApi) starts in
/// Wrapper, when its handle is a local variable of Wrapper.
HandleFate handleFateInWrapper(const clang::FunctionDecl *Wrapper,
                               const clang::CallExpr *Inner,
                               const SpawnApi &InnerApi,
                               const SpawnApiIndex &Apis);

} // namespace sendsync

#endif // SENDSYNC_FACTS_WRAPPERHANDLES_H
