//===- DiagnosticReporter.h - Findings as clang diagnostics ---------------===//

#ifndef SENDSYNC_DIAGNOSTICREPORTER_H
#define SENDSYNC_DIAGNOSTICREPORTER_H

#include "Finding.h"
#include "clang/Basic/Diagnostic.h"

namespace sendsync {

/// Emits each finding as a warning or error whose text ends with the check id
/// in brackets (as clang-tidy does), followed by its notes and fix-its.
/// -w drops warnings and -Werror makes them errors, as for clang's own.
void reportAsDiagnostics(clang::DiagnosticsEngine &Diags,
                         const FindingList &Findings);

} // namespace sendsync

#endif // SENDSYNC_DIAGNOSTICREPORTER_H
