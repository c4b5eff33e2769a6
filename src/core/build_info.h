// What this binary is: version, target (native or web), SIMD instruction set, build type.
// Shown in the About box and by `gradlab-cli --version`, so a bug report says what ran.
#pragma once
#include <cstdint>
#include <string>

namespace gradlab {

struct BuildInfo {
  std::string version;     // e.g. "0.1.0"
  std::string target;      // "native" or "web"
  std::string simd;        // e.g. "WASM SIMD128", "AVX2+FMA", "none"
  bool threads;            // false only in the page's build for hosts that are not cross-origin isolated
  std::string build_type;  // "release" or "debug"
  std::string compiler;    // e.g. "clang 14.0.6"
  uint64_t memory_limit_bytes;  // the most memory the build can have (the page's WebAssembly
                                // memory); 0 natively, where only the machine limits it
};

const BuildInfo& GetBuildInfo();

// One line for --version and the status bar: "Gradlab 0.1.0 (web, threads, SIMD: WASM SIMD128, release)".
std::string BuildSummary();

}  // namespace gradlab
