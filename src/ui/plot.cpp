#include "ui/plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gradlab::ui {

void DrawPlot(const char* id, ImVec2 size, const std::vector<PlotSeries>& series, const PlotOptions& opt) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton("plot", size);
  const bool hovered = ImGui::IsItemHovered();
  const float left = 52, bottom = 18, top = 6, right = 8;
  const ImVec2 a(origin.x + left, origin.y + top), b(origin.x + size.x - right, origin.y + size.y - bottom);
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));

  auto tf = [&](float v) { return opt.log_y ? std::log10(std::max(v, 1e-12f)) : v; };
  float x_min = 1e30f, x_max = -1e30f, y_min = 1e30f, y_max = -1e30f;
  for (const PlotSeries& s : series)
    for (int i = 0; i < s.count; ++i) {
      if (!std::isfinite(s.values[i])) continue;
      x_min = std::min(x_min, s.x_offset + i * s.x_scale);
      x_max = std::max(x_max, s.x_offset + i * s.x_scale);
      y_min = std::min(y_min, tf(s.values[i]));
      y_max = std::max(y_max, tf(s.values[i]));
    }
  if (x_min > x_max) x_min = 0, x_max = 1;
  if (x_min > 0) x_min = 0;  // steps and epochs start at 0
  if (x_max - x_min < 1e-6f) x_max = x_min + 1;
  if (y_min > y_max) y_min = 0, y_max = 1;
  if (opt.y_from_zero && !opt.log_y) y_min = std::min(0.0f, y_min);
  if (y_max - y_min < 1e-6f) y_max = y_min + 1;
  auto px = [&](float x) { return a.x + (b.x - a.x) * (x - x_min) / (x_max - x_min); };
  auto py = [&](float y) { return b.y - (b.y - a.y) * (tf(y) - y_min) / (y_max - y_min); };

  char buf[64];
  auto fmt = [&](float v) {
    std::snprintf(buf, sizeof buf, "%.3g", opt.log_y ? std::pow(10.0f, v) : v);
    return buf;
  };
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  dl->AddText(ImVec2(origin.x + 2, a.y - 2), text, fmt(y_max));
  dl->AddText(ImVec2(origin.x + 2, b.y - 14), text, fmt(y_min));
  std::snprintf(buf, sizeof buf, "%s %.3g", opt.x_label, x_max);
  dl->AddText(ImVec2(b.x - ImGui::CalcTextSize(buf).x, b.y + 2), text, buf);
  if (x_min != 0) {
    std::snprintf(buf, sizeof buf, "%.3g", x_min);
    dl->AddText(ImVec2(a.x, b.y + 2), text, buf);
  }

  for (float m : opt.markers) dl->AddLine(ImVec2(px(m), a.y), ImVec2(px(m), b.y), IM_COL32(255, 80, 80, 200), 2);
  dl->PushClipRect(a, b, true);
  for (const PlotSeries& s : series) {
    // At most ~2 points per pixel: long runs are drawn from every k-th value.
    const int stride = std::max(1, static_cast<int>(s.count / std::max(1.0f, 2 * (b.x - a.x))));
    ImVec2 prev;
    bool have = false;
    for (int i = 0; i < s.count; i += stride) {
      if (!std::isfinite(s.values[i])) {
        have = false;
        continue;
      }
      const ImVec2 p(px(s.x_offset + i * s.x_scale), py(s.values[i]));
      if (have) dl->AddLine(prev, p, s.colour, s.thickness);
      else if (s.count == 1) dl->AddCircleFilled(p, 3, s.colour);
      prev = p;
      have = true;
    }
  }
  dl->PopClipRect();

  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    const float x = x_min + std::clamp((mx - a.x) / (b.x - a.x), 0.0f, 1.0f) * (x_max - x_min);
    dl->AddLine(ImVec2(mx, a.y), ImVec2(mx, b.y), IM_COL32(200, 200, 200, 120));
    ImGui::BeginTooltip();
    ImGui::Text("%s %.3g", opt.x_label, x);
    for (const PlotSeries& s : series) {
      const int i = static_cast<int>(std::lround((x - s.x_offset) / s.x_scale));
      if (i < 0 || i >= s.count) continue;
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.colour), "%s: %.5g", s.label.c_str(), s.values[i]);
    }
    ImGui::EndTooltip();
  }
  ImGui::PopID();
}

}  // namespace gradlab::ui
