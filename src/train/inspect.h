// What the Train tab shows about a model, computed here so the UI does no math and tests can
// check it: weight templates of a linear classifier, conv filters and feature maps as images,
// per-layer weight and gradient norms, the share of dead ReLUs, and decision boundaries of
// 2-D models. Images are RGBA8, top row first, ready to upload as textures.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/tensor.h"
#include "data/dataset.h"
#include "nn/model.h"

namespace gradlab::train {

struct RgbaImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // width * height * 4
};

// The first layer's weights as images, when it is a Linear layer reading 3-channel images: row u
// of W for each output unit u, min-max scaled to 0..255 per image. Only in a linear classifier
// (that layer is the model's only one with weights) is each unit a class and its image the
// class's template (the lecture's "what a linear classifier learns"); in a deeper model the
// units are hidden ones, and no class goes with them. Empty when the model does not start so.
struct FirstLayerWeights {
  std::vector<RgbaImage> images;
  std::vector<std::string> captions;  // the class names for templates, else "unit 1", "unit 2", ...
  bool class_templates = false;
};
FirstLayerWeights FirstLayerWeightImages(nn::Model& model, const std::vector<std::string>& class_names);

// The filters of conv layer `layer` (index into the model): RGB when it reads 3 channels,
// otherwise the mean over input channels in grey; each min-max scaled.
std::vector<RgbaImage> ConvFilters(nn::Model& model, int layer);

// Sample `sample` of an activation (N, C, H, W) as C grey images, each min-max scaled.
std::vector<RgbaImage> FeatureMaps(const Tensor& activation, int sample);

// The feature maps of test image `index` after layer `layer`: runs the model on that image and
// returns FeatureMaps of the layer's output. With `layer` < 0, or a layer whose output is not
// image-shaped, the first layer that has image-shaped output; *shown_layer says which (-1: none).
std::vector<RgbaImage> FeatureMapsFor(nn::Model& model, const data::Dataset& data, int index, int layer, int* shown_layer);

// A dataset image (3 x H x W bytes) as RGBA, for galleries and previews.
RgbaImage ImageFromChw(const uint8_t* chw, int height, int width);
// A float image in [0, 1] (C x H x W, C = 1 or 3) as RGBA, for augmentation previews.
RgbaImage ImageFromUnitChw(const float* chw, int channels, int height, int width);

struct LayerHealth {
  int layer = 0;
  std::string spec;
  double weight_norm = 0, grad_norm = 0;  // L2 norms of the layer's weights and their gradients
  double dead_share = -1;                 // ReLU layers: share of units never positive in the
                                          // last forward batch; -1 for other layers
};
std::vector<LayerHealth> GradientFlow(nn::Model& model);

// Class probabilities over a grid for a model with 2 inputs: each pixel is the mix of the class
// colours weighted by the probabilities. Rows go from y_max (top) down to y_min.
RgbaImage DecisionBoundary(nn::Model& model, float x_min, float x_max, float y_min, float y_max,
                           int resolution, const std::vector<std::array<uint8_t, 3>>& class_colours);

// A 2-D loss surface of the optimizer race as a heat map (dark low, bright high), rows from
// y_max (top) to y_min.
RgbaImage SurfaceHeatmap(int surface, float x_min, float x_max, float y_min, float y_max, int resolution);

}  // namespace gradlab::train
