// C++ input (-x c++): templates, classes, inheritance, lambdas, the standard
// library. The plugin judges C-style claims on records and must not crash on
// anything else (`not --crash` is not used: a crash fails the RUN line).
//
// RUN: %sendsync -x c++ -std=c++17 %s 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: %sendsync -x c++ -std=c++17 -fplugin-arg-sendsync-strict \
// RUN:   -fplugin-arg-sendsync-explain=job -fplugin-arg-sendsync-explain=widget \
// RUN:   -fplugin-arg-sendsync-json=%t.json %s > %t.out 2>&1
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['compile_errors'] is False; \
// RUN:   claims = sorted(f['message'].split(',')[0] for f in d['findings'] if f['check'] == 'sendsync-claim'); \
// RUN:   assert claims == [\"'class widget' is marked sync\", \"'struct job' is marked send\"], claims; \
// RUN:   assert [e['type'] for e in d['explanations']] == ['job', 'widget']" %t.json
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.out
// EXPLAIN: sendsync: derivation of 'struct job'
// EXPLAIN: sendsync: derivation of 'class widget'
// RUN: %sendsync -x c++ -std=c++20 %s 2>&1 | FileCheck %s --implicit-check-not=error:

#include <sendsync.h>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct SS_NOT_SEND logger { int fd; };

// Claims on plain classes are judged as for C structs.
struct SS_SEND job { logger *l SS_OWNED; };
// CHECK: cxx.cpp:[[#@LINE-1]]:{{[0-9]+}}: warning: 'struct job' is marked send, but its field 'l' owns a 'logger', which is not Send [sendsync-claim]
class SS_SYNC widget {
public:
  virtual ~widget() = default;
  virtual int get() const { return y; }
  int x;
private:
  const int y = 0;
};
// CHECK: cxx.cpp:[[#@LINE-4]]:{{[0-9]+}}: warning: 'class widget' is marked sync, but its field 'x' holds a mutable 'int'

// Templates: dependent types are not judged; instantiations must not crash.
template <typename T> struct SS_SEND box { T *p SS_OWNED; T value; };
template <typename T> struct holder { T t; std::mutex m; };
template <typename T> using alias SS_SEND = T *;
template <typename T, int N> struct arr { T items[N]; };
box<int> bi;
box<logger> bl;
holder<std::string> hs;
arr<box<logger>, 3> ab;

namespace ns {
struct SS_SEND inner { std::vector<int> v; std::unique_ptr<int> u; std::map<int, std::string> m; };
}
struct base { int b; };
struct SS_SYNC derived : base { const int d; derived() : d(1) {} };
union SS_SEND value { int a; float f; };
enum class color { red, green };
struct SS_SEND with_members {
  void f() { auto l = [this] { return e == color::red; }; (void)l; }
  int (*fp)(int);
  int with_members::*mp;
  void (with_members::*mfp)();
  color e;
  int &ref_to(int &x) { return x; }
};
struct SS_SEND with_ref { int &r; };
struct SS_SYNC with_static { static int counter; const int id; };

int main() {
  std::vector<job> jobs;
  std::thread t([] {});
  t.join();
  return 0;
}
