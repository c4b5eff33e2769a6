// The graph's numbers are the same bits natively and in WebAssembly: its exp, log, tanh and pow
// (portable_math.h) against the C library's, and golden bit patterns that both builds must hit.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "graph/examples.h"
#include "graph/portable_math.h"

using namespace gradlab;
using namespace gradlab::graph;

namespace {

// |a - b| in units of b's last place.
double Ulps(double a, double b) {
  if (a == b) return 0;
  const double ulp = std::nextafter(std::fabs(b), HUGE_VAL) - std::fabs(b);
  return std::fabs(a - b) / ulp;
}

// FNV-1a over the bit patterns of every number a stepper shows: each node's value and gradient,
// and the gradient check. Any difference in any last bit changes it.
uint64_t NumbersHash(const Stepper& s) {
  uint64_t h = 1469598103934665603ull;
  auto add = [&](double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    for (int i = 0; i < 8; ++i) {
      h ^= (bits >> (8 * i)) & 0xff;
      h *= 1099511628211ull;
    }
  };
  for (const Node& n : s.result().nodes()) {
    add(n.value);
    add(n.grad);
  }
  for (const GradCheckRow& r : s.gradcheck()) {
    add(r.analytic);
    add(r.numerical);
    add(r.step);
    add(r.relative_error);
  }
  return h;
}

}  // namespace

TEST_CASE("Graph portable math is within 2 or 3 ulp of the C library", "[graph]") {
  double worst_exp = 0, worst_log = 0, worst_tanh = 0, worst_expm1 = 0;
  for (int i = -7000; i <= 7000; ++i) {
    const double x = i * 0.1013;  // -709 .. 709, not on round numbers
    worst_exp = std::max(worst_exp, Ulps(Exp(x), std::exp(x)));
    worst_tanh = std::max(worst_tanh, Ulps(Tanh(x / 200), std::tanh(x / 200)));
    worst_expm1 = std::max(worst_expm1, Ulps(Expm1(x / 100), std::expm1(x / 100)));
    const double y = std::exp(x * 0.98);  // 1e-302 .. 1e302
    worst_log = std::max(worst_log, Ulps(Log(y), std::log(y)));
    const double near_one = 1 + i * 1.37e-5;  // where log is smallest
    worst_log = std::max(worst_log, Ulps(Log(near_one), std::log(near_one)));
  }
  INFO("worst ulps: exp " << worst_exp << ", log " << worst_log << ", tanh " << worst_tanh
                          << ", expm1 " << worst_expm1);
  CHECK(worst_exp <= 2);
  CHECK(worst_log <= 2);
  CHECK(worst_tanh <= 3);
  CHECK(worst_expm1 <= 2);

  // Fractional powers are Exp(b Log a): about |b ln a| ulp more.
  for (double a : {0.1, 0.5, 1.7, 2.0, 9.3})
    for (double b : {-4.5, -1.3, 0.5, 2.3, 3.7}) {
      INFO(a << "^" << b);
      CHECK(Ulps(Pow(a, b), std::pow(a, b)) <= 2 + std::fabs(b * std::log(a)));
    }
}

TEST_CASE("Graph portable math: special values and integer powers", "[graph]") {
  CHECK(Exp(0) == 1);
  CHECK(Exp(1000) == HUGE_VAL);
  CHECK(Exp(-1000) == 0);
  CHECK(std::isnan(Exp(NAN)));
  CHECK(Exp(-HUGE_VAL) == 0);
  CHECK(Log(1) == 0);
  CHECK(Log(0) == -HUGE_VAL);
  CHECK(std::isnan(Log(-1)));
  CHECK(Log(HUGE_VAL) == HUGE_VAL);
  CHECK(Log(5e-324) == Approx(std::log(5e-324)));  // subnormal
  CHECK(Tanh(0) == 0);
  CHECK(Tanh(30) == 1);
  CHECK(Tanh(-30) == -1);
  CHECK(Tanh(1e-10) == 1e-10);
  CHECK(Ulps(Expm1(1e-12), std::expm1(1e-12)) <= 1);
  CHECK(Ulps(Expm1(-1e-7), std::expm1(-1e-7)) <= 1);

  CHECK(Pow(2, 9) == 512);
  CHECK(Pow(3, 2) == 9);
  CHECK(Pow(2, -1) == 0.5);
  CHECK(Pow(-2, 3) == -8);
  CHECK(Pow(-2, 2) == 4);
  CHECK(Pow(1.1, 2) == 1.1 * 1.1);  // x^2 is x * x, bit for bit
  CHECK(Pow(0, 2) == 0);
  CHECK(Pow(0, -1) == HUGE_VAL);
  CHECK(Pow(0, 0) == 1);
  CHECK(Pow(0, 0.5) == 0);
  CHECK(std::isnan(Pow(-2, 0.5)));
  CHECK(Pow(2, 1e300) == HUGE_VAL);
  CHECK(Pow(0.5, 1e300) == 0);
  CHECK(Pow(-1, 1e300) == 1);
}

TEST_CASE("Graph numbers are the same bits natively and in WebAssembly", "[graph][cross]") {
  // exp(-1.0000299...): glibc (FMA variant) and Emscripten differ in the last bit; ours is one value.
  CHECK(Exp(-0x1.0001f75104d56p+0) == 0x1.78b27ec2083d2p-2);
  CHECK(Log(0x1.5e2c9fb0820f5p+0) == 0x1.40c58e8a16ca4p-2);
  CHECK(Tanh(0.123456789) == 0x1.f7201e17dee59p-4);
  CHECK(Pow(1.7, 2.3) == 0x1.b1c0c46dcb4eap+1);

  // Every number of every example, and of expressions using every op. If a change to the
  // engine's arithmetic is meant, the new hash is in the failure message: update it here after
  // checking that the WebAssembly build gives the same one.
  struct Case {
    const char* name;  // an example, or an expression with values below
    const char* expression;
    InputValues values;
    uint64_t hash;
  };
  const Case cases[] = {
      {"add-mul", nullptr, {}, 10638717141579174430ull},
      {"neuron", nullptr, {}, 6661106616333239429ull},
      {"max-gate", nullptr, {}, 16196415144659640193ull},
      {"softmax", nullptr, {}, 2030299240683879861ull},
      {"two-layer", nullptr, {}, 3017338963259324304ull},
      {"every op", "f = tanh(x*y) + sigmoid(x - y) * exp(x) / log(y + 1) + y^x - sqrt(abs(x)) + relu(y) * max(x, y) - min(x, -y)",
       {{"x", -1.057003}, {"y", 0.814798}}, 16312994492495290604ull},
      {"powers", "f = x^y + y^-x + (x*y)^3.5", {{"x", 1.639765}, {"y", 0.478509}}, 4904743633289483650ull},
  };
  for (const Case& c : cases) {
    Result<Stepper> s = c.expression ? MakeStepper(c.expression, c.values)
                                     : MakeExampleStepper(*FindExample(c.name));
    REQUIRE(s.ok());
    const uint64_t hash = NumbersHash(*s);
    INFO(c.name << ": hash " << hash << "ull");
    CHECK(hash == c.hash);
  }
}
