#include "ui/calculators_tab.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/text.h"
#include "i18n/translate.h"
#include "nn/conv_arithmetic.h"
#include "nn/explain.h"
#include "nn/maxpool2d.h"
#include "nn/regularizer.h"
#include "nn/schedule.h"
#include "train/inspect.h"
#include "ui/focused_control.h"
#include "ui/hook_items.h"
#include "ui/layout.h"
#include "ui/plot.h"
#include "ui/services.h"
#include "ui/setting_edit.h"

namespace gradlab::ui {

namespace {

const ImVec4 kBad(1.0f, 0.45f, 0.4f, 1.0f), kGood(0.55f, 0.85f, 0.55f, 1.0f);

struct Racer {
  nn::OptimizerKind kind;
  const char* name;
  ImU32 colour;
};
const Racer kRacers[] = {{nn::OptimizerKind::kSgd, "SGD", IM_COL32(255, 255, 255, 255)},
                         {nn::OptimizerKind::kMomentum, "momentum", IM_COL32(250, 160, 70, 255)},
                         {nn::OptimizerKind::kRmsProp, "RMSProp", IM_COL32(120, 220, 120, 255)},
                         {nn::OptimizerKind::kAdam, "Adam", IM_COL32(240, 110, 200, 255)}};
const nn::RegKind kRegKinds[] = {nn::RegKind::kL2, nn::RegKind::kL1, nn::RegKind::kElasticNet};

// Where the racers start: across the ravine and the bowl from one side; on the saddle surface just
// beside the saddle point (x = 0.15, y = 0: a maximum along x, a minimum along y), where the
// gradient is nearly 0 and plain SGD lingers while momentum and Adam roll off into a well. (From
// x = -4 the quartic's gradient, -56, threw every racer out at the default rate.)
ImVec2 RaceStart(nn::Surface surface) { return surface == nn::Surface::kSaddle ? ImVec2(0.16f, 2.5f) : ImVec2(-4.0f, 2.5f); }

// The engine's numbers for the current inputs, made again only when an input changed.
const CalcResults& Results(CalculatorsUi& c) {
  CalcResults& r = c.results;
  if (r.made && r.of == c.s) return r;
  r.made = true;
  r.of = c.s;
  // Max pooling, forward and backward: the gradient goes to each window's winner.
  nn::MaxPool2dT<double> pool(2, 2);
  (void)pool.Build({1, 4, 4});
  TensorT<double> x({1, 1, 4, 4}), y;
  for (int i = 0; i < 16; ++i) x[i] = c.s.pool[i];
  pool.Forward(x, y, nn::Mode::kEval);
  TensorT<double> dy({1, 1, 2, 2}, 1.0), dx;
  pool.Backward(x, y, dy, dx);
  for (int i = 0; i < 4; ++i) r.pooled[i] = y[i];
  for (int i = 0; i < 16; ++i) r.winner[i] = dx[i] > 0;
  // Each penalty and its gradient on the weights.
  nn::ParamT<double> w{"weight", TensorT<double>({5}), TensorT<double>({5}), true};
  for (int i = 0; i < 5; ++i) w.value[i] = c.s.weights[i];
  for (int k = 0; k < 3; ++k) {
    const nn::RegConfig cfg{kRegKinds[k], c.s.reg_lambda, c.s.reg_beta};
    w.grad.Zero();
    nn::AddRegularizationGradient(cfg, std::vector<nn::ParamT<double>*>{&w});
    r.penalty[k] = nn::RegularizationPenalty(cfg, std::vector<nn::ParamT<double>*>{&w});
    for (int i = 0; i < 5; ++i) r.gradient[k][i] = w.grad[i];
  }
  // The optimizers' race on the loss surface.
  r.paths.clear();
  for (const Racer& racer : kRacers) {
    nn::OptimizerConfig cfg;
    cfg.kind = racer.kind;
    r.paths.push_back(nn::OptimizerPath(cfg, c.s.surface, RaceStart(c.s.surface).x, RaceStart(c.s.surface).y, c.s.race_lr, c.s.race_steps,
                                        c.s.race_noise, 7));
  }
  return r;
}

// [SECTION] SVM and softmax -----------------------------------------------------------------

void DrawLosses(CalculatorsUi& c) {
  static const char* names[] = {"cat", "car", "frog"};
  ImGui::TextWrapped("%s", tr("Scores of one image for three classes (the lecture's example). Edit them and pick the true class."));
  for (int j = 0; j < 3; ++j) {  // side by side where they fit (not on a phone)
    if (j) SameLineIfFits(130 + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(names[j]).x);
    ImGui::SetNextItemWidth(130);
    InputReal(names[j], "scores", &c.s.scores[j], "%.2f");
  }
  for (int j = 0; j < 3; ++j) {
    const std::string label = Fill(tr("label: {0}"), {names[j]}) + "###label-" + names[j];  // the same id in every language
    if (j) SameLineIfFits(RadioWidth(label.c_str()));
    RadioButton(label.c_str(), &c.s.label, j);
  }
  const std::vector<double> s(c.s.scores.begin(), c.s.scores.end());
  const nn::LossBreakdown b = nn::ExplainLosses(s, c.s.label);
  // Columns: 0 class, 1 score, 2 margin, 3 hinge, 4 exp, 5 p. One table where all six fit; on a
  // phone the SVM's columns and the softmax's are two tables, one above the other.
  static const char* const headers[] = {N_("class"), N_("score s"), N_("margin s_j - s_y + 1"), N_("hinge max(0, margin)"),
                                        "exp(s)", N_("p = exp / sum")};
  const auto cell = [&](int column, int j) {
    const bool is_true = j == c.s.label;
    switch (column) {
      case 0: ImGui::Text("%s%s", names[j], is_true ? tr(" (true)") : ""); break;
      case 1: ImGui::Text("%.2f", s[j]); break;
      case 2: is_true ? ImGui::TextDisabled("-") : ImGui::Text("%.2f", b.margins[j]); break;
      case 3: is_true ? ImGui::TextDisabled("-") : ImGui::TextColored(b.hinge[j] > 0 ? kBad : kGood, "%.2f", b.hinge[j]); break;
      case 4: ImGui::Text("%.2f", b.exps[j]); break;
      default: ImGui::TextUnformatted(FormatProbability(b.probs[j]).c_str());
    }
  };
  const auto table = [&](const char* id, std::initializer_list<int> columns) {
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    for (int column : columns) ImGui::TableSetupColumn(tr(headers[column]));
    ImGui::TableHeadersRow();
    for (int j = 0; j < 3; ++j) {
      ImGui::TableNextRow();
      for (int column : columns) {
        ImGui::TableNextColumn();
        cell(column, j);
      }
    }
    ImGui::EndTable();
  };
  float contents = 0;  // each column as wide as its header or its widest value
  const float value = ImGui::CalcTextSize("-00.00").x, first = ImGui::CalcTextSize((std::string("frog") + tr(" (true)")).c_str()).x;
  for (int column = 0; column < 6; ++column) contents += std::max(column ? value : first, ImGui::CalcTextSize(tr(headers[column])).x);
  if (TableWidth(contents, 6) <= ImGui::GetContentRegionAvail().x) {
    table("losses", {0, 1, 2, 3, 4, 5});
  } else {
    table("svm", {0, 1, 2, 3});
    table("softmax", {0, 1, 4, 5});
  }
  ImGui::TextWrapped(tr("SVM loss = sum of hinges = %.2f"), b.svm_loss);
  const std::string p = FormatProbability(b.probs[c.s.label]);
  ImGui::TextWrapped(tr("Softmax loss = -ln p(%s) = -ln %s = %.2f"), names[c.s.label], p.c_str(), b.softmax_loss);
  ImGui::TextWrapped(tr("KL divergence from the one-hot target = 1 * ln(1 / %s) = %.2f (the same number)"), p.c_str(), b.kl_divergence);
  FinePrintf(tr("The lecture writes -log(0.13) = 0.89: that is the base-10 logarithm (here %.2f); the engine uses ln."),
             b.softmax_loss_log10);
}

// [SECTION] Activations ------------------------------------------------------------------------

void DrawActivations(CalculatorsUi& c) {
  static const char* names[] = {"sigmoid", "tanh", "ReLU", "LeakyReLU", "ELU", "Maxout (two lines)"};
  ImGui::SetNextItemWidth(200);
  using settings::CalcActivation;
  int chosen = static_cast<int>(c.s.activation);
  if (Combo(TrLabel("activation"), &chosen, names, settings::kCalcActivationCount)) c.s.activation = static_cast<CalcActivation>(chosen);
  nn::Curve curve;
  if (c.s.activation == CalcActivation::kLeakyRelu || c.s.activation == CalcActivation::kElu) {
    ImGui::SetNextItemWidth(200);
    SliderReal(c.s.activation == CalcActivation::kLeakyRelu ? "slope" : "alpha", "activation_param", &c.s.activation_param);
  }
  const float param = static_cast<float>(c.s.activation_param);
  switch (c.s.activation) {
    case CalcActivation::kSigmoid: curve = nn::SampleActivation(nn::ActivationKind::kSigmoid, 0, -6, 6, 241); break;
    case CalcActivation::kTanh: curve = nn::SampleActivation(nn::ActivationKind::kTanh, 0, -6, 6, 241); break;
    case CalcActivation::kRelu: curve = nn::SampleActivation(nn::ActivationKind::kReLU, 0, -6, 6, 241); break;
    case CalcActivation::kLeakyRelu: curve = nn::SampleActivation(nn::ActivationKind::kLeakyReLU, param, -6, 6, 241); break;
    case CalcActivation::kElu: curve = nn::SampleActivation(nn::ActivationKind::kELU, param, -6, 6, 241); break;
    case CalcActivation::kMaxout:
      FinePrint(tr("max(w1 x + b1, w2 x + b2) with w1 = 1, b1 = 0, w2 = -0.5, b2 = 1"));
      curve = nn::SampleMaxout(1, 0, -0.5, 1, -6, 6, 241);
  }
  const float step = 12.0f / 240;
  DrawPlot("activation", ImVec2(-1, 220),
           {{"f(x)", curve.y.data(), static_cast<int>(curve.y.size()), IM_COL32(110, 170, 255, 255), 2.5f, step, -6},
            {"f'(x)", curve.dy.data(), static_cast<int>(curve.dy.size()), IM_COL32(250, 160, 70, 255), 1.5f, step, -6}},
           {"x", false, false, false, true});
  FinePrint(tr("Blue: the function. Orange: its derivative, the local gradient backprop multiplies by. Hover to read values."));
}

// [SECTION] Conv arithmetic --------------------------------------------------------------------

void DrawConv(CalculatorsUi& c) {
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("input N"), "conv_n", &c.s.conv_n);
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("filter F"), "conv_f", &c.s.conv_f);
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("padding P"), "conv_p", &c.s.conv_p);
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("stride S"), "conv_s", &c.s.conv_s);
  const nn::WindowFit fit = nn::FitWindow(c.s.conv_n, c.s.conv_f, c.s.conv_s, c.s.conv_p);
  ImGui::TextWrapped(tr("output = %s = (%d - %d + 2*%d) / %d + 1 = %.2f"), nn::kOutputSizeFormula, c.s.conv_n, c.s.conv_f, c.s.conv_p,
                     c.s.conv_s, fit.exact);
  ImGui::PushStyleColor(ImGuiCol_Text, fit.fits ? kGood : kBad);
  if (fit.fits) ImGui::TextWrapped(tr("valid: the output is %d x %d"), fit.output, fit.output);
  else ImGui::TextWrapped(tr("not valid: %s"), fit.message.c_str());  // a sentence: wrapped on a phone
  ImGui::PopStyleColor();
  // The padded input as a grid, with the windows' top-left corners and the first window.
  const int side = c.s.conv_n + 2 * c.s.conv_p;
  const float cell = std::min(18.0f, 360.0f / std::max(1, side));
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      const bool pad = x < c.s.conv_p || y < c.s.conv_p || x >= side - c.s.conv_p || y >= side - c.s.conv_p;
      const ImVec2 a(o.x + x * cell, o.y + y * cell), b(a.x + cell - 1, a.y + cell - 1);
      dl->AddRectFilled(a, b, pad ? IM_COL32(70, 70, 80, 255) : IM_COL32(120, 130, 150, 255));
      const bool corner = x % c.s.conv_s == 0 && y % c.s.conv_s == 0 && x + c.s.conv_f <= side && y + c.s.conv_f <= side;
      if (corner) dl->AddCircleFilled(ImVec2(a.x + cell / 2, a.y + cell / 2), cell / 5, IM_COL32(250, 200, 80, 255));
    }
  dl->AddRect(o, ImVec2(o.x + c.s.conv_f * cell, o.y + c.s.conv_f * cell), IM_COL32(255, 120, 80, 255), 0, 0, 3);
  ImGui::Dummy(ImVec2(side * cell, side * cell));
  FinePrint(tr("Grey border: zero padding. Dots: where a window starts (every S cells). Orange: the first window."));
  FinePrint(tr(nn::kOutputSizeSlip));
  ImGui::Separator();
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("input channels C"), "conv_c", &c.s.conv_c);
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("filters K"), "conv_k", &c.s.conv_k);
  ImGui::TextWrapped(tr("parameters = F*F*C*K + K = %d*%d*%d*%d + %d = %lld"), c.s.conv_f, c.s.conv_f, c.s.conv_c, c.s.conv_k, c.s.conv_k,
                     nn::ConvParameters(c.s.conv_f, c.s.conv_c, c.s.conv_k));
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("stacked layers L"), "conv_layers", &c.s.conv_layers);
  const int rf = nn::ReceptiveField(c.s.conv_layers, c.s.conv_f);
  ImGui::TextWrapped(tr("receptive field after %d layers of %dx%d (stride 1) = %s = %d x %d pixels"), c.s.conv_layers, c.s.conv_f,
                     c.s.conv_f, nn::kReceptiveFieldFormula, rf, rf);
  FinePrint(tr("The lecture's receptive-field slides write K for the filter size; here F is the filter size, K the number of filters."));
  // On a 32x32 image: the square one output unit sees.
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float px = 6;
  dl->AddRectFilled(p, ImVec2(p.x + 32 * px, p.y + 32 * px), IM_COL32(60, 70, 90, 255));
  const float start = (32 - std::min(rf, 32)) / 2.0f * px;
  dl->AddRectFilled(ImVec2(p.x + start, p.y + start), ImVec2(p.x + start + std::min(rf, 32) * px, p.y + start + std::min(rf, 32) * px),
                    IM_COL32(250, 200, 80, 140));
  ImGui::Dummy(ImVec2(32 * px, 32 * px));
  FinePrint(tr("The square a unit of the last layer sees on a 32x32 CIFAR-10 image."));
}

