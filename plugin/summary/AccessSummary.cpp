//===- AccessSummary.cpp - What a function does to what its pointers reach ===//

#include "AccessSummary.h"

namespace sendsync {

bool Part::overlaps(const Part &O) const {
  size_t N = std::min(Fields.size(), O.Fields.size());
  for (size_t I = 0; I < N; ++I)
    if (Fields[I] != O.Fields[I])
      return false;
  return true;
}

Part Part::below(const Part &Prefix) const {
  Part Out = Prefix;
  Out.Fields.append(Fields.begin(), Fields.end());
  Out.Indexed = Prefix.Indexed || Indexed;
  return Out;
}

} // namespace sendsync
