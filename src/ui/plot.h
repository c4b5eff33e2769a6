// A small line-plot widget for curves (loss per step, accuracy per epoch, learning rate):
// several series, axes with ticks at round numbers, gridlines, an optional legend, percentages
// or a log scale on y; hover shows the exact values at the cursor; optional vertical markers
// (e.g. where training diverged). ImPlot is not packaged in Debian, so the project keeps its own.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

namespace gradlab::ui {

struct PlotSeries {
  std::string label;
  const float* values = nullptr;
  int count = 0;
  ImU32 colour = IM_COL32(255, 255, 255, 255);
  float thickness = 1.5f;
  float x_scale = 1;  // x of point i is i * x_scale (e.g. steps per epoch)
  float x_offset = 0;
};

struct PlotOptions {
  const char* x_label = "";
  bool y_from_zero = false;
  bool log_y = false;
  bool percent = false;        // the values are fractions: the y axis reads 0 % to 100 %
  bool legend = false;         // a row under the plot naming each labelled series in its colour
  std::vector<float> markers;  // x positions of vertical lines
};

void DrawPlot(const char* id, ImVec2 size, const std::vector<PlotSeries>& series, const PlotOptions& options);

}  // namespace gradlab::ui
