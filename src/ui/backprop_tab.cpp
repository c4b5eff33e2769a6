#include "ui/backprop_tab.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include <imgui.h>
#include <imgui_internal.h>  // ImRect
#include <imgui_stdlib.h>

#include "graph/examples.h"
#include "graph/ops.h"
#include "graph/parser.h"
#include "graph/snapshot.h"
#include "i18n/translate.h"
#include "settings/registry.h"
#include "ui/focused_control.h"
#include "ui/hook_items.h"
#include "ui/layout.h"
#include "ui/setting_edit.h"
#include "ui/spoken_inputs.h"

namespace gradlab::ui {

namespace {

// Forward values green, gradients red, the current step amber: lighter on a dark background,
// darker on a light one (the light and projector themes), so they keep their contrast.
ImU32 Forward() { return LightBackground() ? IM_COL32(0, 115, 30, 255) : IM_COL32(110, 210, 120, 255); }
ImU32 Backward() { return LightBackground() ? IM_COL32(195, 30, 20, 255) : IM_COL32(240, 110, 100, 255); }
ImU32 Current() { return LightBackground() ? IM_COL32(215, 130, 0, 255) : IM_COL32(250, 200, 80, 255); }

std::string Num(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "NaN" : (v > 0 ? "inf" : "-inf");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

bool SameGraph(const settings::BackpropSettings& a, const settings::BackpropSettings& b) {
  return a.example == b.example && a.expr == b.expr && a.inputs == b.inputs;
}

// [SECTION] The graph, drawn left to right by depth ---------------------------------------------

// Each node takes a row of its column: the circle, its value above and its gradient below.
constexpr float kNodeRowHeight = 96;
// Each column (a depth) needs room for a node and the numbers on the edges into the next one.
constexpr float kNodeColumnWidth = 150;

// The graph's nodes by depth (columns, left to right), each column's nodes top to bottom.
std::map<int, std::vector<int>> Columns(const graph::Graph& g) {
  std::map<int, std::vector<int>> columns;
  for (int id = 0; id < g.size(); ++id) columns[g.node(id).depth].push_back(id);
  return columns;
}

float GraphMinHeight(const graph::Graph& g) {
  size_t tallest = 1;
  for (const auto& [depth, ids] : Columns(g)) tallest = std::max(tallest, ids.size());
  return kNodeRowHeight * TextScale() * static_cast<float>(tallest);
}

float GraphMinWidth(const graph::Graph& g) {
  const std::map<int, std::vector<int>> columns = Columns(g);
  return kNodeColumnWidth * TextScale() * static_cast<float>(columns.empty() ? 1 : columns.rbegin()->first + 1);
}

bool Overlaps(const ImRect& a, const std::vector<ImRect>& taken) {
  return std::any_of(taken.begin(), taken.end(), [&](const ImRect& t) { return t.Overlaps(a); });
}

void DrawGraph(BackpropUi& b, ImVec2 size) {
  const graph::Stepper& s = *b.stepper;
  const graph::Graph& g = s.graph();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("graph", size);
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg), 4);

  const std::map<int, std::vector<int>> columns = Columns(g);
  const int max_depth = columns.empty() ? 0 : columns.rbegin()->first;
  std::vector<ImVec2> pos(g.size());
  const float col_w = size.x / (max_depth + 1);
  for (const auto& [depth, ids] : columns)
    for (size_t i = 0; i < ids.size(); ++i)
      pos[ids[i]] = ImVec2(o.x + col_w * (depth + 0.5f), o.y + size.y * (i + 0.5f) / static_cast<float>(ids.size()));
  const float em = TextScale(), r = std::min(26.0f * em, col_w * 0.22f);
  const float line = ImGui::GetTextLineHeight();

  // What each node shows: its value above, its gradient below (room is kept for both from the
  // start, so edge labels do not move as the stepper goes).
  std::vector<std::string> value_text(g.size()), grad_text(g.size());
  std::vector<ImRect> taken;
  b.label_overlaps = 0;
  for (int id = 0; id < g.size(); ++id) {
    const graph::Node& n = g.node(id);
    value_text[id] = (n.is_leaf() ? "" : n.label + " = ") + (s.value_known(id) ? Num(n.value) : "?");
    const graph::GradState gs = s.grad_state(id);
    const std::string grad = "∂" + g.output_name() + "/∂" + n.label + " = " + Num(n.grad);
    if (gs == graph::GradState::kComplete || gs == graph::GradState::kPartial)
      grad_text[id] = grad + (gs == graph::GradState::kPartial ? " (so far)" : "");
    const float w = std::max({2 * r, ImGui::CalcTextSize(value_text[id].c_str()).x, ImGui::CalcTextSize(grad.c_str()).x});
    const ImRect node(pos[id].x - r, pos[id].y - r - line - 4, pos[id].x - r + w, pos[id].y + r + line + 4);
    if (Overlaps(node, taken)) ++b.label_overlaps;
    taken.push_back(node);
  }

