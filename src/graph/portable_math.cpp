// Exp, Log, Expm1, Tanh and Pow from + - * / only: range reduction, then a short polynomial.
#include "graph/no_fma.h"

#include "graph/portable_math.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace gradlab::graph {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// ln 2 split in two: kLn2Hi has 32 significant bits, so k * kLn2Hi is exact for |k| < 2^20.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;

// 1/n! for n = 0..14, for the Taylor series of exp on |r| <= ln(2)/2.
constexpr double kInvFactorial[] = {
    1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
    1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0,
    1.0 / 87178291200.0};

// exp(r) - 1 - r for |r| <= 0.35: r^2 (1/2! + r/3! + ... + r^12/14!); the next term is < 1e-19.
double ExpTail(double r) {
  double p = kInvFactorial[14];
  for (int n = 13; n >= 2; --n) p = p * r + kInvFactorial[n];
  return r * r * p;
}

}  // namespace

double Exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.782712893383973096) return kInf;  // exp(x) > the largest double
  if (x < -745.133219101941108420) return 0.0;  // below half the smallest subnormal
  // x = k ln2 + r with |r| <= ln2 / 2, so exp(x) = 2^k exp(r).
  const double k = std::nearbyint(x * kInvLn2);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  const double e = 1.0 + (r + ExpTail(r));
  return std::ldexp(e, static_cast<int>(k));  // exact scaling (one rounding if subnormal)
}

double Expm1(double x) {
  if (std::isnan(x)) return x;
  if (std::fabs(x) <= 0.34657359027997264) return x + ExpTail(x);  // no cancellation near 0
  if (x < -40) return -1.0;  // exp(x) is below half an ulp of 1
  // x = k ln2 + r: exp(x) - 1 = 2^k (exp(r) - 1) + (2^k - 1), both parts exact but the last sum.
  const double k = std::nearbyint(x * kInvLn2);
  if (k > 56) return Exp(x) - 1.0;  // the - 1 is below half an ulp
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  const double two_k = std::ldexp(1.0, static_cast<int>(k));
  return two_k * (r + ExpTail(r)) + (two_k - 1.0);
}

double Log(double x) {
  if (std::isnan(x) || x < 0) return kNaN;
  if (x == 0) return -kInf;
  if (std::isinf(x)) return kInf;
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)); log x = e ln2 + log(1 + f), f = m - 1 (exact).
  int e = 0;
  double m = std::frexp(x, &e);  // m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  const double f = m - 1.0;
  // log(1 + f) = 2 atanh(s) with s = f / (2 + f), |s| <= 0.1716:
  //   = f - (f^2/2 - s (f^2/2 + R)),  R = 2 s^2/3 + 2 s^4/5 + ... (the terms past s^22 are < 1e-19)
  const double s = f / (2.0 + f);
  const double z = s * s;
  double r = 0;
  for (int n = 21; n >= 3; n -= 2) r = (r + 2.0 / n) * z;
  const double hfsq = 0.5 * f * f;
  const double dk = e;
  return dk * kLn2Hi - ((hfsq - (s * (hfsq + r) + dk * kLn2Lo)) - f);
}

double Tanh(double x) {
  if (std::isnan(x)) return x;
  const double a = std::fabs(x);
  if (a > 22) return std::copysign(1.0, x);  // 1 - tanh(22) < 1e-19
  if (a < 1.0 / (1 << 28)) return x;         // tanh(x) = x - x^3/3: x to the last bit
  // tanh(a) = (1 - exp(-2a)) / (1 + exp(-2a)) = -t / (2 + t) with t = exp(-2a) - 1.
  const double t = Expm1(-2 * a);
  return std::copysign(-t / (2 + t), x);
}

double Pow(double a, double b) {
  if (b == 0) return 1.0;  // even 0^0 and NaN^0, as IEEE and the C library say
  if (std::isnan(a) || std::isnan(b)) return kNaN;
  if (b == std::trunc(b)) {
    if (std::fabs(b) >= 9007199254740992.0) {  // 2^53: an even integer, too large to loop over
      const double m = std::fabs(a);
      if (m == 1) return 1.0;
      return (m > 1) == (b > 0) ? kInf : 0.0;
    }
    // Integer exponent: repeated squaring (x^2 is x * x); a negative one takes the reciprocal.
    uint64_t n = static_cast<uint64_t>(std::fabs(b));
    double result = 1.0, square = a;
    while (n) {
      if (n & 1) result *= square;
      n >>= 1;
      if (n) square *= square;
    }
    return b < 0 ? 1.0 / result : result;
  }
  if (a < 0) return kNaN;  // a negative number to a fractional power is not real
  if (a == 0) return b > 0 ? 0.0 : kInf;
  if (std::isinf(a)) return b > 0 ? kInf : 0.0;
  return Exp(b * Log(a));
}

}  // namespace gradlab::graph
