// A convolution's products with im2col's columns: the forward product, C (m, OH*OW) = A (m,
// C*K*K) * Im2Col(image) + beta * C, which Conv2d's forward pass (and, with the weights turned,
// its input gradient) makes; and the weights' gradient, dW (m, C*K*K) = dy (m, OH*OW) *
// Im2Col(image)^T + beta * dW.
//
// Where this build has micro-kernels for it (WebAssembly; natively AVX-512), a stride-1
// convolution skips im2col's columns (75 x 1024 floats for the small CNN's first layer, 300 KB
// written and read back per image): the image is copied once with its zero border, and each
// micro-kernel's B panel (k rows of NR output pixels of one output row, or of NR / OW whole
// rows where they are narrower and divide it) is copied straight from it (natively: read in
// place), since a row (channel, ky, kx) of the columns over NR neighbouring pixels is NR
// neighbouring values of the padded image. The sums are the GEMM's, in the same order, so the
// result equals Im2Col + GemmMicroF32 with that kernel bit for bit. Elsewhere (natively without
// AVX-512: Eigen; strides above 1; other output rows narrower than a tile; double) it is
// Im2Col + Gemm.
// The weights' gradient skips the columns in the same way where the build's dot kernel (A * B^T)
// has a runs kernel (WebAssembly) and the output rows are a whole number of its vectors: a row
// of the columns is OH runs of OW values of the padded image, which that kernel reads in place
// (GemmDotRunsF32), equal to Im2Col + GemmMicroF32 with that variant bit for bit. Natively on
// AVX-512 it is made transposed instead, dW^T = cols * dy^T, by broadcast tiles that read those
// runs in place (GemmRunsTilesF32; faster than im2col + Eigen, which was faster than an AVX-512
// dot kernel reading the image), summed in another order than Eigen's.
#pragma once
#include <vector>

#include "kernels/gemm_f32.h"
#include "kernels/im2col.h"

namespace gradlab::kernels {

// A layer's weights A (m, C*K*K) as its product reads them, made once per layer call rather than
// once per image (the images may go to the pool's threads, which only read it): where the
// product skips the columns, its micro-kernel's row panels, or, where the build makes it with
// Winograd's F(2, 5) (conv_winograd.h), the transformed weights' panels; elsewhere A as it is.
template <typename T>
struct ConvWeights {
  int m;
  const T* a;
  int lda;
  const GemmVariantF32* variant = nullptr;  // ConvVariantFor, float only
  bool winograd = false;                    // panels are WinogradPanels for `variant`
  std::vector<float> panels;                // A packed for `variant` (PackRowPanelsF32)
};

template <typename T>
ConvWeights<T> PackConvWeights(const ConvGeometry& g, int m, const T* a, int lda);

// cols: scratch for Im2Col's columns (C*K*K x OH*OW values), used only where the columns are made.
template <typename T>
void ConvProduct(const ConvGeometry& g, const ConvWeights<T>& w, const T* image, T* cols, T beta, T* c, int ldc);

// The micro-kernel ConvProduct<float> multiplies with for this layer and m, or nullptr where it
// makes im2col's columns and calls Gemm.
const GemmVariantF32* ConvVariantFor(const ConvGeometry& g, int m);

// The stride-1 product through one broadcast variant, without columns (tests run every variant).
void ConvProductF32(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* a, int lda, const float* image,
                    float beta, float* c, int ldc);

// The weights' gradient summed over `count` images, image i's dy at dy + i * dy_stride and its
// input at image + i * image_stride: dW = sum of dy_i * Im2Col(image_i)^T + beta * dW, the images
// added in order. cols: as above.
template <typename T>
void ConvWeightGradient(const ConvGeometry& g, int m, int count, const T* dy, size_t dy_stride, const T* image,
                        size_t image_stride, T* cols, T beta, T* dw, int ldw);

// The dot variant ConvWeightGradient<float> reads the image in place with, or nullptr where it
// makes the columns and calls Gemm.
const GemmVariantF32* ConvWeightVariantFor(const ConvGeometry& g);

// Whether ConvWeightGradient<float> makes this layer's weights' gradient through Winograd's F(2, 5)
// (conv_winograd.h) with GemmChosenF32().conv_weights.
bool ConvWeightWinograd(const ConvGeometry& g);

// Whether `dot` can make this layer's weights' gradient without columns, in Gemm's order.
bool ConvWeightFits(const GemmVariantF32& dot, const ConvGeometry& g);

// The same sum for a stride-1 convolution made transposed, dW^T = sum of Im2Col(image_i) * dy_i^T,
// through runs tiles (natively on AVX-512) reading the columns' rows in place from the padded
// image, and turned back once at the end.
void ConvWeightGradientRunsF32(const GemmRunsTilesF32& tiles, const ConvGeometry& g, int m, int count, const float* dy,
                               size_t dy_stride, const float* image, size_t image_stride, float beta, float* dw, int ldw);

// The weights' gradient of a stride-1 convolution through one dot variant that fits.
void ConvWeightGradientF32(const GemmVariantF32& dot, const ConvGeometry& g, int m, const float* dy, const float* image,
                           float beta, float* dw, int ldw);

}  // namespace gradlab::kernels
