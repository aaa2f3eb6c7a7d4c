//===- Plugin.cpp - The sendsync clang plugin: arguments and wiring -------===//
//
// Registers the `sendsync` plugin action. It runs beside the main action
// (codegen or -fsyntax-only) and only reads the AST, so the object file is
// the same with and without it. The flow is one direction:
//   AST -> facts (index, markers, type rules) -> checks -> findings
//       -> reporters (clang diagnostics, JSON).
//
//===----------------------------------------------------------------------===//

#include "CheckContext.h"
#include "Checks.h"
#include "DiagnosticReporter.h"
#include "Explain.h"
#include "FactsWriter.h"
#include "JsonReporter.h"
#include "Options.h"
#include "ProgramFacts.h"
#include "SpawnDump.h"
#include "SummaryDump.h"
#include "UnsafeClaims.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstdlib>

using namespace clang;

namespace sendsync {

namespace {

/// Drops what the user asked not to see and what is not theirs (system
/// headers), applies werror, and orders findings by position so output is
/// deterministic.
FindingList finalize(FindingList Findings, const Options &Opts,
                     const SourceManager &SM) {
  FindingList Kept;
  for (Finding &F : Findings) {
    if (!Opts.isEnabled(F.Check))
      continue;
    if (F.Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(F.Loc)))
      continue;
    if (Opts.WarningsAsErrors)
      F.Level = Severity::Error;
    Kept.push_back(std::move(F));
  }
  // Order by position; findings at one position keep the order the checks
  // produced them in.
  llvm::stable_sort(Kept, [&](const Finding &A, const Finding &B) {
    SourceLocation LA = A.Loc, LB = B.Loc;
    if (LA == LB || LA.isInvalid() || LB.isInvalid())
      return false;
    LA = SM.getExpansionLoc(LA);
    LB = SM.getExpansionLoc(LB);
    return LA != LB && SM.isBeforeInTranslationUnit(LA, LB);
  });
  Kept.erase(std::unique(Kept.begin(), Kept.end(),
                         [](const Finding &A, const Finding &B) {
                           return A.Check == B.Check && A.Loc == B.Loc &&
                                  A.Message == B.Message;
                         }),
             Kept.end());
  return Kept;
}

/// The major version of the clang that loaded us. getClangFullVersion() is
/// defined in clang itself, so it answers for the running compiler, while
/// CLANG_VERSION_MAJOR is the one the plugin was built against.
unsigned runningClangMajor() {
  std::string Version = getClangFullVersion();
  llvm::StringRef Full(Version);
  size_t At = Full.find("version ");
  if (At == llvm::StringRef::npos)
    return 0;
  unsigned Major = 0;
  Full.drop_front(At + 8).consumeInteger(10, Major);
  return Major;
}

/// The main file, as given on the command line.
std::string mainFileName(const SourceManager &SM) {
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    return Main->getName().str();
  return "";
}

/// clang's working directory (-working-directory, else the process's).
std::string workingDirectory(const CompilerInstance &CI) {
  std::string Dir = CI.getFileSystemOpts().WorkingDir;
  if (!Dir.empty())
    return Dir;
  llvm::SmallString<256> Current;
  if (llvm::sys::fs::current_path(Current))
    return "";
  return Current.str().str();
}

/// Whether clang stopped at a fatal error (a missing header). The engine
/// records a fatal error only when the next diagnostic arrives, so that notes
/// can attach to it; an ignored probe makes it record one that came last.
bool stoppedAtFatalError(DiagnosticsEngine &Diags) {
  if (!Diags.hasFatalErrorOccurred() && Diags.hasErrorOccurred())
    Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Ignored,
                                       "sendsync: fatal-error probe"));
  return Diags.hasFatalErrorOccurred();
}

/// Where clang reports its errors while it parses: the index leaves out the
/// function bodies they touch (docs/rules.md §4.14). Stands in front of the
/// client that shows the diagnostics and forwards everything to it.
class ErrorRecorder : public DiagnosticConsumer {
public:
  explicit ErrorRecorder(DiagnosticConsumer &Shown) : Shown(Shown) {}

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Shown.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Shown.EndSourceFile(); }
  void finish() override { Shown.finish(); }
  void clear() override {
    DiagnosticConsumer::clear();
    Shown.clear();
  }
  bool IncludeInDiagnosticCounts() const override {
    return Shown.IncludeInDiagnosticCounts();
  }
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    // A warning made an error by -Werror changes nothing clang parsed; an
    // error, or a warning that is an error by default, may have.
    if (Level >= DiagnosticsEngine::Error && Info.getLocation().isValid() &&
        Info.getDiags()->getDiagnosticIDs()->isDefaultMappingAsError(
            Info.getID()))
      Locations.push_back(Info.getLocation());
    Shown.HandleDiagnostic(Level, Info);
  }

  std::vector<SourceLocation> Locations;

