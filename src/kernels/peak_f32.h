// The f32 throughput a core can reach at best, to judge kernels against: a loop of independent
// multiply-add chains on the widest vectors this build has (WebAssembly: f32x4 multiply + add,
// SIMD128 has no fused multiply-add; natively: AVX-512 or AVX2 fused multiply-add; otherwise
// scalar). Benchmarks only; tests do not depend on the speed.
#pragma once

namespace gradlab::kernels {

struct PeakKernelF32 {
  const char* name;  // "peak_f32_muladd_wasmsimd"
  // Runs `iterations` steps of the chains; returns a sum of the chains so nothing is optimised away.
  float (*run)(long iterations);
  double flops_per_iteration;  // multiplies and adds (a fused one counts 2)
};

PeakKernelF32 PeakKernelF32ForThisBuild();

}  // namespace gradlab::kernels
