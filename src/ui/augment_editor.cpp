#include "ui/augment_editor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "data/augment.h"
#include "i18n/translate.h"
#include "train/inspect.h"
#include "ui/services.h"
#include "ui/spoken_inputs.h"
#include "ui/train_controller.h"
#include "ui/train_textures.h"

namespace gradlab::ui {

namespace {

constexpr int kPreviewImages = 8;  // mixup/CutMix pair image i with image 7 - i

// One switch per kind with its values; edits go back into the text form.
void DrawSwitches(TrainUi& t) {
  auto parsed = data::ParseAugmentSpec(t.s.augment);
  if (!parsed) return;  // the text has a mistake: settings_error shows it
  data::AugmentConfig config = *parsed;
  bool changed = false;
  for (data::AugmentItem& item : data::AugmentItems(config)) {
    ImGui::PushID(item.name);
    changed |= ImGui::Checkbox(item.name, item.on);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(item.help));
    if (*item.on) {
      ImGui::Indent();
      for (const data::AugmentParam& p : item.params) {
        ImGui::SetNextItemWidth(150);
        if (p.whole) {
          changed |= SliderInt(p.name, p.whole, static_cast<int>(p.lo), static_cast<int>(p.hi), "%d", ImGuiSliderFlags_AlwaysClamp);
        } else {
          float v = static_cast<float>(*p.real);
          // Mixing alphas span 0.01 to 100, where a log scale is the useful one.
          const ImGuiSliderFlags log = p.hi / std::max(p.lo, 1e-9) >= 1000 ? ImGuiSliderFlags_Logarithmic : 0;
          if (SliderFloat(p.name, &v, static_cast<float>(p.lo), static_cast<float>(p.hi), "%.2f", log | ImGuiSliderFlags_AlwaysClamp)) {
            *p.real = std::round(v * 100) / 100;  // two decimals keep the text form short
            changed = true;
          }
        }
      }
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  if (changed)
    t.s.augment = config.any() ? data::FormatAugmentSpec(config) : "";
}

// "cat" for a one-hot row; "cat 62%\ndog 38%" for a mixed one.
std::string TargetLabel(const data::Dataset& d, const float* row) {
  std::vector<int> order(d.num_classes());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return row[a] > row[b]; });
  if (row[order[0]] > 0.999f) return d.class_names[order[0]];
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s %.0f%%\n%s %.0f%%", d.class_names[order[0]].c_str(), 100 * row[order[0]],
                d.class_names[order[1]].c_str(), 100 * row[order[1]]);
  return buf;
}

void MakePreview(TrainUi& t, uint64_t draw) {
  ClearTextures(t.views.augment_preview);
  t.views.augment_labels.clear();
  const data::Dataset& d = *t.data.train;
  const int count = std::min(kPreviewImages, d.size());
  Rng rng(t.s.seed * 7919 + draw);
  std::vector<int> indices(count);
  for (int& i : indices) i = static_cast<int>(rng.Below(static_cast<uint32_t>(d.size())));
  Tensor x, targets;
  data::AugmentBatchUnit(d, indices.data(), count, t.cfg.augment, rng, x, targets);
  for (int i = 0; i < count; ++i) {
    const float* image = x.ptr() + static_cast<size_t>(i) * d.sample_size();
    t.views.augment_preview.push_back({services().UploadTexture(0, train::ImageFromUnitChw(image, 3, 32, 32)), 32, 32});
    t.views.augment_labels.push_back(TargetLabel(d, targets.ptr() + static_cast<size_t>(i) * d.num_classes()));
  }
}

// The augmented images in a grid of `side`-pixel images, `columns` wide.
void DrawPreview(TrainUi& t, float side, int columns) {
  // Shown whenever the augmentation text is right, even while another setting is not.
  if (!t.data.train || !t.data.train->is_image() || !t.views.augment_ok || !t.cfg.augment.any()) return;
  // New images when the settings change or the student asks; the same ones otherwise, so the
  // grid does not flicker.
  if (ImGui::SmallButton(TrLabel("new samples")) || t.s.augment != t.views.augment_preview_key || t.views.augment_preview.empty()) {
    t.views.augment_preview_key = t.s.augment;
    MakePreview(t, ++t.views.augment_draws);
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("as training sees them"));
  ImageGrid(t.views.augment_preview, side, &t.views.augment_labels, columns);
}

}  // namespace

void DrawAugmentationEditor(TrainUi& t) {
  ImGui::SetNextItemWidth(-110);
  InputText(TrLabel("augmentation"), &t.s.augment);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("e.g. hflip,crop:4,jitter:0.4,cutout:8,mixup:0.2 (see README)"));
  if (ImGui::TreeNode(TrLabel("augmentations one by one"))) {
    DrawSwitches(t);
    ImGui::TreePop();
  }
  DrawPreview(t, 72, 4);
}

void DrawAugmentedView(TrainUi& t) {
  if (!t.data.train || !t.data.train->is_image()) {
    ImGui::TextDisabled("%s", tr("Augmentation changes images: choose CIFAR-10 images in the Data panel."));
    return;
  }
  if (!t.views.augment_ok || !t.cfg.augment.any()) {
    ImGui::TextWrapped("%s", tr("Type an augmentation in the Training panel (for example hflip,crop:4,jitter:0.4) to see the images as "
                       "training sees them, with their labels."));
    return;
  }
  ImGui::TextWrapped(tr("Training images as the model sees them with %s: a new draw at every step, the same label unless "
                     "mixup or CutMix blends two."), t.s.augment.c_str());
  DrawPreview(t, 128, 4);
}

}  // namespace gradlab::ui
