// Toy 2-D datasets for the playground's decision-boundary views: spiral, circles, xor, blobs and
// linearly separable sectors, for 2 to 10 classes. Points are seeded with gradlab::Rng and use
// only +, -, *, / and sqrt/log (no libm sin/cos), so a seed gives bit-identical points natively
// and in WebAssembly. Features lie roughly in [-1, 1] (noise can push points a little beyond).
//
// This file does not split off validation sets, shuffle, or normalise: the points are used as
// they are (batch.h copies them into tensors).
#pragma once
#include <cstdint>
#include <string>

#include "core/status.h"
#include "data/dataset.h"

namespace gradlab::data {

enum class ToyKind {
  kSpiral,   // one arm per class, winding out from the centre
  kCircles,  // concentric rings, class k at radius (k + 1) / K
  kXor,      // 2 classes: the classic quadrants; K classes: a K x K board, cell (i, j) is class (i + j) mod K
  kBlobs,    // one Gaussian blob per class, centres evenly spaced on a circle of radius 0.6
  kLinear,   // K pie sectors around the origin with a gap between them: separable by a linear classifier
};

inline constexpr int kToyMinClasses = 2;
inline constexpr int kToyMaxClasses = 10;
inline constexpr int kToyKinds = 5;

// "spiral", "circles", "xor", "blobs", "linear".
const char* ToyKindName(ToyKind kind);
// The inverse of ToyKindName; an unknown name gives a message listing the valid ones.
Result<ToyKind> ParseToyKind(const std::string& name);

// Checks the numbers a user typed: classes 2-10, points per class 1-100,000, noise 0-1.
Status CheckToyParams(int classes, int points_per_class, double noise);

// points_per_class points of each class, class by class (all of class 0, then class 1, ...).
// noise is the standard deviation of Gaussian jitter added to both coordinates (0 = clean).
// Arguments outside the ranges CheckToyParams accepts are clamped into them.
Dataset MakeToyDataset(ToyKind kind, int classes, int points_per_class, double noise, uint64_t seed);

// A training set from `seed` and a test set of the same kind from a seed derived from it, so the
// test points are new points of the same distribution.
TrainTest MakeToyTrainTest(ToyKind kind, int classes, int train_per_class, int test_per_class, double noise,
                           uint64_t seed);

// The seed MakeToyTrainTest uses for the test points.
uint64_t ToyTestSeed(uint64_t seed);

}  // namespace gradlab::data
