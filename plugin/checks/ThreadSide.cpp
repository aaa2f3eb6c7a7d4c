//===- ThreadSide.cpp - What the thread does with what it is given --------===//

#include "ThreadSide.h"

using namespace clang;

namespace sendsync {

std::optional<ThreadSide> threadSide(CheckContext &C, const SpawnSite &S) {
  if (!S.EntryFn || S.EntryFn->getNumParams() == 0)
    return std::nullopt;
  const FunctionSummary *Sum = C.Summaries.of(S.EntryFn);
  if (!Sum || Sum->Params.empty() || Sum->Params[0].Unknown ||
      Sum->LocksUnknown)
    return std::nullopt;
  return ThreadSide{S.EntryFn->getDefinition(), &Sum->Params[0]};
}

const ParamUse *threadEndsObject(const ThreadSide &T) {
  for (const ParamUse &U : T.Uses->Uses)
    if (U.Where.Fields.empty() && !U.Where.Indexed &&
        (U.Kind == UseKind::Free || U.Kind == UseKind::Realloc))
      return &U;
  return nullptr;
}

} // namespace sendsync
