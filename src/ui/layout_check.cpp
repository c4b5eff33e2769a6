#include "ui/layout_check.h"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

namespace gradlab::ui {

namespace {
constexpr float kTolerance = 8;  // pixels of an item that may be out of view
std::vector<ClippedItem> g_clipped;
unsigned int g_last_clipped_id = 0;  // the label comes in a second hook call, for the same id
}  // namespace

void BeginLayoutCheck() {
  g_clipped.clear();
  g_last_clipped_id = 0;
}

const std::vector<ClippedItem>& ClippedItems() { return g_clipped; }

void CheckItemRect(unsigned int id, float min_x, float min_y, float max_x, float max_y) {
  const ImGuiWindow* w = ImGui::GetCurrentContext()->CurrentWindow;
  if (!w || w->ScrollbarX || (w->Flags & ImGuiWindowFlags_HorizontalScrollbar)) return;  // it scrolls sideways
  const ImRect clip = w->ClipRect;
  if (max_y <= clip.Min.y || min_y >= clip.Max.y || max_x <= min_x) return;  // scrolled out of view: not cut
  const float visible = std::min(max_x, clip.Max.x) - std::max(min_x, clip.Min.x);
  // A few pixels over is a table row's highlight reaching into the cell padding, not a cut label.
  if (visible >= max_x - min_x - kTolerance) return;
  g_clipped.push_back({"", w->Name, min_x, min_y, max_x - min_x, max_y - min_y, std::max(0.0f, visible)});
  g_last_clipped_id = id;
}

std::string VisibleLabel(const char* label) {
  std::string text = label ? label : "";
  if (const size_t hidden = text.find("##"); hidden != std::string::npos) text.resize(hidden);
  return text;
}

void NameCheckedItem(unsigned int id, const char* label) {
  if (id == 0 || id != g_last_clipped_id || g_clipped.empty()) return;
  g_clipped.back().label = VisibleLabel(label);
}

}  // namespace gradlab::ui
