//===- ProgramDbLines.cpp - The line layout of a program database ---------===//
//
// Only recognises the layout: no JSON is read here. A line that does not fit
// it makes the whole text fall back to a full parse, so a hand-written or
// pretty-printed database is read as before.
//
//===----------------------------------------------------------------------===//

#include "ProgramDbLines.h"
#include "llvm/ADT/SmallVector.h"

namespace sendsync {

/// `"name":{...},`: the name (an external symbol name: no escapes) and the
/// entry's text.
static std::optional<std::pair<llvm::StringRef, llvm::StringRef>>
entryLine(llvm::StringRef Line) {
  if (!Line.consume_front("\""))
    return std::nullopt;
  size_t Quote = Line.find('"');
  if (Quote == llvm::StringRef::npos || Quote == 0)
    return std::nullopt;
  llvm::StringRef Name = Line.take_front(Quote);
  llvm::StringRef Rest = Line.drop_front(Quote + 1);
  if (Name.contains('\\') || !Rest.consume_front(":"))
    return std::nullopt;
  Rest.consume_back(",");
  return std::make_pair(Name, Rest);
}

std::optional<ProgramDbLines> splitProgramDbLines(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  // The merge's first line, exactly (its keys are sorted): a hand-written
  // database is parsed whole even when it happens to break lines.
  if (Lines.empty() || !Lines[0].starts_with("{\"conflicts\":{") ||
      !Lines[0].ends_with(",\"format\":\"sendsync-program\",\"functions\":{"))
    return std::nullopt;
  ProgramDbLines Out;
  Out.Header = Lines[0].str();
  size_t I = 1;
  for (; I < Lines.size() && !Lines[I].starts_with("}"); ++I) {
    auto Entry = entryLine(Lines[I]);
    if (!Entry)
      return std::nullopt;
    Out.Entries.push_back(*Entry);
  }
  if (I == Lines.size())
    return std::nullopt;
  llvm::StringRef Close = Lines[I++];
  Out.Header += Close.str();
  if (Close.ends_with("[")) { // translation_units, a line each: not read
    while (I < Lines.size() && !Lines[I].starts_with("]"))
      ++I;
    if (I == Lines.size())
      return std::nullopt;
    Out.Header += Lines[I++].str();
  }
  for (; I < Lines.size(); ++I)
    if (!Lines[I].trim().empty())
      return std::nullopt;
  return Out;
}

} // namespace sendsync
