//===- SummaryDump.h - `dump-summaries`: what functions do to pointees ----===//
//
// One line per pointer parameter of each function defined in the main file:
// the accesses of its summary (summary/AccessSummary.h), for the fact tests
// in test/summary/.
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_REPORT_SUMMARYDUMP_H
#define SENDSYNC_REPORT_SUMMARYDUMP_H

#include "SummaryIndex.h"
#include <string>

namespace sendsync {

/// The uses of a parameter summary, "read:count@12[arg->mu]" each, then
/// "unknown@<line>" when it is unknown, joined by Separator.
std::string describeUses(const clang::SourceManager &SM, const ParamSummary &P,
                         llvm::StringRef Separator);

/// "read", "write", "free", "realloc": a use's kind in the dumps and
/// the facts file.
llvm::StringRef useKindName(UseKind K);

/// "m,c.mu,p->mu": a lock set as the dumps print it.
std::string lockList(const LockSet &Locks);

std::string dumpSummaries(clang::ASTContext &Ctx,
                          const TranslationUnitIndex &Index,
                          SummaryIndex &Summaries);

} // namespace sendsync

#endif // SENDSYNC_REPORT_SUMMARYDUMP_H