// [SECTION] Max pooling ------------------------------------------------------------------------

void DrawPooling(CalculatorsUi& c) {
  ImGui::TextWrapped("%s", tr("2x2 max pooling with stride 2 on a 4x4 input (the lecture's example gives 6, 8, 3, 4). Edit the numbers."));
  const CalcResults& res = Results(c);
  static const ImVec4 quadrant[] = {{0.35f, 0.2f, 0.2f, 1}, {0.2f, 0.35f, 0.2f, 1}, {0.2f, 0.25f, 0.4f, 1}, {0.38f, 0.33f, 0.15f, 1}};
  // The pooled 2x2 beside the grid, level with its windows' rows; below it where that has no room (a phone).
  constexpr float kCellWidth = 44;
  const float spacing = ImGui::GetStyle().ItemSpacing.x, gap = 3 * spacing;
  const float grid_width = 4 * kCellWidth + 3 * spacing;
  const bool beside = ImGui::GetContentRegionAvail().x >= grid_width + gap + ImGui::CalcTextSize("->   00   00").x;
  const auto pooled_row = [&](int row) {  // row 0 or 1 of the output, the first marked with the arrow
    ImGui::Text("%s   %g   %g", row == 0 ? "->" : "  ", res.pooled[2 * row], res.pooled[2 * row + 1]);
  };
  for (int r = 0; r < 4; ++r) {
    for (int col = 0; col < 4; ++col) {
      const int i = r * 4 + col, q = (r / 2) * 2 + col / 2;
      ImGui::PushID(i);
      if (col) ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_FrameBg, quadrant[q]);
      const bool winner = res.winner[i];  // read before the edit below can change the results
      if (winner) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.85f, 0.3f, 1));
      ImGui::SetNextItemWidth(kCellWidth);
      InputWhole("##v", "pool", &c.s.pool[i]);
      if (i == 0) NoteLastItem("pool-cell-1");
      if (LastItemHasFocus()) NoteFocusedName(Fill(tr("row {0}, column {1}"), {std::to_string(r + 1), std::to_string(col + 1)}));
      if (winner) ImGui::PopStyleColor();
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    if (beside && r % 2 == 1) {
      ImGui::SameLine(0, gap);
      pooled_row(r / 2);
    }
  }
  if (!beside) {
    pooled_row(0);
    pooled_row(1);
  }
  FinePrint(tr("Yellow: the winners. In backprop, max routes each window's gradient to its winner only."));
}

