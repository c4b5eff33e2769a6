// Toy 2-D datasets. See toy2d.h for what this does and does not do.
#include "data/toy2d.h"

#include <algorithm>
#include <cmath>

#include "core/rng.h"
#include "i18n/translate.h"

namespace gradlab::data {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kMaxPointsPerClass = 100000;

// sin and cos from + and * only. libm's sin/cos differ in the last bit between glibc (native) and
// musl (WebAssembly); this keeps toy points bit-identical on both. Accurate to about 1e-15.
void SinCos(double x, double& s, double& c) {
  // Reduce to r in [-pi/4, pi/4] and a quadrant q: x = q * pi/2 + r.
  double q = std::nearbyint(x * (2.0 / kPi));
  double r = x - q * (kPi / 2.0);
  double r2 = r * r;
  // Taylor series; |r| <= pi/4 so 10 terms are well below double precision.
  double sr = r, cr = 1.0, term_s = r, term_c = 1.0;
  for (int n = 1; n <= 10; ++n) {
    term_s *= -r2 / ((2 * n) * (2 * n + 1));
    term_c *= -r2 / ((2 * n - 1) * (2 * n));
    sr += term_s;
    cr += term_c;
  }
  long quadrant = static_cast<long>(q) & 3;  // two's complement: -1 & 3 = 3, as wanted
  switch (quadrant) {
    case 0: s = sr; c = cr; break;
    case 1: s = cr; c = -sr; break;
    case 2: s = -sr; c = -cr; break;
    default: s = -cr; c = sr; break;
  }
}

// A uniformly random direction without trigonometry: a point drawn uniformly in the unit disk
// (by rejection), scaled to length 1.
void RandomDirection(Rng& rng, double& x, double& y) {
  double s;
  do {
    x = rng.Uniform(-1.0, 1.0);
    y = rng.Uniform(-1.0, 1.0);
    s = x * x + y * y;
  } while (s > 1.0 || s < 1e-12);
  double inv = 1.0 / std::sqrt(s);
  x *= inv;
  y *= inv;
}

// One clean point of class k (of K) for each kind; noise is added by the caller.
void Spiral(Rng& rng, int k, int K, double& x, double& y) {
  // Radius grows along the arm; the arms are rotated copies 2*pi/K apart (as in CS231n's spiral,
  // which sweeps 4 radians per arm).
  double t = rng.Uniform();
  double angle = 2.0 * kPi * k / K + 4.0 * t;
  double s, c;
  SinCos(angle, s, c);
  x = t * c;
  y = t * s;
}

void Circle(Rng& rng, int k, int K, double& x, double& y) {
  double radius = static_cast<double>(k + 1) / K, dx, dy;
  RandomDirection(rng, dx, dy);
  x = radius * dx;
  y = radius * dy;
}

void Xor(Rng& rng, int k, int K, double& x, double& y) {
  // Class k owns the K cells (i, (k - i) mod K) of a K x K board over [-1, 1]^2: every row and
  // column holds every class once, so no line separates any class. K = 2 gives the quadrants.
  int i = static_cast<int>(rng.Below(static_cast<uint32_t>(K)));
  int j = ((k - i) % K + K) % K;
  double cell = 2.0 / K;
  x = -1.0 + (j + rng.Uniform()) * cell;
  y = -1.0 + (i + rng.Uniform()) * cell;
}

void Blob(Rng& rng, int k, int K, double& x, double& y) {
  double s, c;
  SinCos(2.0 * kPi * k / K, s, c);
  const double spread = 0.1;  // the blob's own size; noise widens it further
  x = 0.6 * c + spread * rng.Normal();
  y = 0.6 * s + spread * rng.Normal();
}

void Sector(Rng& rng, int k, int K, double& x, double& y) {
  // Angle within the middle 80% of sector k (a 20% gap to each neighbour), radius 0.15..1 with
  // density uniform over the area. Sectors around the origin are separable by a linear softmax
  // classifier (class k scores x . (cos a_k, sin a_k)).
  double width = 2.0 * kPi / K;
  double angle = width * k + (rng.Uniform() - 0.5) * 0.8 * width;
  double radius = 0.15 + 0.85 * std::sqrt(rng.Uniform());
  double s, c;
  SinCos(angle, s, c);
  x = radius * c;
  y = radius * s;
}

}  // namespace

