// im2col / col2im: unrolls the sliding windows of a convolution so that it becomes one GEMM.
// image is (C,H,W); cols is (C*KH*KW, OH*OW): row = (channel, ky, kx), column = output pixel.
// Zero padding: window positions outside the image read as 0 (im2col) and are dropped (col2im).
// The fast versions work out, per row of cols, which output columns read inside the image, and
// copy those as runs (contiguous for stride 1); the references test each position.
#pragma once

namespace gradlab::kernels {

struct ConvGeometry {
  int channels, height, width;  // input
  int kernel, stride, padding;  // square kernel
  int padded_height() const { return height + 2 * padding; }
  int padded_width() const { return width + 2 * padding; }
  int out_height() const { return (padded_height() - kernel) / stride + 1; }
  int out_width() const { return (padded_width() - kernel) / stride + 1; }
};

template <typename T>
void Im2Col(const ConvGeometry& g, const T* image, T* cols);

// Adds (+=) each column entry back into the image position it came from. cols is scratch: its
// entries for window positions outside the image (which it ignores) may be set to 0.
template <typename T>
void Col2Im(const ConvGeometry& g, T* cols, T* image);

template <typename T>
void Im2ColReference(const ConvGeometry& g, const T* image, T* cols);
template <typename T>
void Col2ImReference(const ConvGeometry& g, const T* cols, T* image);

}  // namespace gradlab::kernels
