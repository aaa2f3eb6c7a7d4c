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

std::string dumpSummaries(clang::ASTContext &Ctx,
                          const TranslationUnitIndex &Index,
                          SummaryIndex &Summaries);

} // namespace sendsync

#endif // SENDSYNC_REPORT_SUMMARYDUMP_H
