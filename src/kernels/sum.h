// The sum of a run of numbers, as in Conv2d's bias gradient (each filter's output gradients over
// all pixels: 16 x 1,024 per image for the small CNN's first layer). A single running total is
// a chain of dependent adds the compiler may not reorder (IEEE), so SumFast keeps eight
// independent partial sums, which vectorise (two f32x4 in WebAssembly, one AVX register
// natively) and run several times faster. The order of the adds is fixed, so every build gives
// the same result; it differs from SumReference (one left-to-right total) only by rounding.
#pragma once

namespace gradlab::kernels {

template <typename T>
T SumFast(const T* x, long n);

template <typename T>
T SumReference(const T* x, long n);

}  // namespace gradlab::kernels
