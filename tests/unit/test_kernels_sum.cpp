// The eight-lane sum against the plain running total, over lengths around the lane count
// (0, 1, primes, 7, 8, 9, long runs): equal up to float rounding, and exact on integers.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/rng.h"
#include "kernels/sum.h"

using namespace gradlab;
using namespace gradlab::kernels;

TEST_CASE("the eight-lane sum equals the running total up to rounding", "[kernels]") {
  Rng rng(2);
  for (long n : {0L, 1L, 2L, 3L, 7L, 8L, 9L, 13L, 16L, 17L, 64L, 1021L, 1024L, 16384L}) {
    INFO("n=" << n);
    std::vector<float> x(n);
    std::vector<double> xd(n);
    double magnitude = 0;
    for (long i = 0; i < n; ++i) {
      x[i] = static_cast<float>(rng.Uniform(-1.0, 1.0));
      xd[i] = x[i];
      magnitude += std::fabs(x[i]);
    }
    const double exact = SumReference(xd.data(), n);
    CHECK(std::fabs(SumFast(x.data(), n) - exact) <= 1e-6 * (magnitude + 1));
    CHECK(std::fabs(SumReference(x.data(), n) - exact) <= 1e-6 * (magnitude + 1));
    CHECK(std::fabs(SumFast(xd.data(), n) - exact) <= 1e-12 * (magnitude + 1));
    std::vector<float> ones(n, 1.0f);
    CHECK(SumFast(ones.data(), n) == static_cast<float>(n));
  }
}
