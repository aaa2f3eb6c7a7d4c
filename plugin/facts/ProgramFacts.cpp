//===- ProgramFacts.cpp - Reading the program database --------------------===//
//
// The database is untrusted input (docs/security.md): every value is checked
// for its type and range, and anything wrong is an error that names the
// file and the place in it (`functions.start_worker.spawn_wrapper.arg_param:
// expected an integer`), never a crash. Keys a reader does not know are
// ignored (docs/facts.md, Versioning).
//
//===----------------------------------------------------------------------===//

#include "ProgramFacts.h"
#include "ProgramDbLines.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace sendsync {

namespace {
constexpr int64_t ProgramFormatVersion = 1;
/// Parameter indexes above this are not a C function's.
constexpr int64_t MaxParams = 4096;
} // namespace

/// Reads one database; the first error stops it.
class ProgramFactsReader {
public:
  explicit ProgramFactsReader(ProgramFacts::Store &Out) : Out(Out) {}

  llvm::Error read(const Value &Root);
  /// functions.<Name>, read on demand (the line layout).
  llvm::Error readEntry(llvm::StringRef Name, const Value &Entry);

private:
  bool fail(llvm::json::Path P, llvm::StringLiteral Message) {
    P.report(Message);
    return false;
  }
  bool index(const Value *V, llvm::json::Path P, unsigned &Out);
  bool string(const Value *V, llvm::json::Path P, std::string &Out);
  bool flag(const Object &O, llvm::StringRef Key, llvm::json::Path P,
            bool &Out);
  bool location(const Value *V, llvm::json::Path P, const ExternalLoc *&Out);
  bool part(const Value *V, llvm::json::Path P, ExternalPart &Out);
  bool lock(const Value &V, llvm::json::Path P, ExternalLock &Out);
  bool locks(const Value *V, llvm::json::Path P,
             std::vector<ExternalLock> &Out);
  bool use(const Value &V, llvm::json::Path P, ExternalUse &Out);
  bool signal(const Value &V, llvm::json::Path P, ExternalSignal &Out);
  bool param(const Value &V, llvm::json::Path P, ExternalParam &Out);
  bool summary(const Value &V, llvm::json::Path P, ExternalSummary &Out);
  bool wrapper(const Value &V, llvm::json::Path P, ExternalWrapper &Out);
  bool global(const Value &V, llvm::json::Path P, ExternalGlobal &Out);
  bool globals(const Value *V, llvm::json::Path P,
               std::vector<ExternalGlobal> &Out);
  bool function(const Value &V, llvm::json::Path P, ExternalFunction &Out);
  bool header(const Object &O, llvm::json::Path P);

  ProgramFacts::Store &Out;
  /// The directory of the unit of the function being read: its relative
  /// file names are relative to it.
  std::string Directory;
};

bool ProgramFactsReader::index(const Value *V, llvm::json::Path P,
                               unsigned &Result) {
  std::optional<int64_t> I = V ? V->getAsInteger() : std::nullopt;
  if (!I || *I < 0 || *I > MaxParams)
    return fail(P, "expected a parameter index (an integer from 0)");
  Result = static_cast<unsigned>(*I);
  return true;
}

bool ProgramFactsReader::string(const Value *V, llvm::json::Path P,
                                std::string &Result) {
  std::optional<llvm::StringRef> S = V ? V->getAsString() : std::nullopt;
  if (!S)
    return fail(P, "expected a string");
  Result = S->str();
  return true;
}

bool ProgramFactsReader::flag(const Object &O, llvm::StringRef Key,
                              llvm::json::Path P, bool &Result) {
  const Value *V = O.get(Key);
  if (!V)
    return true;
  std::optional<bool> B = V->getAsBoolean();
  if (!B)
    return fail(P.field(Key), "expected true or false");
  Result = *B;
  return true;
}

