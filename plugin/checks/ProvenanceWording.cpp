//===- ProvenanceWording.cpp - The English of where memory comes from -----===//

#include "ProvenanceWording.h"
#include "AstHelpers.h"

using namespace clang;

namespace sendsync {

static std::string quoted(const NamedDecl *D) {
  return "'" + D->getName().str() + "'";
}

static std::string ofFunction(const Origin &O) {
  return "of '" + O.Fn->getNameAsString() + "'";
}

std::string describeOrigin(const Origin &O, const SourceManager &SM) {
  switch (O.Kind) {
  case OriginKind::None:
    return "";
  case OriginKind::NullPointer:
    return "a null pointer";
  case OriginKind::IntegerValue:
    return "an integer value cast to a pointer";
  case OriginKind::StringLiteral:
    return "a string literal";
  case OriginKind::CompoundLiteral:
    return "a compound literal";
  case OriginKind::DifferentKinds:
    return "memory of different kinds";
  case OriginKind::Alloca:
    return "stack memory from alloca at " + fileAndLine(SM, O.At);
  case OriginKind::HeapAllocation:
    return "heap memory from " + O.Decl->getNameAsString() + " at " +
           fileAndLine(SM, O.At);
  case OriginKind::CallResult:
    return "the result of '" + O.Decl->getNameAsString() + "'";
  case OriginKind::FieldPointer:
    return "the " + pointerKindName(O.Marked).str() + " pointer in field " +
           quoted(O.Decl);
  case OriginKind::VariablePointer:
    return "the " + pointerKindName(O.Marked).str() + " pointer in variable " +
           quoted(O.Decl);
  case OriginKind::Function:
    return "function " + quoted(O.Decl);
  case OriginKind::Parameter:
    return "parameter " + quoted(O.Decl) + " " + ofFunction(O);
  case OriginKind::AddressTakenPointer:
    return quoted(O.Decl) +
           ", whose address is taken (it may change elsewhere)";
  case OriginKind::NeverAssigned:
    return quoted(O.Decl) + ", which is never assigned";
  case OriginKind::MixedAssignments:
    return quoted(O.Decl) + ", which is assigned memory of different kinds";
  case OriginKind::ThreadLocalVariable:
    return "a thread-local variable";
  case OriginKind::LocalVariable:
    return "a local " + ofFunction(O);
  case OriginKind::ParameterVariable:
    return "a parameter " + ofFunction(O);
  case OriginKind::StaticLocal:
    return "a static local " + ofFunction(O);
  case OriginKind::GlobalVariable:
    return "a global variable";
  }
  llvm_unreachable("unknown origin kind");
}

std::string describeMixedSource(const MixedSource &M, const SourceManager &SM) {
  std::string Text = describeOrigin(M.From, SM);
  return Text.empty() ? storageName(M.Kind).str() : Text;
}

} // namespace sendsync
