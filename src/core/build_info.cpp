#include "core/build_info.h"

#ifndef GRADLAB_VERSION
#define GRADLAB_VERSION "unknown"
#endif
#ifndef GRADLAB_TARGET
#define GRADLAB_TARGET "native"
#endif
#ifndef GRADLAB_MEMORY_LIMIT_BYTES  // set for WebAssembly builds by cmake/Platform.cmake
#define GRADLAB_MEMORY_LIMIT_BYTES 0
#endif

namespace gradlab {
namespace {

std::string DetectSimd() {
#if defined(__wasm_simd128__)
  return "WASM SIMD128";
#elif defined(__AVX512F__)
  return "AVX-512";
#elif defined(__AVX2__) && defined(__FMA__)
  return "AVX2+FMA";
#elif defined(__SSE2__)
  return "SSE2";
#elif defined(__ARM_NEON)
  return "NEON";
#else
  return "none";
#endif
}

std::string DetectCompiler() {
#if defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "gcc " __VERSION__;
#else
  return "unknown compiler";
#endif
}

}  // namespace

const BuildInfo& GetBuildInfo() {
  static const BuildInfo info{
      GRADLAB_VERSION, GRADLAB_TARGET, DetectSimd(),
#if !defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__)
      true,
#else
      false,
#endif
#ifdef NDEBUG
      "release",
#else
      "debug",
#endif
      DetectCompiler(), uint64_t{GRADLAB_MEMORY_LIMIT_BYTES}};
  return info;
}

std::string BuildSummary() {
  const BuildInfo& b = GetBuildInfo();
  return "Gradlab " + b.version + " (" + b.target + (b.threads ? ", threads" : ", one thread") + ", SIMD: " + b.simd +
         ", " + b.build_type + ")";
}

}  // namespace gradlab