/// `file:line`, made absolute against the unit's directory.
bool ProgramFactsReader::location(const Value *V, llvm::json::Path P,
                                  const ExternalLoc *&Result) {
  Result = nullptr;
  if (!V || V->kind() == Value::Null)
    return true;
  std::optional<llvm::StringRef> S = V->getAsString();
  if (!S)
    return fail(P, "expected a location \"<file>:<line>\"");
  auto [File, LineText] = S->rsplit(':');
  unsigned Line = 0;
  if (File.empty() || LineText.getAsInteger(10, Line) || Line == 0)
    return fail(P, "expected a location \"<file>:<line>\"");
  llvm::SmallString<256> Full(File);
  if (!Directory.empty() && llvm::sys::path::is_relative(File)) {
    Full = Directory;
    llvm::sys::path::append(Full, File);
  }
  Out.Locations.push_back({Full.str().str(), Line});
  Result = &Out.Locations.back();
  return true;
}

bool ProgramFactsReader::part(const Value *V, llvm::json::Path P,
                              ExternalPart &Result) {
  if (!V)
    return true; // the whole object
  const Object *O = V->getAsObject();
  if (!O)
    return fail(P, "expected a part {\"record\", \"fields\", \"indexed\"}");
  if (const Value *R = O->get("record"))
    if (!string(R, P.field("record"), Result.Record))
      return false;
  if (const Value *F = O->get("fields")) {
    const Array *A = F->getAsArray();
    if (!A)
      return fail(P.field("fields"), "expected an array of field names");
    for (size_t I = 0; I < A->size(); ++I) {
      Result.Fields.emplace_back();
      if (!string(&(*A)[I], P.field("fields").index(I), Result.Fields.back()))
        return false;
    }
  }
  return flag(*O, "indexed", P, Result.Indexed);
}

bool ProgramFactsReader::lock(const Value &V, llvm::json::Path P,
                              ExternalLock &Result) {
  const Object *O = V.getAsObject();
  if (!O)
    return fail(P, "expected a lock");
  if (const Value *G = O->get("global")) {
    Result.Kind = ExternalLockKind::Global;
    if (!string(G, P.field("global"), Result.Global))
      return false;
  } else if (const Value *Param = O->get("param")) {
    Result.Kind = ExternalLockKind::Param;
    if (!index(Param, P.field("param"), Result.Param))
      return false;
  } else if (O->get("local")) {
    Result.Kind = ExternalLockKind::Local;
  } else {
    return fail(P, "expected a lock named by \"global\", \"param\" or "
                   "\"local\"");
  }
  return flag(*O, "static", P, Result.Static) &&
         flag(*O, "in_pointee", P, Result.InPointee) &&
         part(&V, P, Result.Part);
}

bool ProgramFactsReader::locks(const Value *V, llvm::json::Path P,
                               std::vector<ExternalLock> &Result) {
  if (!V)
    return true;
  const Array *A = V->getAsArray();
  if (!A)
    return fail(P, "expected an array of locks");
  Result.resize(A->size());
  for (size_t I = 0; I < A->size(); ++I)
    if (!lock((*A)[I], P.index(I), Result[I]))
      return false;
  return true;
}

bool ProgramFactsReader::use(const Value &V, llvm::json::Path P,
                             ExternalUse &Result) {
  const Object *O = V.getAsObject();
  std::optional<llvm::StringRef> Kind = O ? O->getString("kind") : std::nullopt;
  if (!Kind)
    return fail(P, "expected a use with a \"kind\"");
  if (*Kind == "read")
    Result.Kind = ExternalUseKind::Read;
  else if (*Kind == "write")
    Result.Kind = ExternalUseKind::Write;
  else if (*Kind == "free")
    Result.Kind = ExternalUseKind::Free;
  else if (*Kind == "realloc")
    Result.Kind = ExternalUseKind::Realloc;
  else
    return fail(P.field("kind"), "expected \"read\", \"write\", \"free\" or "
                                 "\"realloc\"");
  return part(O->get("part"), P.field("part"), Result.Part) &&
         locks(O->get("locks"), P.field("locks"), Result.Locks) &&
         location(O->get("at"), P.field("at"), Result.At);
}

