// A fingerprint of a frame's Dear ImGui draw data (geometry, clipping, textures, display size),
// so the browser can skip drawing a frame that would look exactly like the one on screen.
#pragma once
#include <cstdint>

struct ImDrawData;

namespace gradlab::platform {

uint64_t HashDrawData(const ImDrawData& data);

}  // namespace gradlab::platform
