//===- JsonReporter.cpp - Findings as JSON --------------------------------===//
//
// The schema is versioned and documented in docs/json.md; bump
// FindingsSchemaVersion on any incompatible change.
//
//===----------------------------------------------------------------------===//

#include "JsonReporter.h"
#include "Version.h"
#include "clang/Basic/Version.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace sendsync {

namespace {
constexpr int FindingsSchemaVersion = 1;

llvm::json::Value location(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return nullptr;
  PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (PL.isInvalid())
    return nullptr;
  return llvm::json::Object{{"file", PL.getFilename()},
                            {"line", PL.getLine()},
                            {"column", PL.getColumn()}};
}

llvm::json::Value fixIt(const FixIt &F, const SourceManager &SM) {
  SourceLocation Begin = SM.getSpellingLoc(F.Range.getBegin());
  SourceLocation End = SM.getSpellingLoc(F.Range.getEnd());
  if (F.Range.isTokenRange())
    End =
        End.getLocWithOffset(Lexer::MeasureTokenLength(End, SM, LangOptions()));
  return llvm::json::Object{{"begin", location(Begin, SM)},
                            {"end", location(End, SM)},
                            {"replacement", F.Replacement}};
}

llvm::json::Value finding(const Finding &F, const SourceManager &SM) {
  llvm::json::Array Notes;
  for (const Note &N : F.Notes)
    Notes.push_back(llvm::json::Object{{"message", N.Message},
                                       {"location", location(N.Loc, SM)}});
  llvm::json::Array Fixes;
  for (const FixIt &Fx : F.FixIts)
    Fixes.push_back(fixIt(Fx, SM));
  return llvm::json::Object{
      {"check", checkName(F.Check)},
      {"severity", F.Level == Severity::Error ? "error" : "warning"},
      {"message", F.Message},
      {"location", location(F.Loc, SM)},
      {"notes", std::move(Notes)},
      {"fixits", std::move(Fixes)}};
}
} // namespace

std::optional<std::string> writeJsonReport(llvm::StringRef Path,
                                           const JsonReport &Report,
                                           const SourceManager &SM) {
  llvm::json::Array Findings;
  if (Report.Findings)
    for (const Finding &F : *Report.Findings)
      Findings.push_back(finding(F, SM));
  llvm::json::Array Claims;
  for (const UnsafeClaim &C : Report.UnsafeClaims)
    Claims.push_back(llvm::json::Object{{"marker", C.Marker},
                                        {"type", C.Type},
                                        {"reason", C.Reason},
                                        {"impl", C.ByImpl},
                                        {"location", location(C.Loc, SM)}});
  llvm::json::Array Explained;
  for (const Explanation &E : Report.Explanations)
    Explained.push_back(llvm::json::Object{{"type", E.Type}, {"text", E.Text}});
  llvm::json::Object Root{
      {"schema", "sendsync-findings"},
      {"version", FindingsSchemaVersion},
      {"tool", llvm::json::Object{{"name", "sendsync"},
                                  {"version", SENDSYNC_VERSION},
                                  {"clang", CLANG_VERSION_STRING}}},
      {"translation_unit", Report.MainFile},
      {"compile_errors", Report.CompileErrors},
      {"findings", std::move(Findings)},
      {"unsafe_claims", std::move(Claims)},
      {"explanations", std::move(Explained)}};

  // Errors name the path the user gave, not the temporary beside it.
  std::string Temp = (Path + ".tmp").str();
  auto Fail = [&](std::error_code EC) -> std::optional<std::string> {
    llvm::sys::fs::remove(Temp);
    return "cannot write '" + Path.str() + "': " + EC.message();
  };
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Temp, EC, llvm::sys::fs::OF_Text);
    if (EC)
      return Fail(EC);
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
    OS.close();
    if (OS.has_error()) {
      EC = OS.error();
      OS.clear_error();
      return Fail(EC);
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path))
    return Fail(EC);
  return std::nullopt;
}

} // namespace sendsync
