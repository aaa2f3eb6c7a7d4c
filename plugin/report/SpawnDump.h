//===- SpawnDump.h - `dump-spawns`: the facts of every spawn site ---------===//
//
// One line per spawn site, for users asking "what did the plugin think?"
// and for the lit tests of the facts (provenance, sharing, scope). The
// format is stable: key=value fields separated by spaces (docs/design.md).
//
//===----------------------------------------------------------------------===//

#ifndef SENDSYNC_SPAWNDUMP_H
#define SENDSYNC_SPAWNDUMP_H

#include "CheckContext.h"
#include <string>

namespace sendsync {

std::string dumpSpawns(CheckContext &C);

} // namespace sendsync

#endif // SENDSYNC_SPAWNDUMP_H