bool ProgramFactsReader::signal(const Value &V, llvm::json::Path P,
                                ExternalSignal &Result) {
  const Object *O = V.getAsObject();
  std::optional<llvm::StringRef> Kind = O ? O->getString("kind") : std::nullopt;
  if (!Kind)
    return fail(P, "expected a signal with a \"kind\"");
  if (*Kind == "signal")
    Result.Kind = ExternalSignalKind::Signal;
  else if (*Kind == "wait")
    Result.Kind = ExternalSignalKind::Wait;
  else if (*Kind == "barrier")
    Result.Kind = ExternalSignalKind::Barrier;
  else
    return fail(P.field("kind"), "expected \"signal\", \"wait\" or "
                                 "\"barrier\"");
  if (const Value *G = O->get("global"))
    if (!string(G, P.field("global"), Result.Global))
      return false;
  if (const Value *F = O->get("function"))
    if (!string(F, P.field("function"), Result.Function))
      return false;
  Result.UsedAfter = O->get("used_after") != nullptr;
  return part(O->get("part"), P.field("part"), Result.Part) &&
         location(O->get("at"), P.field("at"), Result.At);
}

bool ProgramFactsReader::param(const Value &V, llvm::json::Path P,
                               ExternalParam &Result) {
  const Object *O = V.getAsObject();
  if (!O)
    return fail(P, "expected a parameter");
  if (!index(O->get("index"), P.field("index"), Result.Index))
    return false;
  const Array *Uses = O->getArray("uses");
  if (!Uses)
    return fail(P.field("uses"), "expected an array of uses");
  Result.Uses.resize(Uses->size());
  for (size_t I = 0; I < Uses->size(); ++I)
    if (!use((*Uses)[I], P.field("uses").index(I), Result.Uses[I]))
      return false;
  if (const Value *S = O->get("signals")) {
    const Array *A = S->getAsArray();
    if (!A)
      return fail(P.field("signals"), "expected an array of signals");
    Result.Signals.resize(A->size());
    for (size_t I = 0; I < A->size(); ++I)
      if (!signal((*A)[I], P.field("signals").index(I), Result.Signals[I]))
        return false;
  }
  if (const Value *U = O->get("unknown")) {
    Result.Unknown = true;
    return location(U, P.field("unknown"), Result.UnknownAt);
  }
  return true;
}

bool ProgramFactsReader::summary(const Value &V, llvm::json::Path P,
                                 ExternalSummary &Result) {
  const Object *O = V.getAsObject();
  const Array *Params = O ? O->getArray("params") : nullptr;
  if (!Params)
    return fail(P, "expected a summary with \"params\"");
  Result.Params.resize(Params->size());
  for (size_t I = 0; I < Params->size(); ++I)
    if (!param((*Params)[I], P.field("params").index(I), Result.Params[I]))
      return false;
  return locks(O->get("acquires"), P.field("acquires"), Result.Acquires) &&
         locks(O->get("releases"), P.field("releases"), Result.Releases) &&
         flag(*O, "locks_unknown", P, Result.LocksUnknown);
}

bool ProgramFactsReader::wrapper(const Value &V, llvm::json::Path P,
                                 ExternalWrapper &Result) {
  const Object *O = V.getAsObject();
  if (!O)
    return fail(P, "expected a spawn wrapper");
  if (!index(O->get("arg_param"), P.field("arg_param"), Result.ArgParam))
    return false;
  if (const Value *E = O->get("entry_param")) {
    Result.EntryParam.emplace();
    if (!index(E, P.field("entry_param"), *Result.EntryParam))
      return false;
  }
  if (const Value *E = O->get("entry"))
    if (!string(E, P.field("entry"), Result.Entry))
      return false;
  llvm::StringRef Handle = O->getString("handle").value_or("unknown");
  Result.Handle = llvm::StringSwitch<ExternalHandle>(Handle)
                      .Case("joined", ExternalHandle::Joined)
                      .Case("never_joined", ExternalHandle::NeverJoined)
                      .Case("param", ExternalHandle::Param)
                      .Case("returned", ExternalHandle::Returned)
                      .Case("global", ExternalHandle::Global)
                      .Default(ExternalHandle::Unknown); // a newer value
  if (Result.Handle == ExternalHandle::Param &&
      !index(O->get("handle_param"), P.field("handle_param"),
             Result.HandleParam))
    return false;
  return location(O->get("at"), P.field("at"), Result.At);
}

