// The images the Train tab's views show (weight templates, filters, feature maps, the decision
// boundary), made from the model now and then while it trains and uploaded as textures.
#include "ui/train_textures.h"

#include <algorithm>
#include <array>

#include <imgui.h>

#include "ui/services.h"

namespace gradlab::ui {

void ClearTextures(std::vector<Texture>& textures) {
  for (const Texture& tex : textures)
    if (tex.id) services().DeleteTexture(tex.id);
  textures.clear();
}

void RefreshTextures(TrainUi& t, bool force) {
  if (!t.session) return;
  const double now = services().Seconds();
  if (!force && (t.session->steps() == t.views.textures_step || now - t.views.textures_time < 0.3)) return;
  t.views.textures_step = t.session->steps();
  t.views.textures_time = now;
  nn::Model& model = t.session->model();
  auto upload = [](std::vector<Texture>& into, const std::vector<train::RgbaImage>& images) {
    if (into.size() > images.size()) {
      std::vector<Texture> extra(into.begin() + static_cast<long>(images.size()), into.end());
      ClearTextures(extra);
    }
    into.resize(images.size());
    for (size_t i = 0; i < images.size(); ++i) {
      into[i].id = services().UploadTexture(into[i].id, images[i]);
      into[i].width = images[i].width;
      into[i].height = images[i].height;
    }
  };
  if (t.s.view == settings::TrainView::kWeights) {
    train::FirstLayerWeights weights = train::FirstLayerWeightImages(model, t.session->train_data().class_names);
    upload(t.views.templates, weights.images);
    t.views.template_captions = std::move(weights.captions);
    t.views.class_templates = weights.class_templates;
  }
  if (t.s.view == settings::TrainView::kFilters) {
    std::vector<train::RgbaImage> filters;
    for (int i = 0; i < model.num_layers() && filters.empty(); ++i) filters = train::ConvFilters(model, i);
    upload(t.views.filters, filters);
    // Feature maps of one test image after the chosen layer (the first conv layer unless one
    // with image-shaped output was picked).
    if (t.data.test && t.data.test->size() > 0) {
      const int index = std::clamp(t.views.feature_image, 0, t.data.test->size() - 1);
      const auto maps = train::FeatureMapsFor(model, *t.data.test, index, t.views.feature_layer, &t.views.feature_layer);
      upload(t.views.feature_maps, maps);
    }
  }
  if (t.s.view == settings::TrainView::kBoundary && model.input_shape() == Shape{2}) {
    static const std::vector<std::array<uint8_t, 3>> colours = {
        {230, 90, 80}, {80, 150, 230}, {110, 200, 110}, {240, 190, 60}, {170, 110, 220},
        {70, 200, 200}, {240, 130, 200}, {150, 150, 150}, {200, 140, 90}, {120, 120, 240}};
    const auto image = train::DecisionBoundary(model, -1.2f, 1.2f, -1.2f, 1.2f, 96, colours);
    t.views.boundary.id = services().UploadTexture(t.views.boundary.id, image);
    t.views.boundary.width = image.width;
    t.views.boundary.height = image.height;
  }
}


void ImageGrid(const std::vector<Texture>& images, float size, const std::vector<std::string>* captions, int columns) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  columns = std::clamp(static_cast<int>((ImGui::GetContentRegionAvail().x + spacing) / (size + spacing)), 1, columns);
  for (size_t i = 0; i < images.size(); ++i) {
    if (i % columns) ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Image(images[i].id, ImVec2(size, size));
    if (captions && i < captions->size()) ImGui::TextUnformatted((*captions)[i].c_str());
    ImGui::EndGroup();
  }
}

}  // namespace gradlab::ui