  // Edges: forward value above (green), gradient below (red) once the backward wave passed, at the
  // first point along the edge, from its middle outwards, where they cover no node and no other
  // edge's numbers.
  for (int id = 0; id < g.size(); ++id) {
    const graph::Node& n = g.node(id);
    const std::vector<graph::EdgeStep>* back = s.EdgesInto(id);
    for (size_t slot = 0; slot < n.inputs.size(); ++slot) {
      const int from = n.inputs[slot];
      const ImVec2 a(pos[from].x + r, pos[from].y), c(pos[id].x - r, pos[id].y);
      const bool current = id == s.current_node() && s.phase() == graph::Phase::kBackward;
      dl->AddLine(a, c, current ? Current() : IM_COL32(150, 150, 160, 255), (current ? 3.0f : 1.5f) * em);
      const std::string value = s.value_known(from) ? Num(g.node(from).value) : "";
      const bool traced = back && slot < back->size() && (*back)[slot].traced;
      const std::string grad = traced ? Num((*back)[slot].downstream) : "";
      const float w = std::max({ImGui::CalcTextSize(Num(g.node(from).value).c_str()).x, ImGui::CalcTextSize(grad.c_str()).x, 24.0f});
      auto block = [&](float t) {
        const ImVec2 p(a.x + (c.x - a.x) * t, a.y + (c.y - a.y) * t);
        return ImRect(p.x - 14 * em, p.y - line - 1, p.x - 14 * em + w, p.y + 2 + line);
      };
      ImRect at = block(0.5f);
      for (float t : {0.5f, 0.4f, 0.6f, 0.3f, 0.7f, 0.25f, 0.75f})
        if (!Overlaps(block(t), taken)) {
          at = block(t);
          break;
        }
      if (Overlaps(at, taken)) ++b.label_overlaps;
      taken.push_back(at);
      if (!value.empty()) dl->AddText(at.Min, Forward(), value.c_str());
      if (!grad.empty()) dl->AddText(ImVec2(at.Min.x, at.Max.y - line), Backward(), grad.c_str());
    }
  }
  // Nodes: the op (or name) inside, value and gradient next to it.
  for (int id = 0; id < g.size(); ++id) {
    const graph::Node& n = g.node(id);
    const bool current = id == s.current_node();
    const bool next = id == s.next_node();
    const ImU32 fill = n.is_leaf() ? IM_COL32(60, 80, 110, 255) : IM_COL32(70, 70, 85, 255);
    dl->AddCircleFilled(pos[id], r, fill);
    dl->AddCircle(pos[id], r, current ? Current() : (next ? IM_COL32(250, 200, 80, 110) : IM_COL32(180, 180, 190, 255)), 0,
                  (current ? 3.5f : 1.5f) * em);
    const std::string op = n.is_leaf() ? n.label : graph::Rule(n.op).symbol;
    const ImVec2 ts = ImGui::CalcTextSize(op.c_str());
    dl->AddText(ImVec2(pos[id].x - ts.x / 2, pos[id].y - ts.y / 2), IM_COL32(255, 255, 255, 255), op.c_str());
    dl->AddText(ImVec2(pos[id].x - r, pos[id].y - r - line - 1), Forward(), value_text[id].c_str());
    if (!grad_text[id].empty()) dl->AddText(ImVec2(pos[id].x - r, pos[id].y + r + 2), Backward(), grad_text[id].c_str());
  }
}

void DrawStepPanel(BackpropUi& b) {
  graph::Stepper& s = *b.stepper;
  ImGui::Text(tr("Step %d of %d (%d forward, %d backward): %s"), s.position(), s.total_steps(), s.forward_steps(),
              s.backward_steps(), tr(graph::PhaseName(s.phase())));
  if (s.phase() == graph::Phase::kForward && !s.forward_formula().empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Forward()), tr("forward: %s"), s.forward_formula().c_str());
  }
  if (s.phase() == graph::Phase::kBackward) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Backward()), "%s", tr("backward: upstream x local = downstream, on each edge:"));
    for (const graph::EdgeStep& e : s.edges()) {
      if (!e.traced) continue;
      ImGui::BulletText("%s", e.formula.c_str());
      if (e.accumulates)
        ImGui::TextDisabled(tr("      copy adds: contribution %d of %d, so far %s"), e.term, s.graph().node(e.from).uses, Num(e.grad_after).c_str());
    }
  }
  // The lecture's names for what the current node does with the gradient.
  if (s.phase() == graph::Phase::kBackward && s.current_node() >= 0)
    for (graph::Pattern p : s.graph().Patterns(s.current_node()))
      ImGui::TextWrapped("%s: %s", tr(graph::PatternName(p)), tr(graph::PatternExplanation(p, s.graph().node(s.current_node()).op)));
  for (const graph::Note& note : s.VisibleNotes()) ImGui::TextWrapped("- %s", note.text.c_str());
}

