#include "kernels/sum.h"

namespace gradlab::kernels {

template <typename T>
T SumFast(const T* x, long n) {
  constexpr int kLanes = 8;
  T acc[kLanes] = {};
  long i = 0;
  for (; i + kLanes <= n; i += kLanes)
    for (int j = 0; j < kLanes; ++j) acc[j] += x[i + j];
  for (int j = 0; i < n; ++i, ++j) acc[j] += x[i];  // the tail, lane by lane
  // Pairwise: (0+4) (1+5) (2+6) (3+7), then (0+2) (1+3), then (0+1).
  for (int width = kLanes / 2; width > 0; width /= 2)
    for (int j = 0; j < width; ++j) acc[j] += acc[j + width];
  return acc[0];
}

template <typename T>
T SumReference(const T* x, long n) {
  T sum = 0;
  for (long i = 0; i < n; ++i) sum += x[i];
  return sum;
}

template float SumFast<float>(const float*, long);
template double SumFast<double>(const double*, long);
template float SumReference<float>(const float*, long);
template double SumReference<double>(const double*, long);

}  // namespace gradlab::kernels
