// A convolution's forward product, C (m, OH*OW) = A (m, C*K*K) * Im2Col(image) + beta * C, the
// columns of which Conv2d's forward pass multiplies by its weights.
//
// Where this build has micro-kernels for it (WebAssembly; natively AVX-512), a stride-1
// convolution skips im2col's columns (75 x 1024 floats for the small CNN's first layer, 300 KB
// written and read back per image): the image is copied once with its zero border, and each
// micro-kernel's B panel (k rows of NR output pixels of one output row) is copied straight from
// it, since a row (channel, ky, kx) of the columns over NR neighbouring pixels is NR neighbouring
// values of the padded image. The sums are the GEMM's, in the same order, so the result equals
// Im2Col + GemmMicroF32 with that kernel bit for bit. Elsewhere (natively without AVX-512:
// Eigen; strides above 1; output rows narrower than a tile; double) it is Im2Col + Gemm.
#pragma once
#include "kernels/gemm_f32.h"
#include "kernels/im2col.h"

namespace gradlab::kernels {

// cols: scratch for Im2Col's columns (C*K*K x OH*OW values), used only where the columns are made.
template <typename T>
void ConvProduct(const ConvGeometry& g, int m, const T* a, int lda, const T* image, T* cols, T beta, T* c, int ldc);

// The micro-kernel ConvProduct<float> multiplies with for this layer and m, or nullptr where it
// makes im2col's columns and calls Gemm.
const GemmVariantF32* ConvVariantFor(const ConvGeometry& g, int m);

// The stride-1 product through one broadcast variant, without columns (tests run every variant).
void ConvProductF32(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* a, int lda, const float* image,
                    float beta, float* c, int ldc);

}  // namespace gradlab::kernels
