// Winograd's minimal filtering F(2, 5) along the rows, for 5x5 stride-1 convolutions: two
// neighbouring outputs of a row from five weights take 6 multiplications instead of 10.
//
// With d the 6 padded input values under two outputs and g a row of 5 weights, the two outputs are
// A^T [(G g) . (B^T d)] (points 0, 1, -1, 2, -2 and infinity; the matrices are in the .cpp). For
// each of the 6 points t the product is a smaller convolution: the image's rows transformed along x
// (B^T, one value per point for each pair of outputs), convolved over (channel, ky) with the weights
// transformed along kx (G), a product of k = 5 * C through the same micro-kernels as the direct
// product; A^T then turns the 6 results into the output pairs. The filter transform is made once
// per layer call; the input transform costs about 1 / m of the multiplications it saves.
//
// The weights' gradient is the same transforms turned around: dW's row of 5 = G^T [(A dy) . (B^T d)]
// summed over the output pairs, so for each point t, S_t (m, 5 * C) = (A dy)_t times the
// transformed rows (channel, ky), a dot product over the output pairs through the dot kernel's
// runs (GemmDotRunsF32), summed over a group of images, and G^T then makes dW once per group.
//
// The sums are in another order than the direct product's, with rounding of their own (relative
// errors of about 1e-6, tested against double). WebAssembly uses it (conv_gemm.h) where it saves
// time: there the direct product's micro-kernel runs near its limit. Natively the AVX-512 direct
// product stays.
#pragma once
#include <vector>

#include "kernels/gemm_f32.h"
#include "kernels/im2col.h"

namespace gradlab::kernels {

// Whether F(2, 5) can make this product with nr-wide micro-kernel tiles: stride 1, a 5x5 kernel,
// and output rows a whole number of tiles of nr output pairs.
bool WinogradFits(const ConvGeometry& g, int nr);

// The weights A (m, C*5*5) transformed along kx: for each point t, U_t (m, 5 * C) with columns
// (ky, c), in v's row panels, one point after another.
std::vector<float> WinogradPanels(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* a, int lda);

// C (m, OH*OW) = the convolution of the image (C, H, W) with the weights + beta * C (beta == 0 not
// reading C), as ConvProduct; panels from WinogradPanels for the same v, g and m.
void WinogradProductF32(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* panels, const float* image,
                        float beta, float* c, int ldc);

// Whether F(2, 5) can make this layer's weights' gradient through `dot`'s runs kernel: stride 1, a
// 5x5 kernel, and output rows of a whole number of the kernel's runs of pairs.
bool WinogradWeightFits(const GemmVariantF32& dot, const ConvGeometry& g);

// dW = the sum over `count` images of dy_i * Im2Col(image_i)^T + beta * dW, as ConvWeightGradient.
void WinogradWeightGradientF32(const GemmVariantF32& dot, const ConvGeometry& g, int m, int count, const float* dy,
                               size_t dy_stride, const float* image, size_t image_stride, float beta, float* dw, int ldw);

}  // namespace gradlab::kernels
