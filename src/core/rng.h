// The one random number generator of the engine: PCG32 (O'Neill 2014), seeded with SplitMix64.
// Own code rather than <random> distributions, whose output differs between standard libraries:
// the same seed must give the same numbers natively (libstdc++) and in WebAssembly (libc++).
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

namespace gradlab {

// Everything an Rng is, so a saved session goes on drawing the same numbers.
struct RngState {
  uint64_t state = 0, inc = 1;
  bool has_spare_normal = false;
  double spare_normal = 0;
};

class Rng {
 public:
  explicit Rng(uint64_t seed = 0) { Seed(seed); }

  void Seed(uint64_t seed) {
    uint64_t s = seed;
    state_ = SplitMix64(s);
    inc_ = SplitMix64(s) | 1u;
    has_spare_normal_ = false;
  }

  uint32_t NextU32() {
    uint64_t old = state_;
    state_ = old * 6364136223846793005ULL + inc_;
    uint32_t xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = static_cast<uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
  }

  // Uniform in [0, 1) with 53 random bits.
  double Uniform() {
    uint64_t hi = NextU32() >> 5, lo = NextU32() >> 6;
    return (hi * 67108864.0 + lo) * (1.0 / 9007199254740992.0);
  }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }

  // Uniform integer in [0, n), without modulo bias (Lemire's method).
  uint32_t Below(uint32_t n) {
    uint64_t m = static_cast<uint64_t>(NextU32()) * n;
    uint32_t low = static_cast<uint32_t>(m);
    if (low < n) {
      uint32_t threshold = (0u - n) % n;
      while (low < threshold) {
        m = static_cast<uint64_t>(NextU32()) * n;
        low = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

  // Standard normal (Marsaglia's polar method: only sqrt and log, no trigonometry).
  double Normal() {
    if (has_spare_normal_) {
      has_spare_normal_ = false;
      return spare_normal_;
    }
    double u, v, s;
    do {
      u = Uniform(-1.0, 1.0);
      v = Uniform(-1.0, 1.0);
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double f = std::sqrt(-2.0 * std::log(s) / s);
    spare_normal_ = v * f;
    has_spare_normal_ = true;
    return u * f;
  }
  double Normal(double mean, double stddev) { return mean + stddev * Normal(); }

  bool Bernoulli(double p) { return Uniform() < p; }

  RngState Save() const { return {state_, inc_, has_spare_normal_, spare_normal_}; }
  void Restore(const RngState& s) {
    state_ = s.state;
    inc_ = s.inc | 1u;  // the increment of a PCG stream is odd
    has_spare_normal_ = s.has_spare_normal;
    spare_normal_ = s.spare_normal;
  }

  // Fisher-Yates shuffle.
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) {
      size_t j = Below(static_cast<uint32_t>(i));
      std::swap(v[i - 1], v[j]);
    }
  }

 private:
  static uint64_t SplitMix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint64_t state_ = 0, inc_ = 1;
  bool has_spare_normal_ = false;
  double spare_normal_ = 0;
};

}  // namespace gradlab
