// The Train tab's views of a run. Everything shown comes from the session and the engine's
// inspection helpers; this file only lays it out.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "core/text.h"
#include "i18n/translate.h"
#include "train/evaluate.h"
#include "ui/augment_editor.h"
#include "ui/focused_control.h"
#include "ui/hook_items.h"
#include "ui/layout.h"
#include "ui/plot.h"
#include "ui/services.h"
#include "ui/spoken_inputs.h"
#include "ui/train_controller.h"
#include "ui/train_tab.h"
#include "ui/train_textures.h"

namespace gradlab::ui {

namespace {

const ImU32 kRunColours[] = {IM_COL32(110, 170, 255, 255), IM_COL32(250, 160, 70, 255), IM_COL32(120, 210, 120, 255),
                             IM_COL32(230, 110, 200, 255), IM_COL32(200, 200, 90, 255)};
const ImU32 kClassColours[] = {IM_COL32(230, 90, 80, 255),  IM_COL32(80, 150, 230, 255), IM_COL32(110, 200, 110, 255),
                               IM_COL32(240, 190, 60, 255), IM_COL32(170, 110, 220, 255), IM_COL32(70, 200, 200, 255),
                               IM_COL32(240, 130, 200, 255), IM_COL32(150, 150, 150, 255), IM_COL32(200, 140, 90, 255),
                               IM_COL32(120, 120, 240, 255)};

// Test images as textures, made the first time they are shown.
const Texture& TestThumbnail(TrainUi& t, int i) {
  const auto& d = *t.data.test;
  if (t.views.test_thumbs.size() != static_cast<size_t>(d.size())) t.views.test_thumbs.assign(d.size(), Texture{});
  Texture& tex = t.views.test_thumbs[i];
  if (!tex.id) tex = {services().UploadTexture(0, train::ImageFromChw(d.pixels.data() + static_cast<size_t>(i) * d.sample_size(), 32, 32)), 32, 32};
  return tex;
}

void Placeholder(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
}

// [SECTION] Curves ------------------------------------------------------------------------

void DrawCurves(TrainUi& t) {
  const float h = std::max(120.0f, (ImGui::GetContentRegionAvail().y - 140) / 3);
  std::vector<PlotSeries> loss;
  PlotOptions loss_opt{tr("step"), false, t.s.loss_log, false, true};
  for (size_t i = 0; i < t.kept.size(); ++i) {
    if (!t.kept[i].visible) continue;
    const auto& curve = t.kept[i].history.smoothed_loss;
    loss.push_back({t.kept[i].label, curve.data(), static_cast<int>(curve.size()), Readable(kRunColours[(i + 1) % 5])});
  }
  const train::History* h_now = t.session ? &t.session->history() : nullptr;
  if (h_now && !h_now->step_loss.empty()) {
    loss.push_back({tr("loss"), h_now->step_loss.data(), static_cast<int>(h_now->step_loss.size()), IM_COL32(110, 170, 255, 90), 1});
    loss.push_back({tr("smoothed"), h_now->smoothed_loss.data(), static_cast<int>(h_now->smoothed_loss.size()), Readable(kRunColours[0]), 2});
    if (t.session->phase() == train::Phase::kDiverged) loss_opt.markers.push_back(static_cast<float>(h_now->step_loss.size()));
  }
  ImGui::Text("%s", tr("Training loss per step"));
  ImGui::SameLine();
  ImGui::Checkbox(TrLabel("log scale"), &t.s.loss_log);
  NoteLastItem("loss-log-scale");
  if (loss.empty()) Placeholder(tr("Press Start: the loss of every step appears here."));
  else DrawPlot("loss", ImVec2(-1, h), loss, loss_opt);

  std::vector<std::vector<float>> acc_data;
  std::vector<PlotSeries> acc;
  auto add_acc = [&](const train::History& hist, ImU32 colour, const std::string& label) {
    std::vector<float> train_acc, test_acc;
    for (const auto& e : hist.epochs) {
      train_acc.push_back(static_cast<float>(e.train_accuracy));
      test_acc.push_back(static_cast<float>(e.test_accuracy));
    }
    acc_data.push_back(train_acc);
    acc.push_back({Fill(tr("{0} train"), {label}), acc_data.back().data(), static_cast<int>(train_acc.size()),
                   (colour & 0x00FFFFFF) | 0x80000000, 1.5f, 1, 1});
    acc_data.push_back(test_acc);
    acc.push_back({Fill(tr("{0} test"), {label}), acc_data.back().data(), static_cast<int>(test_acc.size()), colour, 2.5f, 1, 1});
  };
  acc_data.reserve(2 * (t.kept.size() + 1));
  for (size_t i = 0; i < t.kept.size(); ++i)
    if (t.kept[i].visible) add_acc(t.kept[i].history, Readable(kRunColours[(i + 1) % 5]), Fill(tr("kept {0}"), {std::to_string(i + 1)}));
  if (h_now) add_acc(*h_now, Readable(kRunColours[0]), tr("this run"));
  ImGui::Text("%s", tr("Accuracy per epoch (faint: train, bold: test)"));
  if (!h_now || h_now->epochs.empty()) Placeholder(tr("Appears after the first epoch."));
  else {
    DrawPlot("accuracy", ImVec2(-1, h), acc, {tr("epoch"), true, false, true, true});
    NoteLastItem("accuracy-plot");
  }

  ImGui::Text("%s", tr("Learning rate"));
  if (h_now && !h_now->step_lr.empty())
    DrawPlot("lr", ImVec2(-1, h * 0.6f), {{tr("learning rate"), h_now->step_lr.data(), static_cast<int>(h_now->step_lr.size()), IM_COL32(240, 190, 80, 255)}},
             {tr("step"), true});
  for (size_t i = 0; i < t.kept.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::Checkbox("##show", &t.kept[i].visible);
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(Readable(kRunColours[(i + 1) % 5])), tr("kept %zu: %s"), i + 1, t.kept[i].label.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(TrLabel("remove"))) {
      t.kept.erase(t.kept.begin() + static_cast<long>(i));
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
}

// [SECTION] Weights, filters, feature maps ------------------------------------------------------

void DrawWeights(TrainUi& t) {
  if (!t.session) return Placeholder(tr("Train a linear model on CIFAR-10 to see what it learns: one template image per class."));
  if (t.views.templates.empty())
    return Placeholder(tr("The first layer's weights are shown for models whose first layer is fully connected to the image "
                       "(for 'linear' they are the class templates)."));
  if (t.views.class_templates)
    ImGui::TextWrapped("%s", tr("Each class's row of W as an image: the linear classifier scores an image by how well it matches these templates."));
  else
    ImGui::TextWrapped("%s", tr("The first layer's weights: each hidden unit's row of W as an image. They are not class templates: "
                       "the layers after them decide the classes."));
  ImageGrid(t.views.templates, 96, &t.views.template_captions, 5);
}

// One test image (picked by a slider) and its feature maps after any layer whose output is
// still an image: conv, activation, pooling, batch norm.
void DrawFeatureMaps(TrainUi& t) {
  const nn::Model& model = t.session->model();
  const auto& test = t.session->test_data();
  const int index = std::clamp(t.views.feature_image, 0, std::max(0, test.size() - 1));
  ImGui::SetNextItemWidth(200);
  if (SliderInt(TrLabel("test image"), &t.views.feature_image, 0, std::max(0, test.size() - 1))) t.views.textures_step = -1;
  ImGui::SameLine();
  char current[96] = "";
  if (t.views.feature_layer >= 0 && t.views.feature_layer < model.num_layers())
    std::snprintf(current, sizeof current, "%d %s", t.views.feature_layer, model.layer(t.views.feature_layer).spec().c_str());
  ImGui::SetNextItemWidth(200);
  if (BeginCombo(TrLabel("layer"), current)) {
    for (int i = 0; i < model.num_layers(); ++i) {
      const Shape& out = model.layer(i).output_shape();
      if (out.size() != 3) continue;
      char label[96];
      std::snprintf(label, sizeof label, "%d %s (%s)", i, model.layer(i).spec().c_str(), ShapeToString(out).c_str());
      if (ImGui::Selectable(label, i == t.views.feature_layer)) {
        t.views.feature_layer = i;
        t.views.textures_step = -1;
      }
    }
    ImGui::EndCombo();
  }
  if (test.size() > 0 && test.is_image()) {
    ImGui::Image(TestThumbnail(t, index).id, ImVec2(64, 64));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Text(tr("test image %d: %s"), index, test.class_names[test.labels[index]].c_str());
    if (t.views.feature_layer >= 0 && t.views.feature_layer < model.num_layers())
      ImGui::TextDisabled(tr("%zu maps of %s after layer %d (%s); bright = large"), t.views.feature_maps.size(),
                          ShapeToString(Shape(model.layer(t.views.feature_layer).output_shape().begin() + 1,
                                              model.layer(t.views.feature_layer).output_shape().end())).c_str(),
                          t.views.feature_layer, model.layer(t.views.feature_layer).spec().c_str());
    ImGui::EndGroup();
  }
  ImageGrid(t.views.feature_maps, t.views.feature_maps.size() > 20 ? 40.0f : 56.0f, nullptr, t.views.feature_maps.size() > 20 ? 16 : 10);
}

void DrawFilters(TrainUi& t) {
  if (!t.session) return Placeholder(tr("Train a CNN to see its filters, feature maps and gradient flow."));
  if (!t.views.filters.empty()) {
    ImGui::Text("%s", tr("First conv layer's filters"));
    ImageGrid(t.views.filters, 40, nullptr, 16);
    DrawFeatureMaps(t);
  } else {
    Placeholder(tr("This model has no conv layer."));
  }
  ImGui::Separator();
  ImGui::Text("%s", tr("Gradient flow (last step): weight and gradient norms per layer, dead ReLUs"));
  // Recomputed when the model has changed, not every frame.
  if (t.views.health_step != t.session->steps()) {
    t.views.health = train::GradientFlow(t.session->model());
    t.views.health_step = t.session->steps();
  }
  const auto& health = t.views.health;
  if (ImGui::BeginTable("health", 4, ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(tr("layer"));
    ImGui::TableSetupColumn("|W|");
    ImGui::TableSetupColumn(tr("|dW|"));
    ImGui::TableSetupColumn(tr("dead ReLUs"));
    ImGui::TableHeadersRow();
    for (const auto& l : health) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d %s", l.layer, l.spec.c_str());
      ImGui::TableNextColumn();
      if (l.dead_share < 0) ImGui::Text("%.3g", l.weight_norm);
      ImGui::TableNextColumn();
      if (l.dead_share < 0) ImGui::Text("%.3g", l.grad_norm);
      ImGui::TableNextColumn();
      if (l.dead_share >= 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f%%", 100 * l.dead_share);
        ImGui::ProgressBar(static_cast<float>(l.dead_share), ImVec2(120, 0), buf);
      }
    }
    ImGui::EndTable();
  }
}

// [SECTION] Confusion matrix ------------------------------------------------------------------

void DrawConfusion(TrainUi& t) {
  if (!t.session || t.session->history().epochs.empty()) return Placeholder(tr("The confusion matrix of the test set appears after the first epoch."));
  const train::Evaluation& e = t.session->last_test_evaluation();
  const auto& names = t.session->test_data().class_names;
  const int k = static_cast<int>(names.size());
  const auto per_class = e.per_class_accuracy();
  ImGui::TextWrapped(tr("Test set after epoch %d: %.1f%% correct. Rows: true class; columns: predicted. Click a cell to see its images."),
                     t.session->history().epochs.back().epoch, 100 * e.accuracy());
  // Ten classes are wider than a phone: there the table scrolls sideways (so it needs a height).
  const ImGuiStyle& style = ImGui::GetStyle();
  float name_width = ImGui::CalcTextSize(tr("true \\ predicted")).x;
  for (const std::string& name : names) name_width = std::max(name_width, ImGui::CalcTextSize(name.c_str()).x);
  const float contents = name_width + k * ImGui::CalcTextSize("000000").x + ImGui::CalcTextSize(tr("accuracy")).x;
  const bool scrolls = TableWidth(contents, k + 2) > ImGui::GetContentRegionAvail().x;
  const float row = ImGui::GetTextLineHeight() + 2 * style.CellPadding.y;
  const ImVec2 outer = scrolls ? ImVec2(0, (k + 1) * row + style.ScrollbarSize + 2) : ImVec2(0, 0);
  if (ImGui::BeginTable("confusion", k + 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | (scrolls ? ImGuiTableFlags_ScrollX : 0),
                        outer)) {
    if (scrolls) ImGui::TableSetupScrollFreeze(1, 0);  // the class names stay in view
    ImGui::TableSetupColumn(tr("true \\ predicted"));
    for (int c = 0; c < k; ++c) ImGui::TableSetupColumn(names[c].substr(0, 6).c_str());
    ImGui::TableSetupColumn(tr("accuracy"));
    ImGui::TableHeadersRow();
    for (int r = 0; r < k; ++r) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(names[r].c_str());
      int row_total = 0;
      for (int c = 0; c < k; ++c) row_total += e.confusion[r][c];
      for (int c = 0; c < k; ++c) {
        ImGui::TableNextColumn();
        const float share = row_total ? static_cast<float>(e.confusion[r][c]) / row_total : 0;
        const ImU32 bg = r == c ? IM_COL32(60, 160, 80, static_cast<int>(40 + 200 * share))
                                : IM_COL32(200, 70, 60, static_cast<int>(200 * share));
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, bg);
        char cell[32];
        std::snprintf(cell, sizeof cell, "%d##%d_%d", e.confusion[r][c], r, c);
        if (ImGui::Selectable(cell, t.views.confusion_row == r && t.views.confusion_col == c)) {
          t.views.confusion_row = r;
          t.views.confusion_col = c;
        }
        if (r == 0 && (c == 0 || c == k - 1)) NoteLastItem(c == 0 ? "confusion-first-cell" : "confusion-last-column");
      }
      ImGui::TableNextColumn();
      ImGui::Text("%.1f%%", 100 * per_class[r]);
    }
    ImGui::EndTable();
  }
  if (t.views.confusion_row >= 0 && t.views.confusion_row < k && t.views.confusion_col < k) {
    const auto& d = t.session->test_data();
    ImGui::Text(tr("True %s, predicted %s:"), names[t.views.confusion_row].c_str(), names[t.views.confusion_col].c_str());
    int shown = 0;
    for (int i = 0; i < static_cast<int>(e.predicted.size()) && shown < 40; ++i) {
      if (d.labels[i] != t.views.confusion_row || e.predicted[i] != t.views.confusion_col) continue;
      if (d.is_image()) {
        if (shown % 10) ImGui::SameLine();
        ImGui::Image(TestThumbnail(t, i).id, ImVec2(40, 40));
      } else {
        if (shown % 6) ImGui::SameLine();
        ImGui::Text("(%.2f, %.2f)", d.features[2 * i], d.features[2 * i + 1]);
      }
      ++shown;
    }
    if (shown == 0) ImGui::TextDisabled("%s", tr("none"));
  }
}

// [SECTION] Predictions -----------------------------------------------------------------------

void ProbabilityBars(const std::vector<std::string>& names, const float* probs, int k, int truth) {
  std::vector<int> order(k);
  for (int c = 0; c < k; ++c) order[c] = c;
  std::sort(order.begin(), order.end(), [&](int a, int b) { return probs[a] > probs[b]; });
  for (int i = 0; i < std::min(k, 3); ++i) {
    const int c = order[i];
    const std::string label = names[c] + " " + FormatPercent(probs[c]);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, c == truth ? ImVec4(0.3f, 0.7f, 0.35f, 1) : ImVec4(0.75f, 0.35f, 0.3f, 1));
    ImGui::ProgressBar(probs[c], ImVec2(150, 14), label.c_str());
    ImGui::PopStyleColor();
  }
}

