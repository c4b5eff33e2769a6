#include <catch2/catch.hpp>

#include "core/build_info.h"

using gradlab::GetBuildInfo;

TEST_CASE("build info names the target this test was built for", "[core]") {
  const auto& b = GetBuildInfo();
#ifdef __EMSCRIPTEN__
  CHECK(b.target == "web");
  CHECK(b.simd == "WASM SIMD128");  // the wasm preset compiles with -msimd128
#else
  CHECK(b.target == "native");
#endif
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  CHECK_FALSE(b.threads);  // the page's build for hosts that are not cross-origin isolated
  CHECK(gradlab::BuildSummary().find("(web, one thread,") != std::string::npos);
#else
  CHECK(b.threads);
  CHECK(gradlab::BuildSummary().find(", threads,") != std::string::npos);
#endif
  CHECK_FALSE(b.version.empty());
  CHECK(gradlab::BuildSummary().find("Gradlab " + b.version) == 0);
}