void DrawGradCheck(const graph::Stepper& s) {
  ImGui::Text("%s", tr("Numerical gradient check (centred difference, (f(x+h) - f(x-h)) / 2h):"));
  if (!ImGui::BeginTable("gradcheck", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
  for (const char* h : {N_("input"), N_("value"), N_("analytic"), N_("numerical"), N_("step h"), N_("relative error")})
    ImGui::TableSetupColumn(tr(h));
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
    if (row.crosses_kink) ImGui::TextDisabled("%s", tr("at a kink: not reliable"));
    else if (row.leaves_domain) ImGui::TextDisabled("%s", tr("x +- h leaves the domain: no check"));
    else ImGui::Text("%.1e", row.relative_error);
  }
  ImGui::EndTable();
}

// [SECTION] One training iteration -------------------------------------------------------------

// The size of one cell of a matrix's heat map: square, as wide as the widest value when the
// values are written in it (at 30 px and more), so no number runs into the next.
ImVec2 HeatmapCell(const train::Matrix& m, float max_cell) {
  const float cell = std::clamp(180.0f / std::max(m.cols, 1), 6.0f, max_cell);
  float width = cell;
  if (cell >= 30)
    for (float v : m.values) width = std::max(width, ImGui::CalcTextSize(Num(v).c_str()).x + 6);
  return ImVec2(width, cell);
}

float HeatmapWidth(const train::Matrix& m, float max_cell) {
  return std::max(std::max(1, m.cols) * HeatmapCell(m, max_cell).x, ImGui::CalcTextSize(m.name.c_str()).x);
}

// A matrix as a heat map (blue negative, red positive), values on hover.
void DrawHeatmap(const train::Matrix& m, float max_cell) {
  ImGui::BeginGroup();
  ImGui::TextUnformatted(m.name.c_str());
  float lim = 1e-12f;
  for (float v : m.values) lim = std::max(lim, std::fabs(v));
  const ImVec2 cell = HeatmapCell(m, max_cell);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols; ++c) {
      const float t = m.values[r * m.cols + c] / lim;
      const ImU32 col = t >= 0 ? IM_COL32(60 + static_cast<int>(190 * t), 60, 70, 255)
                               : IM_COL32(60, 70, 70 + static_cast<int>(-180 * t), 255);
      const ImVec2 a(o.x + c * cell.x, o.y + r * cell.y);
      dl->AddRectFilled(a, ImVec2(a.x + cell.x - 1, a.y + cell.y - 1), col);
      if (cell.y >= 30) {
        const std::string v = Num(m.values[r * m.cols + c]);
        dl->AddText(ImVec2(a.x + 3, a.y + cell.y / 2 - 7), IM_COL32(255, 255, 255, 230), v.c_str());
      }
    }
  ImGui::InvisibleButton(m.name.c_str(), ImVec2(std::max(1, m.cols) * cell.x, std::max(1, m.rows) * cell.y));
  if (ImGui::IsItemHovered()) {
    const ImVec2 mp = ImGui::GetIO().MousePos;
    const int c = static_cast<int>((mp.x - o.x) / cell.x), r = static_cast<int>((mp.y - o.y) / cell.y);
    if (r >= 0 && r < m.rows && c >= 0 && c < m.cols) ImGui::SetTooltip(tr("row %d, column %d: %.6g"), r, c, m.values[r * m.cols + c]);
  }
  ImGui::EndGroup();
}

