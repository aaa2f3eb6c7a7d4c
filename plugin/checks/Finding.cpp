//===- Finding.cpp - The check registry -----------------------------------===//

#include "Finding.h"
#include "llvm/ADT/ArrayRef.h"

namespace sendsync {

namespace {
struct CheckInfo {
  CheckId Id;
  llvm::StringRef Name;
  llvm::StringRef Summary;
};

constexpr CheckInfo Registry[] = {
#define SENDSYNC_CHECK(Enum, Id, Entry, Summary) {CheckId::Enum, Id, Summary},
#include "CheckIds.def"
};

constexpr CheckId AllIds[] = {
#define SENDSYNC_CHECK(Enum, Id, Entry, Summary) CheckId::Enum,
#include "CheckIds.def"
};
} // namespace

llvm::ArrayRef<CheckId> allChecks() { return AllIds; }

llvm::StringRef checkName(CheckId Id) {
  return Registry[static_cast<unsigned>(Id)].Name;
}

llvm::StringRef checkSummary(CheckId Id) {
  return Registry[static_cast<unsigned>(Id)].Summary;
}

std::optional<CheckId> checkFromName(llvm::StringRef Name) {
  for (const CheckInfo &Info : Registry)
    if (Info.Name == Name)
      return Info.Id;
  return std::nullopt;
}

} // namespace sendsync
