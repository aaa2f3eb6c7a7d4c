// The borrows besides '&local' (docs/rules.md §2): the address of a parameter,
// alloca memory, an SS_BORROWED parameter and a compound literal die when the
// function returns (the plugin's reading of a compound literal); a VLA dies
// with its block; a thread-local
// address is reported even when the thread is joined (the new thread would
// use another thread's copy). Twins: the same borrows joined before return.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s

#include <alloca.h>
#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

struct job { int id; }; // #job_id

static void *run(void *arg) { return arg; }

void param_address(struct job j) { // #param_j
  pthread_t tid;
  pthread_create(&tid, NULL, run, &j); // #param_spawn
} // #param_end
// expected-warning@#param_spawn {{address of parameter 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#param_j {{'j' is a parameter of 'param_address' and dies when it returns}}
// expected-note@#param_end {{the function ends here without joining 'tid'}}
// expected-note@#param_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

void with_alloca(void) {
  pthread_t tid;
  struct job *j = alloca(sizeof *j);
  j->id = 1;
  pthread_create(&tid, NULL, run, j); // #alloca_spawn
} // #alloca_end
// expected-warning@#alloca_spawn {{stack memory from alloca at storage.c:31 escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#alloca_end {{the function ends here without joining 'tid'}}
// expected-note@#alloca_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

void borrowed_parameter(struct job *j SS_BORROWED) { // #borrowed_j
  pthread_t tid;
  pthread_create(&tid, NULL, run, j); // #borrowed_spawn
} // #borrowed_end
// expected-warning@#borrowed_spawn {{borrowed pointer 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#borrowed_j {{'j' is a parameter of 'borrowed_parameter' and dies when it returns}}
// expected-note@#borrowed_end {{the function ends here without joining 'tid'}}
// expected-note@#borrowed_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}
// A borrowed pointer requires Sync of its pointee ('struct job' has a mutable int): strict only.
// strict-warning@#borrowed_spawn {{'struct job' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#job_id 2 {{'struct job' is not Sync because its field 'id' holds a mutable 'int'}}
// strict-note@#borrowed_spawn {{required because 'j' (parameter 'j' of 'borrowed_parameter') is shared with the thread started here}}

void compound_literal(void) {
  pthread_t tid;
  pthread_create(&tid, NULL, run, &(struct job){1}); // #cl_spawn
} // #cl_end
// expected-warning@#cl_spawn {{stack memory (a compound literal) escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#cl_end {{the function ends here without joining 'tid'}}
// expected-note@#cl_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

void vla(int n) {
  pthread_t tid;
  int cells[n]; // #vla_cells
  cells[0] = 0;
  pthread_create(&tid, NULL, run, cells); // #vla_spawn
} // #vla_end
// expected-warning@#vla_spawn {{address of local 'cells' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#vla_cells {{'cells' is declared here and dies at the end of this block}}
// expected-note@#vla_end {{'cells' dies here, at the end of its block, and 'tid' may not be joined yet}}
// expected-note@#vla_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

_Thread_local struct job tls_job; // #tls_decl
void thread_local_joined(void) {
  pthread_t tid;
  pthread_create(&tid, NULL, run, &tls_job); // #tls_spawn
  pthread_join(tid, NULL);
}
// expected-warning@#tls_spawn {{address of thread-local 'tls_job' is handed to another thread [sendsync-escape]}}
// expected-note@#tls_decl {{'tls_job' is declared thread-local here}}
// expected-note@#tls_spawn {{a thread-local variable belongs to the thread that starts the new one; the new thread sees memory of another thread}}
// expected-note@#tls_spawn {{the thread is started here; hand it heap memory or a copy instead}}

// ---- Twins: no sendsync-escape. ----

void param_address_joined(struct job j) {
  pthread_t tid;
  pthread_create(&tid, NULL, run, &j);
  pthread_join(tid, NULL);
}

void with_alloca_joined(void) {
  pthread_t tid;
  struct job *j = alloca(sizeof *j);
  j->id = 1;
  pthread_create(&tid, NULL, run, j);
  pthread_join(tid, NULL);
}

void borrowed_parameter_joined(struct job *j SS_BORROWED) {
  pthread_t tid;
  pthread_create(&tid, NULL, run, j); // #borrowed_joined
  pthread_join(tid, NULL);
}
// strict-warning@#borrowed_joined {{'struct job' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#borrowed_joined {{required because 'j' (parameter 'j' of 'borrowed_parameter_joined') is shared with the thread started here}}
