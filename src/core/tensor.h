// A dense, row-major tensor: a shape and a flat buffer. Activations are NCHW (batch, channels,
// height, width) or NF (batch, features), as in PyTorch, so exported weights need no reordering.
// Templated on the scalar so gradient checks can run the same layers in double precision;
// training uses float.
#pragma once
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace gradlab {

using Shape = std::vector<int>;

inline size_t ShapeSize(const Shape& s) {
  size_t n = 1;
  for (int d : s) n *= static_cast<size_t>(d);
  return n;
}

// "3x32x32"
inline std::string ShapeToString(const Shape& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) out += (i ? "x" : "") + std::to_string(s[i]);
  return out.empty() ? "scalar" : out;
}

template <typename T>
struct TensorT {
  Shape shape;
  std::vector<T> data;

  TensorT() = default;
  explicit TensorT(Shape s, T fill = T(0)) : shape(std::move(s)), data(ShapeSize(shape), fill) {}

  // Changes the shape; keeps the buffer's capacity, so reuse in a training loop allocates once.
  void Resize(const Shape& s) {
    shape = s;
    data.resize(ShapeSize(s));
  }
  void Fill(T v) { std::fill(data.begin(), data.end(), v); }
  void Zero() { Fill(T(0)); }

  size_t size() const { return data.size(); }
  int rank() const { return static_cast<int>(shape.size()); }
  int dim(int i) const { return shape[i]; }
  // Items per batch element: product of all dimensions but the first.
  size_t inner() const { return shape.empty() || shape[0] == 0 ? 0 : data.size() / shape[0]; }
  T* ptr() { return data.data(); }
  const T* ptr() const { return data.data(); }
  T& operator[](size_t i) { return data[i]; }
  const T& operator[](size_t i) const { return data[i]; }
};

using Tensor = TensorT<float>;

}  // namespace gradlab