private:
  DiagnosticConsumer &Shown;
};

class SendSyncConsumer : public ASTConsumer {
public:
  // Options are copied: clang destroys an AddBeforeMainAction plugin's
  // action object as soon as it has created the consumer. The error
  // recorder is put in front of clang's client from here (before parsing)
  // to the start of HandleTranslationUnit.
  SendSyncConsumer(CompilerInstance &CI, Options Opts)
      : CI(CI), Opts(std::move(Opts)) {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    Shown = Diags.getClient();
    if (!Shown)
      return;
    ShownOwner = Diags.takeClient();
    Recorder = std::make_unique<ErrorRecorder>(*Shown);
    Diags.setClient(Recorder.get(), /*ShouldOwnClient=*/false);
  }
  ~SendSyncConsumer() override { restoreClient(); }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    std::vector<SourceLocation> ErrorLocs = restoreClient();
    bool CompileErrors = Diags.hasErrorOccurred();
    // After a fatal error (a missing header, say) the AST is cut short and
    // clang shows no further diagnostics; judge nothing then. After other
    // errors, judge what they do not touch.
    bool Fatal = stoppedAtFatalError(Diags);
    // A unit with compile errors gets no facts file (docs/facts.md).
    bool WritesFacts = Opts.Facts && !CompileErrors;
    SourceManager &SM = Ctx.getSourceManager();

    // Facts.
    TranslationUnitIndex Index =
        TranslationUnitIndex::build(Ctx, ErrorLocs, CompileErrors,
                                    /*NoteExternalGlobals=*/WritesFacts);
    MarkerIndex Markers;
    for (const auto &[D, A] : Index.Annotations)
      if (A->getAnnotation() == "impl")
        if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
          Markers.addImpl(TD, A);
    TraitOracle Oracle(Ctx, Markers);
    std::optional<ProgramFacts> Program = loadProgram();
    const ProgramFacts *ProgramOrNull = Program ? &*Program : nullptr;
    SpawnApiIndex Apis = SpawnApiIndex::build(Index, Markers, ProgramOrNull);
    ProvenanceTracer Tracer(Ctx, Markers);
    SpawnSiteIndex Spawns = SpawnSiteIndex::build(Index, Apis, Tracer);
    ScopeIndex Scopes;
    SummaryIndex Summaries(Ctx, Index, Oracle);
    if (WritesFacts)
      Summaries.keepWalkLocks();
    Summaries.useProgram(ProgramOrNull);
    ExternalSources External(SM);
    CheckContext C{Ctx,       Index,       Markers,   Oracle,
                   Apis,      Tracer,      Spawns,    Scopes,
                   Summaries, Opts.Strict, &External, ProgramOrNull};
    // Thread scope, once per site, in the mode of the site's file.
    Scopes = ScopeIndex::build(
        Ctx, Index, Apis, Oracle, Summaries, Spawns,
        [&](const SpawnSite &S) {
          return ScopePolicy::forMode(C.isStrictAt(S.Call->getBeginLoc()));
        },
        /*Analyse=*/!Fatal);

    // Checks.
    FindingList Raw;
    if (!Fatal)
      runChecks(C, Raw);
    FindingList Findings = finalize(std::move(Raw), Opts, SM);
    if (Opts.DumpSpawns)
      llvm::outs() << dumpSpawns(C);
    if (Opts.DumpSummaries)
      llvm::outs() << dumpSummaries(Ctx, Index, Summaries);

    // Reporters.
    reportAsDiagnostics(Diags, Findings);
    std::vector<Explanation> Explanations;
    for (const std::string &Name : Opts.Explain) {
      if (std::optional<std::string> Text = explainType(Name, Index, Oracle)) {
        llvm::outs() << *Text;
        Explanations.push_back({Name, std::move(*Text)});
        continue;
      }
      Diags.Report(Diags.getCustomDiagID(
          DiagnosticsEngine::Warning,
          "sendsync: explain: no struct, union or typedef named '%0' in this "
          "translation unit"))
          << Name;
    }
    if (!Opts.JsonPath.empty())
      writeJson(SM, CompileErrors, Findings,
                collectUnsafeClaims(Index, Oracle, SM),
                std::move(Explanations));
    if (WritesFacts) {
      FactsInput In{Ctx,
                    Index,
                    Apis,
                    Spawns,
                    Summaries,
                    mainFileName(SM),
                    workingDirectory(CI)};
      writeFactsFile(In);
    }
    if (Program && !Program->entryError().empty())
      reportProgramError(Program->entryError());
  }