bool ProgramFactsReader::global(const Value &V, llvm::json::Path P,
                                ExternalGlobal &Result) {
  const Object *O = V.getAsObject();
  if (!O)
    return fail(P, "expected a global {\"name\", \"at\", ...}");
  if (!string(O->get("name"), P.field("name"), Result.Name))
    return false;
  if (const Value *F = O->get("in_function"))
    if (!string(F, P.field("in_function"), Result.InFunction))
      return false;
  if (const Value *Via = O->get("via"))
    if (!string(Via, P.field("via"), Result.Via))
      return false;
  return flag(*O, "static", P, Result.Static) &&
         flag(*O, "write", P, Result.Write) &&
         location(O->get("at"), P.field("at"), Result.At);
}

bool ProgramFactsReader::globals(const Value *V, llvm::json::Path P,
                                 std::vector<ExternalGlobal> &Result) {
  if (!V)
    return true;
  const Array *A = V->getAsArray();
  if (!A)
    return fail(P, "expected an array of globals");
  Result.resize(A->size());
  for (size_t I = 0; I < A->size(); ++I)
    if (!global((*A)[I], P.index(I), Result[I]))
      return false;
  return true;
}

bool ProgramFactsReader::function(const Value &V, llvm::json::Path P,
                                  ExternalFunction &Result) {
  const Object *O = V.getAsObject();
  if (!O)
    return fail(P, "expected a function");
  Directory = O->getString("directory").value_or("").str();
  Result.TranslationUnit = O->getString("translation_unit").value_or("").str();
  if (!location(O->get("at"), P.field("at"), Result.At))
    return false;
  if (const Value *S = O->get("summary")) {
    Result.Summary.emplace();
    if (!summary(*S, P.field("summary"), *Result.Summary))
      return false;
  }
  if (const Value *W = O->get("spawn_wrapper")) {
    Result.Wrapper.emplace();
    if (!wrapper(*W, P.field("spawn_wrapper"), *Result.Wrapper))
      return false;
  }
  if (const Value *J = O->get("join_helper")) {
    const Object *JO = J->getAsObject();
    Result.JoinParam.emplace();
    if (!JO || !index(JO->get("param"), P.field("join_helper").field("param"),
                      *Result.JoinParam))
      return false;
  }
  return globals(O->get("globals"), P.field("globals"), Result.Globals);
}

bool ProgramFactsReader::header(const Object &O, llvm::json::Path P) {
  if (O.getString("format") != llvm::StringRef("sendsync-program"))
    return fail(P.field("format"),
                "not a program database (expected \"format\": "
                "\"sendsync-program\"; make one with sendsync-merge)");
  std::optional<int64_t> Version = O.getInteger("version");
  if (Version != ProgramFormatVersion)
    return fail(P.field("version"),
                "a version this plugin does not read (it reads version 1); "
                "merge the facts again with this release's sendsync-merge");
  return true;
}