void DrawPredictions(TrainUi& t) {
  if (!t.session) return Placeholder(tr("Train a model to see its predictions on test images."));
  const auto& d = t.session->test_data();
  const int k = d.num_classes();
  if (d.is_image()) {
    if (ImGui::Button(TrLabel("Score your own image..."))) LoadOwnImage(t);
    NoteLastItem("own-image");
    if (!t.views.own_image_message.empty()) {
      ImGui::SameLine();
      ImGui::TextWrapped("%s", t.views.own_image_message.c_str());
    }
    if (!t.views.own_image_probs.empty() && static_cast<int>(t.views.own_image_probs.size()) == k) {
      ImGui::Image(t.views.own_image.id, ImVec2(64, 64));
      ImGui::SameLine();
      ImGui::BeginGroup();
      ProbabilityBars(d.class_names, t.views.own_image_probs.data(), k, -1);
      ImGui::EndGroup();
    }
    ImGui::Separator();
  }
  std::vector<int> indices;
  for (int i = 0; i < std::min(12, d.size()); ++i) indices.push_back(i);
  // One forward pass per training step shown, not one per frame.
  if (t.views.predictions_step != t.session->steps() || t.views.predictions.size() != indices.size() * k) {
    t.views.predictions = train::ClassProbabilities(t.session->model(), d, indices);
    t.views.predictions_step = t.session->steps();
  }
  const std::vector<float>& probs = t.views.predictions;
  const size_t columns = std::clamp(static_cast<size_t>(ImGui::GetContentRegionAvail().x / 260), size_t{1}, size_t{3});
  for (size_t n = 0; n < indices.size(); ++n) {
    if (n % columns) ImGui::SameLine(static_cast<float>(n % columns) * 260 + 8);
    ImGui::BeginGroup();
    if (d.is_image()) {
      ImGui::Image(TestThumbnail(t, static_cast<int>(n)).id, ImVec2(56, 56));
      ImGui::SameLine();
    }
    ImGui::BeginGroup();
    ImGui::Text("%s", d.class_names[d.labels[n]].c_str());
    ProbabilityBars(d.class_names, probs.data() + n * k, k, d.labels[n]);
    ImGui::EndGroup();
    ImGui::EndGroup();
  }
}