private:
  void writeJson(const SourceManager &SM, bool CompileErrors,
                 const FindingList &Findings,
                 std::vector<UnsafeClaim> UnsafeClaims,
                 std::vector<Explanation> Explanations) {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    JsonReport Report;
    Report.MainFile = mainFileName(SM);
    Report.CompileErrors = CompileErrors;
    Report.Findings = &Findings;
    Report.UnsafeClaims = std::move(UnsafeClaims);
    Report.Explanations = std::move(Explanations);
    if (std::optional<std::string> Err =
            writeJsonReport(Opts.JsonPath, Report, SM))
      Diags.Report(
          Diags.getCustomDiagID(DiagnosticsEngine::Error, "sendsync: json: %0"))
          << *Err;
  }

  /// program=<path>: the program database, read once per translation unit;
  /// a file that cannot be read or is not a database is an error.
  std::optional<ProgramFacts> loadProgram() {
    if (Opts.ProgramPath.empty())
      return std::nullopt;
    llvm::Expected<ProgramFacts> P = ProgramFacts::load(Opts.ProgramPath);
    if (P)
      return std::move(*P);
    reportProgramError(llvm::toString(P.takeError()));
    return std::nullopt;
  }

  /// A database that cannot be read, or an entry of it that is wrong.
  void reportProgramError(llvm::StringRef Message) {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                       "sendsync: program: %0"))
        << Message;
  }

  /// facts[=<path>]: the path given, else beside clang's output file.
  void writeFactsFile(FactsInput &In) {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    std::string Path = Opts.FactsPath;
    if (Path.empty())
      Path = factsPathBeside(CI.getFrontendOpts().OutputFile);
    if (Path.empty()) {
      Diags.Report(Diags.getCustomDiagID(
          DiagnosticsEngine::Error,
          "sendsync: facts: there is no output file (-o) to put the facts "
          "beside; pass -fplugin-arg-sendsync-facts=<path>"));
      return;
    }
    if (std::optional<std::string> Err = writeFacts(Path, In))
      Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                         "sendsync: facts: %0"))
          << *Err;
  }

  /// Gives clang's client its place back; returns the recorded errors.
  std::vector<SourceLocation> restoreClient() {
    if (!Recorder)
      return {};
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    std::vector<SourceLocation> Locations = std::move(Recorder->Locations);
    if (Diags.getClient() != Recorder.get()) {
      // Someone stands in front of the recorder: it must outlive them.
      (void)Recorder.release();
      (void)ShownOwner.release();
      return Locations;
    }
    Diags.setClient(Shown, /*ShouldOwnClient=*/ShownOwner != nullptr);
    (void)ShownOwner.release(); // the engine owns it again, if it did
    Recorder.reset();
    return Locations;
  }

  CompilerInstance &CI;
  const Options Opts;
  DiagnosticConsumer *Shown = nullptr;
  std::unique_ptr<DiagnosticConsumer> ShownOwner;
  std::unique_ptr<ErrorRecorder> Recorder;
};

class SendSyncAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<SendSyncConsumer>(CI, Opts);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    std::string Error;
    unsigned Running = runningClangMajor();
    if (Running != 0 && Running != CLANG_VERSION_MAJOR) {
      // The C++ ABI differs between majors: going on would crash clang, and
      // even its diagnostics engine is off limits. Say so and stop.
      llvm::errs() << "error: sendsync: this sendsync.so was built for clang "
                   << CLANG_VERSION_MAJOR << " but is loaded into clang "
                   << Running << "; use the plugin built for clang " << Running
                   << " (cmake -DSENDSYNC_LLVM_VERSION=" << Running << ")\n";
      std::exit(1);
    }
    if (!parseOptions(Args, Opts, Error)) {
      DiagnosticsEngine &Diags = CI.getDiagnostics();
      Diags.Report(
          Diags.getCustomDiagID(DiagnosticsEngine::Error, "sendsync: %0"))
          << Error;
      return false;
    }
    if (Opts.Help)
      llvm::outs() << helpText();
    return true;
  }

  // Run beside the main action, before code generation sees the AST.
  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  Options Opts;
};

} // namespace
} // namespace sendsync

static clang::FrontendPluginRegistry::Add<sendsync::SendSyncAction>
    RegisterSendSync("sendsync",
                     "Rust's Send/Sync thread-safety rules for C threads");
