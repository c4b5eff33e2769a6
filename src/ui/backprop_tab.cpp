#include "ui/backprop_tab.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include <imgui.h>

#include "graph/examples.h"
#include "graph/ops.h"
#include "graph/parser.h"
#include "graph/snapshot.h"

namespace gradlab::ui {

namespace {

const ImU32 kForward = IM_COL32(110, 210, 120, 255), kBackward = IM_COL32(240, 110, 100, 255);
const ImU32 kCurrent = IM_COL32(250, 200, 80, 255);

std::string Num(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "NaN" : (v > 0 ? "inf" : "-inf");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// Builds the stepper from the expression and the current values (keeping values of variables
// that stay, giving new ones 1).
void Rebuild(BackpropUi& b, const std::vector<std::string>& labels = {}) {
  b.error.clear();
  b.loaded_expression = b.expression;
  // Which variables does it have? Parse once with no values to find out.
  graph::InputValues values;
  auto probe = graph::MakeStepper(b.expression, {});
  if (!probe) {
    // The error may be only about missing values: collect the names from the parser.
    auto parsed = graph::ParseExpression(b.expression);
    if (!parsed) {
      b.error = parsed.error();
      b.stepper.reset();
      return;
    }
    for (int id : parsed->inputs()) {
      const std::string& name = parsed->node(id).label;
      double v = 1;
      for (const auto& [k, old] : b.values)
        if (k == name) v = old;
      values.emplace_back(name, v);
    }
  }
  auto made = graph::MakeStepper(b.expression, values, labels);
  if (!made) {
    b.error = made.error();
    b.stepper.reset();
    return;
  }
  b.values = values;
  b.stepper = std::make_unique<graph::Stepper>(std::move(*made));
}

void LoadExample(BackpropUi& b, int index) {
  const auto& examples = graph::Examples();
  if (index < 0 || index >= static_cast<int>(examples.size())) return;
  b.example = index;
  const graph::Example& e = examples[index];
  std::snprintf(b.expression, sizeof b.expression, "%s", e.expression.c_str());
  b.values = e.inputs;
  Rebuild(b, e.labels);
}

// [SECTION] The graph, drawn left to right by depth ---------------------------------------------

void DrawGraph(BackpropUi& b, ImVec2 size) {
  const graph::Stepper& s = *b.stepper;
  const graph::Graph& g = s.graph();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("graph", size);
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg), 4);

  int max_depth = 0;
  std::map<int, std::vector<int>> columns;
  for (int id = 0; id < g.size(); ++id) {
    max_depth = std::max(max_depth, g.node(id).depth);
    columns[g.node(id).depth].push_back(id);
  }
  std::vector<ImVec2> pos(g.size());
  const float col_w = size.x / (max_depth + 1);
  for (auto& [depth, ids] : columns)
    for (size_t i = 0; i < ids.size(); ++i)
      pos[ids[i]] = ImVec2(o.x + col_w * (depth + 0.5f), o.y + size.y * (i + 1.0f) / (ids.size() + 1.0f));
  const float r = std::min(26.0f, col_w * 0.22f);

