// Reading a program database does not change code generation, even when a
// note points into another unit's file (which the plugin then opens): the
// object file is byte-identical without the plugin and with program=, at
// -O2 and at -O0 -g.
//
// RUN: rm -rf %t && mkdir %t
// RUN: sed 's|@DIR@|%S/Inputs/project|g' %S/Inputs/project.db.in > %t/program.db
// RUN: %clang -c -O2 -I %S/Inputs/project %S/Inputs/project/main.c -o %t/plain.o
// RUN: %clang -c -O2 -I %S/Inputs/project %S/Inputs/project/main.c -o %t/program.o \
// RUN:   -fplugin=%plugin -fplugin-arg-sendsync-program=%t/program.db 2> %t/program.txt
// RUN: cmp %t/plain.o %t/program.o
// RUN: %clang -c -O0 -g -I %S/Inputs/project %S/Inputs/project/main.c -o %t/plain-g.o
// RUN: %clang -c -O0 -g -I %S/Inputs/project %S/Inputs/project/main.c -o %t/program-g.o \
// RUN:   -fplugin=%plugin -fplugin-arg-sendsync-program=%t/program.db 2> %t/program-g.txt
// RUN: cmp %t/plain-g.o %t/program-g.o
//
// The notes did point into worker.c (so its file was opened).
// RUN: FileCheck %s < %t/program-g.txt
// CHECK: project/worker.c:9:1: note: the thread writes it here, holding no lock
// CHECK: project/worker.c:17:1: note: the thread frees it here
