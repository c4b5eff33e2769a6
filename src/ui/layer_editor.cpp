#include "ui/layer_editor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "i18n/translate.h"
#include "ui/focused_control.h"
#include "ui/spoken_inputs.h"

namespace gradlab::ui {

namespace {

using nn::LayerWord;
using nn::ParsedLayer;

struct KindChoice {
  LayerWord word;
  const char* name;
  ParsedLayer fresh;  // what a new layer of this kind starts as
};

const std::vector<KindChoice>& Kinds() {
  static const std::vector<KindChoice> kinds = {
      {LayerWord::kConv, N_("conv"), {LayerWord::kConv, 16, 3, 1, 1}},
      {LayerWord::kPool, N_("max pool"), {LayerWord::kPool, 2, 2}},
      {LayerWord::kFc, N_("fully connected"), {LayerWord::kFc, 100}},
      {LayerWord::kReLU, N_("ReLU"), {LayerWord::kReLU}},
      {LayerWord::kLeakyReLU, N_("leaky ReLU"), {LayerWord::kLeakyReLU, 0, 0, 0, 0, 0.1}},
      {LayerWord::kELU, N_("ELU"), {LayerWord::kELU, 0, 0, 0, 0, 1.0}},
      {LayerWord::kTanh, N_("tanh"), {LayerWord::kTanh}},
      {LayerWord::kSigmoid, N_("sigmoid"), {LayerWord::kSigmoid}},
      {LayerWord::kMaxout, N_("maxout"), {LayerWord::kMaxout, 2}},
      {LayerWord::kDropout, N_("dropout"), {LayerWord::kDropout, 0, 0, 0, 0, 0.5}},
      {LayerWord::kBatchNorm, N_("batch norm"), {LayerWord::kBatchNorm}},
      {LayerWord::kFlatten, N_("flatten"), {LayerWord::kFlatten}},
  };
  return kinds;
}

const char* KindName(LayerWord w) {
  for (const KindChoice& k : Kinds())
    if (k.word == w) return tr(k.name);
  return "?";
}

// One integer field; the ranges are those the spec parser takes (nn::kSpecLimits).
bool IntField(const char* label, int* v, int lo, int hi, const char* help) {
  ImGui::SetNextItemWidth(120);
  const bool changed = DragInt(label, v, 0.2f, lo, hi, "%d", ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
  return changed;
}

bool RealField(const char* label, double* v, float lo, float hi, const char* help) {
  float f = static_cast<float>(*v);
  ImGui::SetNextItemWidth(120);
  const bool changed = SliderFloat(label, &f, lo, hi, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
  if (changed) *v = std::round(f * 100) / 100;  // the spec keeps a few decimals
  return changed;
}

// The selected layer's own settings. True when something changed.
bool DrawLayerFields(ParsedLayer& l) {
  bool changed = false;
  int kind = 0;
  for (size_t i = 0; i < Kinds().size(); ++i)
    if (Kinds()[i].word == l.word) kind = static_cast<int>(i);
  ImGui::SetNextItemWidth(160);
  if (BeginCombo(TrLabel("kind"), tr(Kinds()[kind].name))) {
    for (size_t i = 0; i < Kinds().size(); ++i)
      if (ImGui::Selectable(Kinds()[i].name, static_cast<int>(i) == kind) && static_cast<int>(i) != kind) {
        l = Kinds()[i].fresh;
        changed = true;
      }
    ImGui::EndCombo();
  }
  switch (l.word) {
    case LayerWord::kFc:
      changed |= IntField(TrLabel("outputs"), &l.a, 0, nn::kSpecLimits.fc_outputs, tr("0 = one output per class (the classifier's last layer)"));
      break;
    case LayerWord::kConv:
      changed |= IntField(TrLabel("filters"), &l.a, 1, nn::kSpecLimits.conv_filters, tr("number of filters = output channels"));
      changed |= IntField(TrLabel("kernel"), &l.b, 1, nn::kSpecLimits.kernel, tr("each filter is kernel x kernel x input channels"));
      changed |= IntField(TrLabel("stride"), &l.c, 1, nn::kSpecLimits.stride, tr("output size (N - F + 2P) / S + 1 must be a whole number"));
      changed |= IntField(TrLabel("padding"), &l.d, 0, nn::kSpecLimits.padding, tr("zero padding; (F - 1) / 2 keeps the size at stride 1"));
      break;
    case LayerWord::kPool:
      changed |= IntField(TrLabel("size"), &l.a, 1, nn::kSpecLimits.pool, tr("max over size x size windows"));
      changed |= IntField(TrLabel("stride"), &l.b, 1, nn::kSpecLimits.pool, tr("usually equal to the size"));
      break;
    case LayerWord::kLeakyReLU: changed |= RealField(TrLabel("slope"), &l.value, 0.0f, 0.5f, tr("f(x) = max(slope * x, x)")); break;
    case LayerWord::kELU: changed |= RealField(TrLabel("alpha"), &l.value, 0.1f, 3.0f, tr("f(x) = alpha (exp(x) - 1) for x < 0")); break;
    case LayerWord::kDropout: changed |= RealField(TrLabel("drop probability"), &l.value, 0.0f, 0.95f, tr("share of units zeroed in training")); break;
    case LayerWord::kMaxout: changed |= IntField(TrLabel("pieces"), &l.a, 2, nn::kSpecLimits.maxout, tr("max over groups of this many units")); break;
    default: ImGui::TextDisabled("%s", tr("no settings")); break;
  }
  return changed;
}

}  // namespace

void DrawLayerEditor(TrainUi& t) {
  const nn::ModelPlan& plan = t.plan;
  std::vector<ParsedLayer> words = plan.words;
  if (words.empty()) return;  // the spec does not parse: the message is shown below the spec text
  // The settings count layers from 1 (0: none); here they count from 0 (-1: none).
  int selected = std::clamp(t.s.layer - 1, -1, static_cast<int>(words.size()) - 1);
  const int shown = selected;

  bool changed = false;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV;
  if (ImGui::BeginTable("layers", 4, flags)) {
    ImGui::TableSetupColumn(tr("layer"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(tr("output"), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(tr("params"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    // Two arrow buttons and a small "x" button.
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                            2 * ImGui::GetFrameHeight() + ImGui::CalcTextSize("x").x + 2 * style.FramePadding.x + 6);
    ImGui::TableHeadersRow();
    for (size_t r = 0; r < plan.layers.size(); ++r) {
      const nn::PlannedLayer& row = plan.layers[r];
      ImGui::PushID(static_cast<int>(r));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool broken = !row.problem.empty();
      if (broken) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
      if (row.word < 0) {
        ImGui::TextDisabled(tr("%s (added)"), row.spec.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("added automatically: a flatten before an fc, and a final fc with one output per class"));
      } else if (ImGui::Selectable(row.spec.c_str(), selected == row.word)) {
        selected = selected == row.word ? -1 : row.word;
      }
      if (broken && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.problem.c_str());
      ImGui::TableNextColumn();
      if (broken) ImGui::TextUnformatted(tr("breaks here"));
      else if (row.built) ImGui::TextUnformatted(ShapeToString(row.output).c_str());
      else ImGui::TextDisabled("-");
      if (broken) ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      if (row.built) ImGui::Text("%zu", row.parameters);
      ImGui::TableNextColumn();
      if (row.word >= 0) {
        const int w = row.word;
        if (ImGui::ArrowButton("up", ImGuiDir_Up) && w > 0) {
          std::swap(words[w], words[w - 1]);
          selected = w - 1;
          changed = true;
        }
        ImGui::SameLine(0, 2);
        if (ImGui::ArrowButton("down", ImGuiDir_Down) && w + 1 < static_cast<int>(words.size())) {
          std::swap(words[w], words[w + 1]);
          selected = w + 1;
          changed = true;
        }
        ImGui::SameLine(0, 2);
        if (ImGui::SmallButton("x") && words.size() > 1 && !changed) {
          words.erase(words.begin() + w);
          selected = -1;
          changed = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("remove this layer"));
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  // Add a layer: after the selected one, or before the final fc where most layers belong.
  ImGui::SetNextItemWidth(160);
  if (BeginCombo("##add", tr("add a layer..."))) {
    for (const KindChoice& k : Kinds())
      if (ImGui::Selectable(TrLabel(k.name))) {
        int at = static_cast<int>(words.size());
        if (selected >= 0) at = selected + 1;
        else if (words.back().word == LayerWord::kFc) at = static_cast<int>(words.size()) - 1;
        words.insert(words.begin() + at, k.fresh);
        selected = at;
        changed = true;
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (plan.ok() && plan.layers.size() == 1) ImGui::TextDisabled(tr("1 layer, %zu parameters"), plan.parameters);
  else if (plan.ok()) ImGui::TextDisabled(tr("%zu layers, %zu parameters"), plan.layers.size(), plan.parameters);

  if (selected >= 0 && !changed) {
    ImGui::Separator();
    ImGui::Text(tr("Layer %d: %s"), selected + 1, KindName(words[selected].word));
    ImGui::PushID("fields");
    changed |= DrawLayerFields(words[selected]);
    ImGui::PopID();
  }
  if (selected != shown) t.s.layer = selected + 1;
  if (!changed) return;
  t.s.model = nn::FormatModelSpec(words);
}

}  // namespace gradlab::ui