  // Edges: forward value above (green), gradient below (red) once the backward wave passed.
  for (int id = 0; id < g.size(); ++id) {
    const graph::Node& n = g.node(id);
    const std::vector<graph::EdgeStep>* back = s.EdgesInto(id);
    for (size_t slot = 0; slot < n.inputs.size(); ++slot) {
      const int from = n.inputs[slot];
      const ImVec2 a(pos[from].x + r, pos[from].y), c(pos[id].x - r, pos[id].y);
      const bool current = id == s.current_node() && s.phase() == graph::Phase::kBackward;
      dl->AddLine(a, c, current ? kCurrent : IM_COL32(150, 150, 160, 255), current ? 3.0f : 1.5f);
      const ImVec2 mid((a.x + c.x) / 2, (a.y + c.y) / 2);
      if (s.value_known(from)) dl->AddText(ImVec2(mid.x - 14, mid.y - 18), kForward, Num(g.node(from).value).c_str());
      if (back && slot < back->size() && (*back)[slot].traced)
        dl->AddText(ImVec2(mid.x - 14, mid.y + 2), kBackward, Num((*back)[slot].downstream).c_str());
    }
  }
  // Nodes: the op (or name) inside, value and gradient next to it.
  for (int id = 0; id < g.size(); ++id) {
    const graph::Node& n = g.node(id);
    const bool current = id == s.current_node();
    const bool next = id == s.next_node();
    const ImU32 fill = n.is_leaf() ? IM_COL32(60, 80, 110, 255) : IM_COL32(70, 70, 85, 255);
    dl->AddCircleFilled(pos[id], r, fill);
    dl->AddCircle(pos[id], r, current ? kCurrent : (next ? IM_COL32(250, 200, 80, 110) : IM_COL32(180, 180, 190, 255)), 0,
                  current ? 3.5f : 1.5f);
    const std::string op = n.is_leaf() ? n.label : graph::Rule(n.op).symbol;
    const ImVec2 ts = ImGui::CalcTextSize(op.c_str());
    dl->AddText(ImVec2(pos[id].x - ts.x / 2, pos[id].y - ts.y / 2), IM_COL32(255, 255, 255, 255), op.c_str());
    std::string name = n.is_leaf() ? "" : n.label + " = ";
    name += s.value_known(id) ? Num(n.value) : "?";
    dl->AddText(ImVec2(pos[id].x - r, pos[id].y - r - 18), kForward, name.c_str());
    const graph::GradState gs = s.grad_state(id);
    if (gs == graph::GradState::kComplete || gs == graph::GradState::kPartial) {
      const std::string grad = "∂" + g.output_name() + "/∂" + n.label + " = " + Num(n.grad) + (gs == graph::GradState::kPartial ? " (so far)" : "");
      dl->AddText(ImVec2(pos[id].x - r, pos[id].y + r + 2), kBackward, grad.c_str());
    }
  }
}

void DrawStepPanel(BackpropUi& b) {
  graph::Stepper& s = *b.stepper;
  ImGui::Text("Step %d of %d (%d forward, %d backward): %s", s.position(), s.total_steps(), s.forward_steps(),
              s.backward_steps(), graph::PhaseName(s.phase()));
  if (s.phase() == graph::Phase::kForward && !s.forward_formula().empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kForward), "forward: %s", s.forward_formula().c_str());
  }
  if (s.phase() == graph::Phase::kBackward) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kBackward), "backward: upstream x local = downstream, on each edge:");
    for (const graph::EdgeStep& e : s.edges()) {
      if (!e.traced) continue;
      ImGui::BulletText("%s", e.formula.c_str());
      if (e.accumulates)
        ImGui::TextDisabled("      copy adds: contribution %d of %d, so far %s", e.term, s.graph().node(e.from).uses, Num(e.grad_after).c_str());
    }
  }
  // The lecture's names for what the current node does with the gradient.
  if (s.phase() == graph::Phase::kBackward && s.current_node() >= 0)
    for (graph::Pattern p : s.graph().Patterns(s.current_node()))
      ImGui::TextWrapped("%s: %s", graph::PatternName(p), graph::PatternExplanation(p));
  for (const graph::Note& note : s.VisibleNotes()) ImGui::TextWrapped("- %s", note.text.c_str());
}