// [SECTION] Schedules ---------------------------------------------------------------------------

void DrawSchedules(CalculatorsUi& c) {
  ImGui::SetNextItemWidth(120);
  InputReal(TrLabel("initial rate a0"), "schedule_lr", &c.s.schedule_lr);
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("epochs T"), "schedule_epochs", &c.s.schedule_epochs);
  ImGui::SetNextItemWidth(120);
  SliderReal(TrLabel("warm-up epochs"), "schedule_warmup", &c.s.schedule_warmup, "%.0f");
  struct Named {
    const char* spec;
    ImU32 colour;
  };
  const Named kinds[] = {{"step:30,60,90", IM_COL32(240, 190, 80, 255)}, {"cosine", IM_COL32(110, 170, 255, 255)},
                         {"linear", IM_COL32(120, 210, 120, 255)}, {"invsqrt", IM_COL32(230, 110, 200, 255)}};
  std::vector<std::vector<float>> values;
  std::vector<PlotSeries> series;
  values.reserve(4);
  for (const Named& k : kinds) {
    auto cfg = nn::ParseSchedule(k.spec, c.s.schedule_lr);
    if (!cfg) continue;
    cfg->warmup = c.s.schedule_warmup;
    std::vector<float> v;
    for (int e = 0; e <= c.s.schedule_epochs; ++e) v.push_back(static_cast<float>(nn::LearningRateAt(*cfg, e, c.s.schedule_epochs)));
    values.push_back(v);
    series.push_back({k.spec, values.back().data(), static_cast<int>(v.size()), k.colour, 2});
  }
  DrawPlot("schedules", ImVec2(-1, 260), series, {tr("epoch"), true, false, false, true});
  using nn::ScheduleFormula, nn::ScheduleKind;
  FinePrintf(tr("step: x0.1 at 30, 60, 90 (yellow); cosine %s (blue); linear %s (green); inverse sqrt %s (pink);"),
             ScheduleFormula(ScheduleKind::kCosine), ScheduleFormula(ScheduleKind::kLinear), ScheduleFormula(ScheduleKind::kInverseSqrt));
  FinePrint(Fill(tr("{0}. The {1}."), {tr(nn::kScheduleTime), tr(nn::kWarmupHelp)}));
}