const char* ToyKindName(ToyKind kind) {
  switch (kind) {
    case ToyKind::kSpiral: return "spiral";
    case ToyKind::kCircles: return "circles";
    case ToyKind::kXor: return "xor";
    case ToyKind::kBlobs: return "blobs";
    case ToyKind::kLinear: return "linear";
  }
  return "unknown";
}

Result<ToyKind> ParseToyKind(const std::string& name) {
  std::string valid;
  for (int i = 0; i < kToyKinds; ++i) {
    ToyKind kind = static_cast<ToyKind>(i);
    if (name == ToyKindName(kind)) return kind;
    valid += (i ? ", " : "") + std::string(ToyKindName(kind));
  }
  return Result<ToyKind>::Error(Fill(tr("unknown toy dataset '{0}'; the toy datasets are {1}"), {name, valid}));
}

Status CheckToyParams(int classes, int points_per_class, double noise) {
  if (classes < kToyMinClasses || classes > kToyMaxClasses) {
    return Status::Error(Fill(tr("a toy dataset has 2 to 10 classes, got {0}"), {std::to_string(classes)}));
  }
  if (points_per_class < 1 || points_per_class > kMaxPointsPerClass) {
    return Status::Error(Fill(tr("points per class must be 1 to 100,000, got {0}"), {std::to_string(points_per_class)}));
  }
  if (!(noise >= 0.0 && noise <= 1.0)) {  // also refuses NaN
    return Status::Error(Fill(tr("noise must be 0 to 1, got {0}"), {std::to_string(noise)}));
  }
  return Status();
}

Dataset MakeToyDataset(ToyKind kind, int classes, int points_per_class, double noise, uint64_t seed) {
  classes = std::clamp(classes, kToyMinClasses, kToyMaxClasses);
  points_per_class = std::clamp(points_per_class, 1, kMaxPointsPerClass);
  noise = std::isnan(noise) ? 0.0 : std::clamp(noise, 0.0, 1.0);

  Dataset d;
  d.name = ToyKindName(kind);
  d.sample_shape = {2};
  for (int k = 0; k < classes; ++k) d.class_names.push_back("class " + std::to_string(k));
  d.labels.reserve(static_cast<size_t>(classes) * points_per_class);
  d.features.reserve(static_cast<size_t>(classes) * points_per_class * 2);

  Rng rng(seed);
  for (int k = 0; k < classes; ++k) {
    for (int i = 0; i < points_per_class; ++i) {
      double x = 0, y = 0;
      switch (kind) {
        case ToyKind::kSpiral: Spiral(rng, k, classes, x, y); break;
        case ToyKind::kCircles: Circle(rng, k, classes, x, y); break;
        case ToyKind::kXor: Xor(rng, k, classes, x, y); break;
        case ToyKind::kBlobs: Blob(rng, k, classes, x, y); break;
        case ToyKind::kLinear: Sector(rng, k, classes, x, y); break;
      }
      if (noise > 0) {
        x += noise * rng.Normal();
        y += noise * rng.Normal();
      }
      d.labels.push_back(static_cast<uint8_t>(k));
      d.features.push_back(static_cast<float>(x));
      d.features.push_back(static_cast<float>(y));
    }
  }
  return d;
}

uint64_t ToyTestSeed(uint64_t seed) {
  // Any fixed change of the seed gives an unrelated stream: Rng scrambles seeds with SplitMix64.
  return seed ^ 0x7E57'7E57'7E57'7E57ULL;
}

TrainTest MakeToyTrainTest(ToyKind kind, int classes, int train_per_class, int test_per_class, double noise,
                           uint64_t seed) {
  TrainTest out{MakeToyDataset(kind, classes, train_per_class, noise, seed),
                MakeToyDataset(kind, classes, test_per_class, noise, ToyTestSeed(seed))};
  out.train.name += " train";
  out.test.name += " test";
  return out;
}

}  // namespace gradlab::data