// [SECTION] Decision boundary -------------------------------------------------------------------

void DrawBoundary(TrainUi& t) {
  if (!t.session || t.session->model().input_shape() != Shape{2})
    return Placeholder(tr("Choose toy 2-D data and train: the decision boundary is drawn over the points, live."));
  const float size = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y) - 10;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(t.views.boundary.id, ImVec2(size, size));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto& d = t.session->train_data();
  for (int i = 0; i < d.size(); ++i) {
    const float x = (d.features[2 * i] + 1.2f) / 2.4f, y = (1.2f - d.features[2 * i + 1]) / 2.4f;
    const ImVec2 p(origin.x + x * size, origin.y + y * size);
    dl->AddCircleFilled(p, 3.5f, kClassColours[d.labels[i] % 10]);
    dl->AddCircle(p, 3.5f, IM_COL32(0, 0, 0, 160));
  }
}

}  // namespace

void DrawTrainViews(TrainUi& t, bool view_selector) {
  using settings::TrainView;
  const char* labels[] = {N_("Curves"), N_("Weights"), N_("Filters & gradient flow"), N_("Confusion matrix"), N_("Predictions"), N_("Decision boundary"),
                          N_("Augmented images")};
  for (int i = 0; i < settings::kTrainViewCount && view_selector; ++i) {
    if (i) SameLineIfFits(RadioWidth(TrLabel(labels[i])));  // wraps rather than clipping "Decision boundary"
    const auto view = static_cast<TrainView>(i);
    const bool picked = RadioButton(TrLabel(labels[i]), t.s.view == view);
    NoteLastItem((std::string("view-") + settings::TrainViewName(view)).c_str());
    if (picked) {
      t.s.view = view;
      t.views.textures_step = -1;  // make this view's images now
    }
  }
  ImGui::Separator();
  // Divergence is said at the top, whatever the view, with the way back.
  if (t.session && t.session->phase() == train::Phase::kDiverged) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.45f, 0.12f, 0.1f, 1.0f));
    ImGui::BeginChild("diverged", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 4.2f), true);
    ImGui::TextWrapped("%s", train::DivergenceMessage(t.session->divergence()).c_str());
    if (ImGui::Button(TrLabel("Go back to the last good weights and divide the learning rate by 10"))) RecoverFromDivergence(t);
    ImGui::SameLine();
    if (ImGui::Button(TrLabel("Start over"))) ResetTraining(t);
    EndChild(N_("Training diverged"));
    ImGui::PopStyleColor();
  }
  switch (t.s.view) {
    case TrainView::kCurves: DrawCurves(t); break;
    case TrainView::kWeights: DrawWeights(t); break;
    case TrainView::kFilters: DrawFilters(t); break;
    case TrainView::kConfusion: DrawConfusion(t); break;
    case TrainView::kPredictions: DrawPredictions(t); break;
    case TrainView::kBoundary: DrawBoundary(t); break;
    case TrainView::kAugment: DrawAugmentedView(t); break;
  }
}

}  // namespace gradlab::ui
