//===- Version.h - The sendsync version -----------------------------------===//

#ifndef SENDSYNC_VERSION_H
#define SENDSYNC_VERSION_H

#define SENDSYNC_VERSION "0.1.0"

#endif // SENDSYNC_VERSION_H
