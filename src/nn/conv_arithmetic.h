// Output size of a sliding window (convolution or pooling): (N - F + 2P) / S + 1, refused when
// the window does not fit a whole number of times (the lecture's N=7, F=3, S=3 gives 2.33).
#pragma once
#include <cstdio>
#include <string>

#include "i18n/translate.h"

namespace gradlab::nn {

inline constexpr const char* kOutputSizeFormula = "(N - F + 2P) / S + 1";
// The lecture's slip, quoted where the calculator and the lesson show the formula.
inline constexpr const char* kOutputSizeSlip = N_(
    "The lecture also writes (N+2P-f+1)/S: that gives its 7 only because S = 1; the + 1 comes after "
    "the division, (N + 2P - F)/S + 1.");

struct WindowFit {
  int output = 0;          // whole output size when it fits
  double exact = 0;        // (N - F + 2P) / S + 1 as a real number
  bool fits = false;
  std::string message;     // why it does not fit, in the lecture's terms
};

inline WindowFit FitWindow(int n, int f, int stride, int padding) {
  WindowFit r;
  const int span = n - f + 2 * padding;
  r.exact = stride > 0 ? static_cast<double>(span) / stride + 1 : 0;
  auto formula = "(" + std::to_string(n) + " - " + std::to_string(f) + " + 2*" +
                 std::to_string(padding) + ")/" + std::to_string(stride) + " + 1";
  if (f < 1 || stride < 1 || padding < 0) {
    r.message = tr("kernel and stride must be at least 1 and padding at least 0");
  } else if (span < 0) {
    r.message = Fill(tr("the {0}-wide window is larger than the padded input ({1})"),
                     {std::to_string(f), std::to_string(n + 2 * padding)});
  } else if (span % stride != 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", r.exact);
    r.message = Fill(tr("{0} = {1} is not a whole number: the stride does not fit"), {formula, buf});
  } else {
    r.fits = true;
    r.output = span / stride + 1;
  }
  return r;
}

// Receptive field of L stacked FxF stride-1 convolutions. F is the filter size, as in the output
// size above; K is the number of filters (the lecture's receptive-field slides call the filter
// size K, which would clash).
inline constexpr const char* kReceptiveFieldFormula = "1 + L(F - 1)";
inline int ReceptiveField(int layers, int filter_size) { return 1 + layers * (filter_size - 1); }

// Parameters of a conv layer of K filters of F x F x C, each with a bias: F*F*C*K + K.
inline long long ConvParameters(int filter_size, int channels, int filters) {
  return static_cast<long long>(filter_size) * filter_size * channels * filters + filters;
}

}  // namespace gradlab::nn