llvm::Error ProgramFactsReader::read(const Value &Root) {
  llvm::json::Path::Root R("program");
  llvm::json::Path P(R);
  const Object *O = Root.getAsObject();
  bool Ok = O ? header(*O, P) : fail(P, "expected a JSON object");
  if (Ok)
    if (const Object *Conflicts = O->getObject("conflicts"))
      for (const auto &KV : *Conflicts)
        Out.Conflicts[KV.first.str()] = true;
  const Object *Functions = Ok ? O->getObject("functions") : nullptr;
  if (Ok && !Functions)
    Ok = fail(P.field("functions"), "expected an object of functions");
  for (auto It = Functions ? Functions->begin() : Object::const_iterator();
       Ok && It != Functions->end(); ++It) {
    ExternalFunction F;
    Ok = function(It->second, P.field("functions").field(It->first), F);
    if (Ok && !Out.Conflicts.count(It->first))
      Out.Functions[It->first.str()] = std::move(F);
  }
  if (Ok)
    return llvm::Error::success();
  return R.getError();
}

llvm::Error ProgramFactsReader::readEntry(llvm::StringRef Name,
                                          const Value &Entry) {
  llvm::json::Path::Root R("program");
  llvm::json::Path P(R);
  ExternalFunction F;
  if (!function(Entry, P.field("functions").field(Name), F))
    return R.getError();
  Out.Functions[Name] = std::move(F);
  return llvm::Error::success();
}

static llvm::Error databaseError(llvm::StringRef Path, llvm::Error E) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'" + Path +
                                     "': " + llvm::toString(std::move(E)));
}

llvm::Expected<ProgramFacts> ProgramFacts::parse(llvm::StringRef Text,
                                                 llvm::StringRef Path) {
  llvm::Expected<Value> Root = llvm::json::parse(Text);
  if (!Root)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "'" + Path + "' is not JSON: " + llvm::toString(Root.takeError()));
  ProgramFacts Out;
  Out.S->Path = Path.str();
  ProgramFactsReader Reader(*Out.S);
  if (llvm::Error E = Reader.read(*Root))
    return databaseError(Path, std::move(E));
  return std::move(Out);
}

llvm::Expected<ProgramFacts> ProgramFacts::load(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read '" + Path +
                                       "': " + Buffer.getError().message());
  llvm::StringRef Text = (*Buffer)->getBuffer();
  std::optional<ProgramDbLines> Lines = splitProgramDbLines(Text);
  // Not the merge's layout, or a header that is wrong: the whole text, so
  // that the error names its place as it always did.
  llvm::Expected<ProgramFacts> Out =
      Lines ? parse(Lines->Header, Path) : parse(Text, Path);
  if (!Lines || !Out) {
    if (Lines)
      llvm::consumeError(Out.takeError());
    return Lines ? parse(Text, Path) : std::move(Out);
  }
  for (const auto &[Name, Entry] : Lines->Entries)
    if (!Out->S->Conflicts.count(Name))
      Out->S->Unread.try_emplace(Name, Entry);
  Out->S->Text = std::move(*Buffer);
  return Out;
}

void ProgramFacts::readEntry(llvm::StringRef Name, llvm::StringRef Text) const {
  llvm::Expected<Value> Entry = llvm::json::parse(Text);
  llvm::Error E =
      Entry ? ProgramFactsReader(*S).readEntry(Name, *Entry)
            : llvm::createStringError(llvm::inconvertibleErrorCode(),
                                      "functions." + Name + " is not JSON: " +
                                          llvm::toString(Entry.takeError()));
  if (!E)
    return;
  std::string Message = llvm::toString(databaseError(S->Path, std::move(E)));
  if (S->EntryError.empty())
    S->EntryError = std::move(Message);
}

const ExternalFunction *ProgramFacts::function(llvm::StringRef Name) const {
  auto It = S->Functions.find(Name);
  if (It != S->Functions.end())
    return &It->second;
  auto Unread = S->Unread.find(Name);
  if (Unread == S->Unread.end())
    return nullptr;
  llvm::StringRef Text = Unread->second;
  S->Unread.erase(Unread);
  readEntry(Name, Text);
  It = S->Functions.find(Name);
  return It == S->Functions.end() ? nullptr : &It->second;
}

} // namespace sendsync
