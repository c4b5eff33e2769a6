#include "ui/plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/ticks.h"
#include "ui/layout.h"

namespace gradlab::ui {

namespace {

struct Range {
  float x_min = 1e30f, x_max = -1e30f, y_min = 1e30f, y_max = -1e30f;  // y in plotted units (log10 on a log scale)
};

float Plotted(const PlotOptions& opt, float v) { return opt.log_y ? std::log10(std::max(v, 1e-12f)) : v; }

Range DataRange(const std::vector<PlotSeries>& series, const PlotOptions& opt) {
  Range r;
  for (const PlotSeries& s : series)
    for (int i = 0; i < s.count; ++i) {
      if (!std::isfinite(s.values[i])) continue;
      r.x_min = std::min(r.x_min, s.x_offset + i * s.x_scale);
      r.x_max = std::max(r.x_max, s.x_offset + i * s.x_scale);
      r.y_min = std::min(r.y_min, Plotted(opt, s.values[i]));
      r.y_max = std::max(r.y_max, Plotted(opt, s.values[i]));
    }
  if (r.x_min > r.x_max) r.x_min = 0, r.x_max = 1;
  if (r.x_min > 0) r.x_min = 0;  // steps and epochs start at 0
  if (r.x_max - r.x_min < 1e-6f) r.x_max = r.x_min + 1;
  if (r.y_min > r.y_max) r.y_min = 0, r.y_max = 1;
  if (opt.y_from_zero && !opt.log_y) r.y_min = std::min(0.0f, r.y_min);
  if (r.y_max - r.y_min < 1e-6f) r.y_max = r.y_min + 1;
  // A margin, so that a line along the highest or lowest value (a constant learning rate) is not
  // drawn on the frame's edge, where the clip hides half of it; a y axis from zero keeps its zero.
  const float margin = 0.05f * (r.y_max - r.y_min);
  r.y_max += margin;
  if (!(opt.y_from_zero && !opt.log_y && r.y_min == 0)) r.y_min -= margin;
  return r;
}

// The y ticks in plotted units: powers of ten on a log scale when the range spans two of them.
std::vector<double> YTicks(const Range& r, const PlotOptions& opt, float height) {
  const int target = std::clamp(static_cast<int>(height / 32), 2, 6);
  if (opt.log_y) {
    std::vector<double> powers;
    const double every = std::max(1.0, std::ceil(static_cast<double>(r.y_max - r.y_min) / target));  // 1, 10, 100 or 1, 100, 10^4...
    for (double e = std::ceil(r.y_min / every) * every; e <= r.y_max; e += every) powers.push_back(e);
    if (powers.size() >= 2) return powers;
    std::vector<double> ticks;  // less than two decades: round values, placed on the log scale
    for (double v : NiceTicks(std::pow(10.0, r.y_min), std::pow(10.0, r.y_max), target))
      if (v > 0) ticks.push_back(std::log10(v));
    return ticks;
  }
  return NiceTicks(r.y_min, r.y_max, target);
}

std::string YLabel(const PlotOptions& opt, double plotted, double step) {
  char buf[32];
  const double v = opt.log_y ? std::pow(10.0, plotted) : plotted;
  if (opt.percent) std::snprintf(buf, sizeof buf, step < 0.01 && !opt.log_y ? "%.1f %%" : "%.0f %%", 100 * v);
  else std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string ValueText(const PlotOptions& opt, float v) {
  char buf[32];
  if (opt.percent) std::snprintf(buf, sizeof buf, "%.1f %%", 100 * v);
  else std::snprintf(buf, sizeof buf, "%.5g", v);
  return buf;
}

void DrawLegend(ImDrawList* dl, ImVec2 at, float right, const std::vector<PlotSeries>& series) {
  for (const PlotSeries& s : series) {
    if (s.label.empty()) continue;
    const float w = 18 + ImGui::CalcTextSize(s.label.c_str()).x;
    if (at.x + w > right) break;
    const float mid = at.y + ImGui::GetTextLineHeight() / 2;
    dl->AddLine(ImVec2(at.x, mid), ImVec2(at.x + 14, mid), s.colour | 0xFF000000, 3);
    dl->AddText(ImVec2(at.x + 18, at.y), ImGui::GetColorU32(ImGuiCol_Text), s.label.c_str());
    at.x += w + 14;
  }
}

}  // namespace

void DrawPlot(const char* id, ImVec2 size, const std::vector<PlotSeries>& series, const PlotOptions& opt) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  const float line = ImGui::GetTextLineHeight();
  const float em = TextScale();  // lines thicken with the text (the projector theme)
  const float legend = opt.legend ? line + 4 : 0;
  ImGui::InvisibleButton("plot", ImVec2(size.x, size.y + legend));
  const bool hovered = ImGui::IsItemHovered();
  const Range r = DataRange(series, opt);
  const float top = line / 2 + 2, bottom = line + 4, right = 10;
  const std::vector<double> y_ticks = YTicks(r, opt, size.y - top - bottom);
  const double y_step = y_ticks.size() >= 2 ? y_ticks[1] - y_ticks[0] : 1;
  float left = 24;  // room for the widest y label
  for (double v : y_ticks) left = std::max(left, ImGui::CalcTextSize(YLabel(opt, v, y_step).c_str()).x + 8);
  const ImVec2 a(origin.x + left, origin.y + top), b(origin.x + size.x - right, origin.y + size.y - bottom);
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  auto px = [&](float x) { return a.x + (b.x - a.x) * (x - r.x_min) / (r.x_max - r.x_min); };
  auto py = [&](float plotted) { return b.y - (b.y - a.y) * (plotted - r.y_min) / (r.y_max - r.y_min); };

  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.45f), text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float last_label_y = 1e30f;  // ticks go up the axis; a label too close to the one below is left out
  for (double v : y_ticks) {
    const float y = py(static_cast<float>(v));
    dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), grid);
    if (last_label_y - y < line) continue;
    const std::string label = YLabel(opt, v, y_step);
    dl->AddText(ImVec2(a.x - 6 - ImGui::CalcTextSize(label.c_str()).x, y - line / 2), text, label.c_str());
    last_label_y = y;
  }
  // x: the axis name at the right end, tick labels wherever they do not run into it or each other.
  const float name_x = b.x - ImGui::CalcTextSize(opt.x_label).x;
  dl->AddText(ImVec2(name_x, b.y + 2), text, opt.x_label);
  float free_from = a.x - 1e6f;
  for (double v : NiceTicks(r.x_min, r.x_max, std::clamp(static_cast<int>((b.x - a.x) / 90), 2, 8))) {
    const float x = px(static_cast<float>(v));
    dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), grid);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    const float w = ImGui::CalcTextSize(buf).x, at = std::max(a.x, x - w / 2);
    if (at < free_from || at + w > name_x - 8) continue;
    dl->AddText(ImVec2(at, b.y + 2), text, buf);
    free_from = at + w + 8;
  }
  if (opt.legend) DrawLegend(dl, ImVec2(a.x, b.y + bottom), b.x, series);

  for (float m : opt.markers) dl->AddLine(ImVec2(px(m), a.y), ImVec2(px(m), b.y), IM_COL32(255, 80, 80, 200), 2);
  // The clip reaches a little past the frame, so that marks at the range's ends are drawn whole:
  // a single epoch's accuracy points sit on its right edge.
  const float reach = 4 * em;
  dl->PushClipRect(ImVec2(a.x - reach, a.y - reach), ImVec2(b.x + reach, b.y + reach), true);
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
      const ImVec2 p(px(s.x_offset + i * s.x_scale), py(Plotted(opt, s.values[i])));
      if (have) dl->AddLine(prev, p, s.colour, s.thickness * em);
      else if (s.count == 1) dl->AddCircleFilled(p, 3, s.colour);
      prev = p;
      have = true;
    }
  }
  dl->PopClipRect();

  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    const float x = r.x_min + std::clamp((mx - a.x) / (b.x - a.x), 0.0f, 1.0f) * (r.x_max - r.x_min);
    dl->AddLine(ImVec2(mx, a.y), ImVec2(mx, b.y), IM_COL32(200, 200, 200, 120));
    ImGui::BeginTooltip();
    ImGui::Text("%s %.3g", opt.x_label, x);
    for (const PlotSeries& s : series) {
      const int i = static_cast<int>(std::lround((x - s.x_offset) / s.x_scale));
      if (i < 0 || i >= s.count) continue;
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.colour | 0xFF000000), "%s: %s", s.label.c_str(), ValueText(opt, s.values[i]).c_str());
    }
    ImGui::EndTooltip();
  }
  ImGui::PopID();
}

}  // namespace gradlab::ui