// The parser's message, the line, and a caret under the column's character. Parsed again each
// time it is drawn, so the message follows a change of language.
void DrawParseError(const std::string& text) {
  graph::ParseError e;
  if (graph::ParseExpression(text, &e)) return;
  ImGui::TextUnformatted(e.message.c_str());
  if (e.column <= 0) return;
  const std::string line = graph::CaretLine(text);
  const float indent = ImGui::GetFontSize();
  ImGui::Indent(indent);
  ImGui::TextUnformatted(line.c_str());
  // The font is proportional: the caret goes under the middle of the character, measured.
  const size_t start = graph::ByteOfColumn(line, e.column), end = graph::ByteOfColumn(line, e.column + 1);
  const float left = ImGui::CalcTextSize(line.c_str(), line.c_str() + start).x;
  const float right = end > start ? ImGui::CalcTextSize(line.c_str(), line.c_str() + end).x : left + ImGui::CalcTextSize(" ").x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (left + right - ImGui::CalcTextSize("^").x) / 2);
  ImGui::TextUnformatted("^");
  ImGui::Unindent(indent);
}

void DrawIteration(BackpropUi& b) {
  if (!b.iteration) {
    ImGui::TextColored(Readable(ImVec4(1, 0.5f, 0.45f, 1)), "%s", b.error.c_str());
    return;
  }
  const train::Iteration& it = *b.iteration;
  const int stages = static_cast<int>(it.stages.size());
  FinePrint(it.description);
  if (ImGui::Button(TrLabel("|< First"))) b.s.stage = 1;
  SameLineIfFits(ButtonWidth(TrLabel("< Back")));
  if (ImGui::Button(TrLabel("< Back")) && b.s.stage > 1) --b.s.stage;
  SameLineIfFits(ButtonWidth(TrLabel("Next >")));
  if (ImGui::Button(TrLabel("Next >")) && b.s.stage < stages) ++b.s.stage;
  SameLineIfFits(FieldWidth(120, TrLabel("learning rate")));
  ImGui::SetNextItemWidth(120);
  SliderDouble(TrLabel("learning rate"), &b.s.iteration_lr, 0.01, 2.0, "%.3f", ImGuiSliderFlags_AlwaysClamp);
  const int stage = std::clamp(b.s.stage, 1, stages) - 1;
  const train::IterationStage& s = it.stages[stage];
  ImGui::Text(tr("Stage %d of %zu: %s"), stage + 1, it.stages.size(), s.title.c_str());
  ImGui::TextWrapped("%s", s.explanation.c_str());
  ImGui::Separator();
  const float max_cell = b.s.mode == settings::BackpropMode::kConv ? 22.0f : 56.0f;
  for (size_t i = 0; i < s.matrices.size(); ++i) {
    if (i) SameLineIfFits(HeatmapWidth(s.matrices[i], max_cell), 24);  // the next matrix wraps rather than leaving the view
    DrawHeatmap(s.matrices[i], max_cell);
  }
}

}  // namespace

void SyncBackprop(BackpropUi& b) {
  using settings::BackpropMode;
  if (b.s.mode != BackpropMode::kGraph) {
    if (!b.iteration || b.iteration_mode != b.s.mode || b.iteration_lr != b.s.iteration_lr ||
        b.iteration_language != i18n::LanguageGeneration()) {
      b.iteration_mode = b.s.mode;
      b.iteration_lr = b.s.iteration_lr;
      b.iteration_language = i18n::LanguageGeneration();
      auto it = train::BuildIteration(b.s.mode == BackpropMode::kMlp ? train::IterationSetup::kMlp : train::IterationSetup::kConv,
                                      static_cast<float>(b.s.iteration_lr), 3);
      b.iteration = it ? std::make_unique<train::Iteration>(std::move(*it)) : nullptr;
      if (!it) b.error = it.error();
    }
    return;
  }
  if (b.graph_language != i18n::LanguageGeneration() || !SameGraph(b.graph_of, b.s)) {
    // Remade for a language only, the field keeps its text (typed and perhaps not yet built).
    const bool settings_changed = b.graph_language == -1 || !SameGraph(b.graph_of, b.s);
    b.graph_language = i18n::LanguageGeneration();
    b.graph_of = b.s;
    b.error.clear();
    b.stepper.reset();
    auto resolved = settings::ResolveBackprop(b.s);
    if (!resolved) {
      b.error = resolved.error();
      return;
    }
    b.loaded_expression = resolved->expression;
    if (settings_changed) {
      b.expression_text = resolved->expression;
      b.unparsed_text.clear();
    }
    b.values = resolved->values;
    auto made = graph::MakeStepper(resolved->expression, resolved->values, resolved->labels);
    if (!made) {
      b.error = made.error();
      return;
    }
    b.stepper = std::make_unique<graph::Stepper>(std::move(*made));
  }
  if (b.stepper && b.s.step != b.stepper->position()) {
    b.stepper->Seek(b.s.step);
    b.s.step = b.stepper->position();  // clamped to the graph's steps
  }
}

