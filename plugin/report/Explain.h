//===- Explain.h - The whole Send/Sync derivation of one type -------------===//
//
// `explain=<type>` prints, for a struct, union or typedef, both properties,
// every field with its verdict, the chain behind each "no", and the same for
// every record reached through a field.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_EXPLAIN_H
#define SENDSYNC_EXPLAIN_H

#include "TranslationUnitIndex.h"
#include "TypeRules.h"
#include <optional>
#include <string>

namespace sendsync {

/// The derivation tree of the type named Name ("struct job", "job",
/// "job_t"), or std::nullopt when the TU declares no such type.
std::optional<std::string> explainType(llvm::StringRef Name,
                                       const TranslationUnitIndex &Index,
                                       TraitOracle &Oracle);

} // namespace sendsync

#endif // SENDSYNC_EXPLAIN_H
