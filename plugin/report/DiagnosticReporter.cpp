//===- DiagnosticReporter.cpp - Findings as clang diagnostics -------------===//

#include "DiagnosticReporter.h"

using namespace clang;

namespace sendsync {

void reportAsDiagnostics(DiagnosticsEngine &Diags,
                         const FindingList &Findings) {
  // Custom diagnostics carry their whole text in one argument.
  unsigned WarningID = Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
  unsigned ErrorID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  for (const Finding &F : Findings) {
    // Custom diagnostics have no warning group, so clang does not map them
    // for -w and -Werror; honour both here as users expect.
    bool IsError = F.Level == Severity::Error || Diags.getWarningsAsErrors();
    if (!IsError && Diags.getIgnoreAllWarnings())
      continue;
    {
      unsigned ID = IsError ? ErrorID : WarningID;
      DiagnosticBuilder DB = Diags.Report(F.Loc, ID);
      DB << (F.Message + " [" + checkName(F.Check).str() + "]");
      for (const FixIt &Fix : F.FixIts)
        DB << FixItHint::CreateReplacement(Fix.Range, Fix.Replacement);
    }
    for (const Note &N : F.Notes)
      Diags.Report(N.Loc, NoteID) << N.Message;
  }
}

} // namespace sendsync