// [SECTION] Regularization ----------------------------------------------------------------------

void DrawRegularization(CalculatorsUi& c) {
  ImGui::TextWrapped("%s", tr("A weight vector W; edit it and the strength. Each penalty and its gradient, added to the data loss's."));
  for (int i = 0; i < 5; ++i) {
    ImGui::PushID(i);
    if (i) SameLineIfFits(70);
    ImGui::SetNextItemWidth(70);
    DragReal("##w", "weights", &c.s.weights[i]);
    if (LastItemHasFocus()) NoteFocusedName(Fill(tr("weight {0}"), {std::to_string(i + 1)}));
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(120);
  SliderReal(TrLabel("lambda"), "reg_lambda", &c.s.reg_lambda);
  ImGui::SetNextItemWidth(120);
  SliderReal(TrLabel("beta (elastic net)"), "reg_beta", &c.s.reg_beta);
  const CalcResults& r = Results(c);
  // Each column as wide as its text where that fits; on a phone the columns share the width and
  // their text wraps.
  const char* names[] = {"L2: sum W^2", "L1: sum |W|", "elastic: sum beta W^2 + |W|"};
  const char* headers[] = {tr("regularizer"), tr("lambda * R(W)"), tr("gradient lambda * dR/dW")};
  const float contents = ImGui::CalcTextSize(names[2]).x + ImGui::CalcTextSize(headers[1]).x +
                         std::max(ImGui::CalcTextSize(headers[2]).x, ImGui::CalcTextSize("+0.000 +0.000 +0.000 +0.000 +0.000").x);
  const bool wrap = TableWidth(contents, 3) > ImGui::GetContentRegionAvail().x;  // (wrapped text in a fitted column would shrink it)
  if (ImGui::BeginTable("reg", 3, ImGuiTableFlags_Borders | (wrap ? ImGuiTableFlags_SizingStretchProp : ImGuiTableFlags_SizingFixedFit))) {
    for (const char* header : headers) ImGui::TableSetupColumn(header);
    ImGui::TableHeadersRow();
    for (int k = 0; k < 3; ++k) {
      const auto& g = r.gradient[k];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      wrap ? ImGui::TextWrapped("%s", names[k]) : ImGui::TextUnformatted(names[k]);
      ImGui::TableNextColumn();
      ImGui::Text("%.4f", r.penalty[k]);
      ImGui::TableNextColumn();
      char gradient[96];
      std::snprintf(gradient, sizeof gradient, "%+.3f %+.3f %+.3f %+.3f %+.3f", g[0], g[1], g[2], g[3], g[4]);
      wrap ? ImGui::TextWrapped("%s", gradient) : ImGui::TextUnformatted(gradient);
    }
    ImGui::EndTable();
  }
  FinePrint(tr(nn::kRegularizerPulls));
  FinePrint(tr(nn::kLossSignSlip));
}

// [SECTION] Optimizers on a loss surface -----------------------------------------------------------

void DrawOptimizerRace(CalculatorsUi& c) {
  ImGui::SetNextItemWidth(220);
  if (BeginCombo(TrLabel("surface"), tr(nn::SurfaceName(c.s.surface)))) {
    for (nn::Surface surface : {nn::Surface::kRavine, nn::Surface::kBowl, nn::Surface::kSaddle})
      if (ImGui::Selectable(TrLabel(nn::SurfaceName(surface)), surface == c.s.surface)) c.s.surface = surface;
    ImGui::EndCombo();
  }
  SameLineIfFits(FieldWidth(120, TrLabel("learning rate")));
  ImGui::SetNextItemWidth(120);
  SliderReal(TrLabel("learning rate"), "race_lr", &c.s.race_lr);
  SameLineIfFits(FieldWidth(120, TrLabel("steps")));
  ImGui::SetNextItemWidth(120);
  SliderWhole(TrLabel("steps"), "race_steps", &c.s.race_steps);
  const char* noise = TrLabel("mini-batch noise (0 = full batch)");
  ImGui::SetNextItemWidth(std::clamp(ImGui::GetContentRegionAvail().x - FieldWidth(0, noise), 80.0f, 200.0f));
  SliderReal(noise, "race_noise", &c.s.race_noise);
  const float lo = -5, hi = 5;
  if (c.surface_texture_of != static_cast<int>(c.s.surface)) {
    const auto img = train::SurfaceHeatmap(static_cast<int>(c.s.surface), lo, hi, lo, hi, 128);
    c.surface_texture = services().UploadTexture(c.surface_texture, img);
    c.surface_texture_of = static_cast<int>(c.s.surface);
  }
  // The legend beside the surface where both have room, else below it (a phone).
  const ImVec2 room = ImGui::GetContentRegionAvail();
  const float legend_width = 220 * TextScale();
  const bool legend_beside = room.x >= 2 * legend_width;
  const float size = legend_beside ? std::min(room.x - legend_width, room.y - 10)
                                   : std::max(100.0f, std::min(room.x, room.y - 6 * ImGui::GetTextLineHeightWithSpacing()));
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::Image(c.surface_texture, ImVec2(size, size));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto to_screen = [&](float x, float y) { return ImVec2(o.x + (x - lo) / (hi - lo) * size, o.y + (hi - y) / (hi - lo) * size); };
  const float x0 = RaceStart(c.s.surface).x, y0 = RaceStart(c.s.surface).y;
  dl->PushClipRect(o, ImVec2(o.x + size, o.y + size), true);
  std::vector<std::string> legend;
  const CalcResults& results = Results(c);
  for (size_t k = 0; k < results.paths.size(); ++k) {
    const Racer& r = kRacers[k];
    const auto& path = results.paths[k];
    for (size_t i = 1; i < path.size(); ++i)
      dl->AddLine(to_screen(path[i - 1].first, path[i - 1].second), to_screen(path[i].first, path[i].second), r.colour, 2);
    const auto& end = path.back();
    dl->AddCircleFilled(to_screen(end.first, end.second), 4, r.colour);
    char loss_text[32];
    const double loss = nn::SurfaceValue(c.s.surface, end.first, end.second);
    std::snprintf(loss_text, sizeof loss_text, "%.4g", loss);
    const std::string steps = std::to_string(path.size() - 1);
    if (static_cast<int>(path.size()) - 1 < c.s.race_steps || !(loss < 1e6))  // OptimizerPath stops one that flew off
      legend.push_back(Fill(tr("{0}: diverged after {1} steps: the learning rate is too high for it here"), {r.name, steps}));
    else
      legend.push_back(Fill(tr("{0}: loss {1} after {2} steps"), {r.name, loss_text, steps}));
  }
  dl->AddCircle(to_screen(x0, y0), 6, IM_COL32(255, 255, 255, 255), 0, 2);
  dl->PopClipRect();
  if (legend_beside) ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(0);  // a racer that diverged has a long line
  for (size_t i = 0; i < legend.size(); ++i)
    ImGui::TextColored(Readable(ImGui::ColorConvertU32ToFloat4(kRacers[i].colour)), "%s", legend[i].c_str());
  ImGui::TextDisabled("%s", tr("All start at the white circle."));
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace

void DrawCalculatorsTab(CalculatorsUi& c, bool locked) {
  static const char* sections[] = {N_("SVM & softmax"), N_("Activations"), N_("Conv arithmetic"), N_("Max pooling"),
                                   N_("LR schedules"), N_("Regularization"), N_("Optimizers")};
  float nav = 0;  // as wide as the longest section name, in any theme
  for (const char* s : sections) nav = std::max(nav, ImGui::CalcTextSize(tr(s)).x);
  nav += 2 * ImGui::GetStyle().WindowPadding.x + 4;
  // The calculators' widest fixed parts (the pooling grid, the conv grid) need about 20 em; where
  // the list beside them leaves less (a phone), the list becomes a drop-down above them.
  if (ImGui::GetContentRegionAvail().x - nav >= 20 * ImGui::GetFontSize()) {
    ImGui::BeginChild("calc-nav", ImVec2(nav, 0), true);
    for (int i = 0; i < settings::kCalcSectionCount; ++i)
      if (ImGui::Selectable(TrLabel(sections[i]), static_cast<int>(c.s.section) == i)) c.s.section = static_cast<settings::CalcSection>(i);
    EndChild(N_("Calculators"));
    ImGui::SameLine();
  } else {
    const char* names[settings::kCalcSectionCount];
    for (int i = 0; i < settings::kCalcSectionCount; ++i) names[i] = tr(sections[i]);
    int section = static_cast<int>(c.s.section);
    const char* label = TrLabel("calculator");
    ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().ItemInnerSpacing.x));
    if (Combo(label, &section, names, settings::kCalcSectionCount))
      c.s.section = static_cast<settings::CalcSection>(section);
  }
  ImGui::BeginChild("calc-body", ImVec2(0, 0), false);
  ImGui::BeginDisabled(locked);
  using settings::CalcSection;
  switch (c.s.section) {
    case CalcSection::kLosses: DrawLosses(c); break;
    case CalcSection::kActivations: DrawActivations(c); break;
    case CalcSection::kConv: DrawConv(c); break;
    case CalcSection::kPooling: DrawPooling(c); break;
    case CalcSection::kSchedules: DrawSchedules(c); break;
    case CalcSection::kRegularization: DrawRegularization(c); break;
    case CalcSection::kOptimizers: DrawOptimizerRace(c); break;
  }
  ImGui::EndDisabled();
  EndChild(sections[static_cast<int>(c.s.section)]);
}

}  // namespace gradlab::ui
