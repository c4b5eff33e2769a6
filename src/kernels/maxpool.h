// Max pooling over image planes: y = the largest value of each KxK window (stride S, no padding),
// and per output the index (within its plane) of the winner, for the backward pass. Ties go to
// the first position in row-major order, in every version, so all give the same argmax.
// MaxPool2x2 is the fast path for the common 2x2 window at stride 2; MaxPoolReference is the
// general loop that it is tested against.
#pragma once

namespace gradlab::kernels {

struct PoolGeometry {
  int planes, height, width;  // input: planes = batch * channels
  int kernel, stride;
  int out_height() const { return (height - kernel) / stride + 1; }
  int out_width() const { return (width - kernel) / stride + 1; }
};

// Any window and stride: picks the fast path where it applies.
template <typename T>
void MaxPool(const PoolGeometry& g, const T* x, T* y, int* argmax);

// dx = 0 except at each window's winner, which gets its output's gradient (+= when windows overlap).
template <typename T>
void MaxPoolBackward(const PoolGeometry& g, const T* dy, const int* argmax, T* dx);

template <typename T>
void MaxPoolReference(const PoolGeometry& g, const T* x, T* y, int* argmax);
template <typename T>
void MaxPoolBackwardReference(const PoolGeometry& g, const T* dy, const int* argmax, T* dx);

}  // namespace gradlab::kernels