void DrawGradCheck(const graph::Stepper& s) {
  ImGui::Text("Numerical gradient check (centred difference, (f(x+h) - f(x-h)) / 2h):");
  if (!ImGui::BeginTable("gradcheck", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
  for (const char* h : {"input", "value", "analytic", "numerical", "step h", "relative error"}) ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (const graph::GradCheckRow& row : s.gradcheck()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.input.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(Num(row.value).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(Num(row.analytic).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(Num(row.numerical).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.1e", row.step);
    ImGui::TableNextColumn();
    if (row.crosses_kink) ImGui::TextDisabled("at a kink: not reliable");
    else ImGui::Text("%.1e", row.relative_error);
  }
  ImGui::EndTable();
}

// [SECTION] One training iteration -------------------------------------------------------------

// A matrix as a heat map (blue negative, red positive), values on hover.
void DrawHeatmap(const train::Matrix& m, float max_cell) {
  ImGui::BeginGroup();
  ImGui::TextUnformatted(m.name.c_str());
  float lim = 1e-12f;
  for (float v : m.values) lim = std::max(lim, std::fabs(v));
  const float cell = std::clamp(180.0f / std::max(m.cols, 1), 6.0f, max_cell);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols; ++c) {
      const float t = m.values[r * m.cols + c] / lim;
      const ImU32 col = t >= 0 ? IM_COL32(60 + static_cast<int>(190 * t), 60, 70, 255)
                               : IM_COL32(60, 70, 70 + static_cast<int>(-180 * t), 255);
      const ImVec2 a(o.x + c * cell, o.y + r * cell);
      dl->AddRectFilled(a, ImVec2(a.x + cell - 1, a.y + cell - 1), col);
      if (cell >= 30) {
        const std::string v = Num(m.values[r * m.cols + c]);
        dl->AddText(ImVec2(a.x + 2, a.y + cell / 2 - 7), IM_COL32(255, 255, 255, 230), v.c_str());
      }
    }
  ImGui::InvisibleButton(m.name.c_str(), ImVec2(std::max(1, m.cols) * cell, std::max(1, m.rows) * cell));
  if (ImGui::IsItemHovered()) {
    const ImVec2 mp = ImGui::GetIO().MousePos;
    const int c = static_cast<int>((mp.x - o.x) / cell), r = static_cast<int>((mp.y - o.y) / cell);
    if (r >= 0 && r < m.rows && c >= 0 && c < m.cols) ImGui::SetTooltip("row %d, column %d: %.6g", r, c, m.values[r * m.cols + c]);
  }
  ImGui::EndGroup();
}

void DrawIteration(BackpropUi& b) {
  if (!b.iteration || b.iteration_of != b.mode) {
    auto it = train::BuildIteration(b.mode == 1 ? train::IterationSetup::kMlp : train::IterationSetup::kConv, b.iteration_lr, 3);
    b.iteration_of = b.mode;
    if (!it) {
      b.error = it.error();
      b.iteration.reset();
      return;
    }
    b.iteration = std::make_unique<train::Iteration>(std::move(*it));
    b.stage = std::clamp(b.stage, 0, static_cast<int>(b.iteration->stages.size()) - 1);
  }
  const train::Iteration& it = *b.iteration;
  ImGui::TextDisabled("%s", it.description.c_str());
  if (ImGui::Button("|< First")) b.stage = 0;
  ImGui::SameLine();
  if (ImGui::Button("< Back") && b.stage > 0) --b.stage;
  ImGui::SameLine();
  if (ImGui::Button("Next >") && b.stage + 1 < static_cast<int>(it.stages.size())) ++b.stage;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  if (ImGui::SliderFloat("learning rate", &b.iteration_lr, 0.01f, 2.0f)) b.iteration.reset();
  const train::IterationStage& s = it.stages[b.stage];
  ImGui::Text("Stage %d of %zu: %s", b.stage + 1, it.stages.size(), s.title.c_str());
  ImGui::TextWrapped("%s", s.explanation.c_str());
  ImGui::Separator();
  for (size_t i = 0; i < s.matrices.size(); ++i) {
    if (i) ImGui::SameLine(0, 24);
    DrawHeatmap(s.matrices[i], b.mode == 2 ? 22.0f : 56.0f);
  }
}

}  // namespace

void DrawBackpropTab(BackpropUi& b) {
  if (!b.initialised) {
    b.initialised = true;
    LoadExample(b, 0);
  }
  ImGui::RadioButton("Computational graph", &b.mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton("One training iteration: MLP on toy points", &b.mode, 1);
  ImGui::SameLine();
  ImGui::RadioButton("One training iteration: conv layer on 6x6 images", &b.mode, 2);
  if (b.mode != 0) return DrawIteration(b);
  const auto& examples = graph::Examples();
  ImGui::SetNextItemWidth(160);
  if (ImGui::BeginCombo("example", examples[b.example].name.c_str())) {
    for (size_t i = 0; i < examples.size(); ++i)
      if (ImGui::Selectable(examples[i].name.c_str(), static_cast<int>(i) == b.example)) LoadExample(b, static_cast<int>(i));
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", examples[b.example].description.c_str());
  ImGui::SetNextItemWidth(-90);
  if (ImGui::InputText("##expr", b.expression, sizeof b.expression, ImGuiInputTextFlags_EnterReturnsTrue)) Rebuild(b);
  ImGui::SameLine();
  if (ImGui::Button("Build")) Rebuild(b);
  if (!b.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.5f, 0.45f, 1));
    ImGui::TextUnformatted(b.error.c_str());  // keeps the caret under the column
    ImGui::PopStyleColor();
  }
  if (!b.stepper) return;
  graph::Stepper& s = *b.stepper;
  // Inputs: change one and everything recomputes at the same step.
  for (size_t i = 0; i < b.values.size(); ++i) {
    if (i) ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    if (ImGui::InputDouble(b.values[i].first.c_str(), &b.values[i].second, 0, 0, "%.4g"))
      if (Status st = s.SetInput(b.values[i].first, b.values[i].second); !st) b.error = st.message();
  }
  if (ImGui::Button("|< Reset")) s.Reset();
  ImGui::SameLine();
  if (ImGui::Button("< Step back")) s.StepBack();
  ImGui::SameLine();
  if (ImGui::Button("Step >")) s.Step();
  ImGui::SameLine();
  if (ImGui::Button("Forward pass >|")) s.RunForward();
  ImGui::SameLine();
  if (ImGui::Button("Run to the end >>")) s.RunToEnd();
  const float panel = 190;
  DrawGraph(b, ImVec2(ImGui::GetContentRegionAvail().x, std::max(200.0f, ImGui::GetContentRegionAvail().y - panel)));
  ImGui::BeginChild("explain", ImVec2(ImGui::GetContentRegionAvail().x * 0.55f, 0), true);
  DrawStepPanel(b);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("check", ImVec2(0, 0), true);
  DrawGradCheck(s);
  ImGui::EndChild();
}

bool ApplyBackpropSetting(BackpropUi& b, const std::string& key, const std::string& value, std::string* problem) {
  if (!b.initialised) {
    b.initialised = true;
    LoadExample(b, 0);
  }
  if (key == "example") {
    const graph::Example* e = graph::FindExample(value);
    if (!e) *problem = "no example '" + value.substr(0, 40) + "'; the examples are " + graph::ExampleNames();
    else LoadExample(b, static_cast<int>(e - graph::Examples().data()));
    return true;
  }
  if (key == "expr") {
    std::snprintf(b.expression, sizeof b.expression, "%s", value.substr(0, sizeof b.expression - 1).c_str());
    Rebuild(b);
    if (!b.error.empty()) *problem = b.error;
    return true;
  }
  if (key == "bp_mode") {
    if (value == "graph") b.mode = 0;
    else if (value == "mlp") b.mode = 1;
    else if (value == "conv") b.mode = 2;
    else *problem = "bp_mode must be graph, mlp or conv";
    return true;
  }
  if (key == "bp_stage") {
    b.stage = std::max(0, std::atoi(value.c_str()) - 1);
    return true;
  }
  if (key == "bp") {
    if (!b.stepper) *problem = "there is no graph to step through";
    else if (value == "step") b.stepper->Step();
    else if (value == "back") b.stepper->StepBack();
    else if (value == "end") b.stepper->RunToEnd();
    else if (value == "forward") b.stepper->RunForward();
    else if (value == "reset") b.stepper->Reset();
    else *problem = "bp must be step, back, forward, end or reset";
    return true;
  }
  // An input of the current expression: x=-2.
  if (b.stepper && b.stepper->graph().FindInput(key) >= 0) {
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0') {
      *problem = key + " must be a number";
      return true;
    }
    for (auto& [k, old] : b.values)
      if (k == key) old = v;
    if (Status s = b.stepper->SetInput(key, v); !s) *problem = s.message();
    return true;
  }
  return false;
}

nlohmann::json BackpropStateJson(const BackpropUi& b) {
  nlohmann::json j = {{"expression", b.loaded_expression}, {"error", b.error}};
  if (b.stepper) j["graph"] = graph::Snapshot(*b.stepper);
  return j;
}

}  // namespace gradlab::ui
