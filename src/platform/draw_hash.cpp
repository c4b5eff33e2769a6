#include "platform/draw_hash.h"

#include <cstring>

#include <imgui.h>

namespace gradlab::platform {

namespace {

// FNV-1a over 8-byte words: fast enough for a few hundred kilobytes a frame, and any changed
// byte changes the result (a collision would only cost one frame not redrawn).
struct Hasher {
  uint64_t h = 1469598103934665603ull;
  void Bytes(const void* data, size_t n) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 1099511628211ull;
    }
    for (; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  }
  template <typename T>
  void Value(const T& v) { Bytes(&v, sizeof v); }
};

}  // namespace

uint64_t HashDrawData(const ImDrawData& data) {
  Hasher hash;
  hash.Value(data.DisplayPos);
  hash.Value(data.DisplaySize);
  hash.Value(data.FramebufferScale);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList* list = data.CmdLists[n];
    hash.Bytes(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    hash.Bytes(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      hash.Value(cmd.ClipRect);
      hash.Value(cmd.TextureId);
      hash.Value(cmd.VtxOffset);
      hash.Value(cmd.IdxOffset);
      hash.Value(cmd.ElemCount);
      hash.Value(cmd.UserCallback);
    }
  }
  return hash.h;
}

}  // namespace gradlab::platform