void DrawBackpropTab(BackpropUi& b, bool locked, bool in_lesson) {
  using settings::BackpropMode;
  SyncBackprop(b);
  // The modes by their full names, or short ones where a full name is wider than the screen.
  const bool narrow = RadioWidth(TrLabel("One training iteration: conv layer on 6x6 images")) > ImGui::GetContentRegionAvail().x;
  const std::string mlp = std::string(narrow ? tr("MLP iteration") : tr("One training iteration: MLP on toy points")) + "###mlp";
  const std::string conv = std::string(narrow ? tr("Conv iteration") : tr("One training iteration: conv layer on 6x6 images")) + "###conv";
  if (RadioButton(TrLabel("Computational graph"), b.s.mode == BackpropMode::kGraph)) b.s.mode = BackpropMode::kGraph;
  SameLineIfFits(RadioWidth(mlp.c_str()));
  if (RadioButton(mlp.c_str(), b.s.mode == BackpropMode::kMlp)) b.s.mode = BackpropMode::kMlp;
  SameLineIfFits(RadioWidth(conv.c_str()));
  if (RadioButton(conv.c_str(), b.s.mode == BackpropMode::kConv)) b.s.mode = BackpropMode::kConv;
  SyncBackprop(b);
  if (b.s.mode != BackpropMode::kGraph) return DrawIteration(b);
  const graph::Example* example = graph::FindExample(b.s.example);
  ImGui::BeginDisabled(locked);
  ImGui::SetNextItemWidth(160);
  if (BeginCombo(TrLabel("example"), b.s.example.c_str())) {
    for (const graph::Example& e : graph::Examples())
      if (ImGui::Selectable(e.name.c_str(), e.name == b.s.example)) (void)SetWithin(b.s, &settings::Settings::backprop, "example", e.name);
    ImGui::EndCombo();
  }
  const bool answers = b.s.answers == settings::Answers::kShow || (b.s.answers == settings::Answers::kAuto && !in_lesson);
  if (example && b.s.expr.empty()) {
    // An example's description gives its gradients after the ';': hidden with the answers.
    const std::string d = tr(example->description);
    SameLineIfFits(20 * ImGui::GetFontSize());  // beside the list where it has room to wrap, else below
    FinePrint(answers ? d : d.substr(0, d.find(';')));
  }
  ImGui::SetNextItemWidth(-90);
  bool build = ImGui::InputText("##expr", &b.expression_text, ImGuiInputTextFlags_EnterReturnsTrue);
  NoteLastItem("expr-field");
  NoteFocusedField(tr("expression"), b.expression_text);
  ImGui::SameLine();
  build |= ImGui::Button(TrLabel("Build"));
  if (build) {
    const bool example_text = example && b.expression_text == example->expression;
    const Status st = SetWithin(b.s, &settings::Settings::backprop, "expr", example_text ? "" : b.expression_text);
    b.unparsed_text = st ? "" : b.expression_text;  // the registry refuses an expression only when it does not parse
  }
  ImGui::PushStyleColor(ImGuiCol_Text, Readable(ImVec4(1, 0.5f, 0.45f, 1)));
  if (!b.unparsed_text.empty()) DrawParseError(b.unparsed_text);
  if (!b.error.empty()) ImGui::TextUnformatted(b.error.c_str());
  ImGui::PopStyleColor();
  if (!b.stepper) {
    ImGui::EndDisabled();
    return;
  }
  graph::Stepper& s = *b.stepper;
  // Inputs: change one and everything recomputes at the same step.
  for (size_t i = 0; i < b.values.size(); ++i) {
    if (i) SameLineIfFits(110 + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(b.values[i].first.c_str()).x);
    ImGui::SetNextItemWidth(110);
    const bool edited = InputDouble(b.values[i].first.c_str(), &b.values[i].second, 0, 0, "%.4g");
    if (edited)
      if (Status st = SetWithin(b.s, &settings::Settings::backprop, "inputs", settings::FormatInputs(b.values)); !st) b.error = st.message();
  }
  ImGui::EndDisabled();
  int& step = b.s.step;
  if (ImGui::Button(TrLabel("|< Reset"))) step = 0;
  SameLineIfFits(ButtonWidth(TrLabel("< Step back")));
  if (ImGui::Button(TrLabel("< Step back"))) step = std::max(0, step - 1);
  SameLineIfFits(ButtonWidth(TrLabel("Step >")));
  if (ImGui::Button(TrLabel("Step >"))) step = std::min(s.total_steps(), step + 1);
  SameLineIfFits(ButtonWidth(TrLabel("Forward pass >|")));
  if (ImGui::Button(TrLabel("Forward pass >|"))) step = s.forward_steps();
  SameLineIfFits(ButtonWidth(TrLabel("Run to the end >>")));
  if (ImGui::Button(TrLabel("Run to the end >>"))) step = s.total_steps();
  NoteLastItem("bp-end");
  SameLineIfFits(RadioWidth(TrLabel("Show answers")));
  bool show = answers;
  if (ImGui::Checkbox(TrLabel("Show answers"), &show)) b.s.answers = show ? settings::Answers::kShow : settings::Answers::kHide;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("every gradient and the gradient check now, before the stepper reaches them"));
  SyncBackprop(b);
  // A narrow window (a phone, 800 px, the projector theme): this step's panel and the gradient
  // check one above the other (side by side the check's table, some 28 em, was cut off).
  const bool stacked = ImGui::GetContentRegionAvail().x < 60 * ImGui::GetFontSize();
  const float panel = (stacked ? 2 : 1) * 190 * TextScale();
  // Tall enough for every node's labels; a short window scrolls rather than piling them up.
  // Wide enough for the numbers between columns; a narrow screen (a phone) scrolls it sideways.
  const float height = std::max(GraphMinHeight(b.stepper->graph()), ImGui::GetContentRegionAvail().y - panel);
  const float avail = ImGui::GetContentRegionAvail().x, width = std::max(avail, GraphMinWidth(b.stepper->graph()));
  if (width > avail) {
    ImGui::BeginChild("graph-scroll", ImVec2(avail, height + ImGui::GetStyle().ScrollbarSize), false, ImGuiWindowFlags_HorizontalScrollbar);
    DrawGraph(b, ImVec2(width, height));
    EndChild(N_("Computational graph"));
  } else {
    DrawGraph(b, ImVec2(width, height));
  }
  // Each panel at least its share of `panel` high; below a tall graph (a short window) the tab
  // scrolls down to them rather than squeezing them to a line.
  // (0: down to the window's bottom; the graph leaves `panel` less the spacing after it.)
  const auto height_at_least = [](float least) {
    least -= ImGui::GetStyle().ItemSpacing.y;
    return ImGui::GetContentRegionAvail().y >= least ? 0.0f : least;
  };
  const float below = height_at_least(stacked ? panel / 2 : panel);
  ImGui::BeginChild("explain", ImVec2(stacked ? 0 : ImGui::GetContentRegionAvail().x * 0.55f, stacked ? panel / 2 : below), true);
  DrawStepPanel(b);
  EndChild(N_("This step"));
  if (!stacked) ImGui::SameLine();
  ImGui::BeginChild("check", ImVec2(0, stacked ? height_at_least(panel / 2) : below), true);
  if (answers || s.at_end()) DrawGradCheck(s);
  else ImGui::TextWrapped("%s", tr("The numerical gradient check appears at the end of the backward pass, to compare with what you worked out "
                          "(Show answers shows it now)."));
  EndChild(N_("Gradient check"));
}

nlohmann::json BackpropStateJson(const BackpropUi& b) {
  graph::ParseError parse_error;
  if (!b.unparsed_text.empty()) (void)graph::ParseExpression(b.unparsed_text, &parse_error);
  nlohmann::json j = {{"expression", b.loaded_expression}, {"typed", b.expression_text}, {"unparsed", b.unparsed_text},
                      {"parseError", parse_error.message}, {"parseColumn", parse_error.column}, {"error", b.error}};
  if (b.stepper) j["graph"] = graph::Snapshot(*b.stepper);
  j["labelOverlaps"] = b.label_overlaps;
  return j;
}

}  // namespace gradlab::ui
