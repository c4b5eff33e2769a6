#include "train/inspect.h"

#include <algorithm>
#include <cmath>

#include "nn/activation.h"
#include "nn/conv2d.h"
#include "nn/explain.h"
#include "nn/linear.h"
#include "nn/loss.h"
#include "train/evaluate.h"

namespace gradlab::train {

namespace {

// Min-max scales `n` values of each of `channels` planes (sharing one range) into RGBA.
RgbaImage ScaledImage(const float* data, int channels, int height, int width) {
  const size_t plane = static_cast<size_t>(height) * width;
  const auto [lo_it, hi_it] = std::minmax_element(data, data + plane * channels);
  const float lo = *lo_it, range = std::max(*hi_it - lo, 1e-12f);
  RgbaImage img{width, height, std::vector<uint8_t>(plane * 4, 255)};
  for (size_t p = 0; p < plane; ++p)
    for (int c = 0; c < 3; ++c) {
      const float v = data[(channels == 3 ? c : 0) * plane + p];
      img.pixels[p * 4 + c] = static_cast<uint8_t>(std::lround(255.0f * (v - lo) / range));
    }
  return img;
}

}  // namespace

FirstLayerWeights FirstLayerWeightImages(nn::Model& model, const std::vector<std::string>& class_names) {
  FirstLayerWeights out;
  const Shape& in = model.input_shape();
  if (in.size() != 3 || in[0] != 3) return out;
  // The first layer with parameters must be the Linear one (a Flatten may come before it).
  int first = 0;
  while (first < model.num_layers() && model.layer(first).params().empty()) ++first;
  auto* fc = first < model.num_layers() ? dynamic_cast<nn::LinearT<float>*>(&model.layer(first)) : nullptr;
  if (!fc) return out;
  out.class_templates = true;
  for (int i = first + 1; i < model.num_layers(); ++i)
    if (!model.layer(i).params().empty()) out.class_templates = false;
  const int units = fc->out_features(), size = fc->in_features();
  for (int u = 0; u < units; ++u) {
    out.images.push_back(ScaledImage(fc->weight().value.ptr() + static_cast<size_t>(u) * size, 3, in[1], in[2]));
    const bool named = out.class_templates && u < static_cast<int>(class_names.size());
    out.captions.push_back(named ? class_names[u] : "unit " + std::to_string(u + 1));
  }
  return out;
}

std::vector<RgbaImage> ConvFilters(nn::Model& model, int layer) {
  std::vector<RgbaImage> out;
  if (layer < 0 || layer >= model.num_layers()) return out;
  auto* conv = dynamic_cast<nn::Conv2dT<float>*>(&model.layer(layer));
  if (!conv) return out;
  const Shape& w = conv->weight().value.shape;  // (OC, C, K, K)
  const int oc = w[0], c = w[1], k = w[2];
  std::vector<float> mean(static_cast<size_t>(k) * k);
  for (int f = 0; f < oc; ++f) {
    const float* filter = conv->weight().value.ptr() + static_cast<size_t>(f) * c * k * k;
    if (c == 3) {
      out.push_back(ScaledImage(filter, 3, k, k));
      continue;
    }
    std::fill(mean.begin(), mean.end(), 0.0f);
    for (int ch = 0; ch < c; ++ch)
      for (int p = 0; p < k * k; ++p) mean[p] += filter[ch * k * k + p] / c;
    out.push_back(ScaledImage(mean.data(), 1, k, k));
  }
  return out;
}

std::vector<RgbaImage> FeatureMapsFor(nn::Model& model, const data::Dataset& data, int index, int layer, int* shown_layer) {
  *shown_layer = -1;
  if (index < 0 || index >= data.size()) return {};
  ClassProbabilities(model, data, {index});  // the forward pass keeps every layer's output
  std::vector<RgbaImage> maps;
  if (layer >= 0 && layer < model.num_layers()) maps = FeatureMaps(model.activation(layer), 0);
  if (!maps.empty()) *shown_layer = layer;
  for (int i = 0; i < model.num_layers() && maps.empty(); ++i) {
    maps = FeatureMaps(model.activation(i), 0);
    if (!maps.empty()) *shown_layer = i;
  }
  return maps;
}

std::vector<RgbaImage> FeatureMaps(const Tensor& act, int sample) {
  std::vector<RgbaImage> out;
  if (act.rank() != 4 || sample < 0 || sample >= act.dim(0)) return out;
  const int c = act.dim(1), h = act.dim(2), w = act.dim(3);
  const float* base = act.ptr() + static_cast<size_t>(sample) * c * h * w;
  for (int ch = 0; ch < c; ++ch) out.push_back(ScaledImage(base + static_cast<size_t>(ch) * h * w, 1, h, w));
  return out;
}

RgbaImage ImageFromChw(const uint8_t* chw, int height, int width) {
  const size_t plane = static_cast<size_t>(height) * width;
  RgbaImage img{width, height, std::vector<uint8_t>(plane * 4, 255)};
  for (size_t p = 0; p < plane; ++p)
    for (int c = 0; c < 3; ++c) img.pixels[p * 4 + c] = chw[c * plane + p];
  return img;
}

RgbaImage ImageFromUnitChw(const float* chw, int channels, int height, int width) {
  const size_t plane = static_cast<size_t>(height) * width;
  RgbaImage img{width, height, std::vector<uint8_t>(plane * 4, 255)};
  for (size_t p = 0; p < plane; ++p)
    for (int c = 0; c < 3; ++c) {
      const float v = std::clamp(chw[(channels == 3 ? c : 0) * plane + p], 0.0f, 1.0f);
      img.pixels[p * 4 + c] = static_cast<uint8_t>(std::lround(255.0f * v));
    }
  return img;
}

std::vector<LayerHealth> GradientFlow(nn::Model& model) {
  std::vector<LayerHealth> out;
  for (int i = 0; i < model.num_layers(); ++i) {
    nn::LayerT<float>& layer = model.layer(i);
    LayerHealth h;
    h.layer = i;
    h.spec = layer.spec();
    for (nn::ParamT<float>* p : layer.params()) {
      if (!p->regularized) continue;  // weights, not biases
      for (float v : p->value.data) h.weight_norm += static_cast<double>(v) * v;
      for (float g : p->grad.data) h.grad_norm += static_cast<double>(g) * g;
    }
    h.weight_norm = std::sqrt(h.weight_norm);
    h.grad_norm = std::sqrt(h.grad_norm);
    auto* act = dynamic_cast<nn::ActivationT<float>*>(&layer);
    const Tensor& y = model.activation(i);
    if (act && act->activation() == nn::ActivationKind::kReLU && y.rank() >= 2 && y.dim(0) > 0) {
      // A unit is dead for this batch if it is zero for every sample.
      const size_t units = y.inner();
      size_t dead = 0;
      for (size_t u = 0; u < units; ++u) {
        bool alive = false;
        for (int n = 0; n < y.dim(0) && !alive; ++n) alive = y[n * units + u] > 0;
        dead += !alive;
      }
      h.dead_share = units ? static_cast<double>(dead) / units : 0;
    }
    if (!layer.params().empty() || h.dead_share >= 0) out.push_back(h);
  }
  return out;
}

RgbaImage DecisionBoundary(nn::Model& model, float x_min, float x_max, float y_min, float y_max,
                           int resolution, const std::vector<std::array<uint8_t, 3>>& colours) {
  RgbaImage img;
  if (model.input_shape() != Shape{2} || resolution < 2 || colours.empty()) return img;
  img.width = img.height = resolution;
  img.pixels.assign(static_cast<size_t>(resolution) * resolution * 4, 255);
  Tensor x({resolution, 2}), probs;
  for (int row = 0; row < resolution; ++row) {
    const float y = y_max - (y_max - y_min) * (row + 0.5f) / resolution;
    for (int col = 0; col < resolution; ++col) {
      x[col * 2] = x_min + (x_max - x_min) * (col + 0.5f) / resolution;
      x[col * 2 + 1] = y;
    }
    nn::Softmax(model.Forward(x, nn::Mode::kEval), probs);
    const int k = probs.dim(1);
    for (int col = 0; col < resolution; ++col) {
      float rgb[3] = {0, 0, 0};
      for (int c = 0; c < k; ++c)
        for (int ch = 0; ch < 3; ++ch) rgb[ch] += probs[col * k + c] * colours[c % colours.size()][ch];
      for (int ch = 0; ch < 3; ++ch)
        img.pixels[(static_cast<size_t>(row) * resolution + col) * 4 + ch] = static_cast<uint8_t>(std::lround(std::clamp(rgb[ch], 0.0f, 255.0f)));
    }
  }
  return img;
}

RgbaImage SurfaceHeatmap(int surface, float x_min, float x_max, float y_min, float y_max, int resolution) {
  RgbaImage img{resolution, resolution, std::vector<uint8_t>(static_cast<size_t>(resolution) * resolution * 4, 255)};
  std::vector<double> v(static_cast<size_t>(resolution) * resolution);
  for (int r = 0; r < resolution; ++r)
    for (int c = 0; c < resolution; ++c)
      v[r * resolution + c] = nn::SurfaceValue(static_cast<nn::Surface>(surface), x_min + (x_max - x_min) * (c + 0.5) / resolution,
                                               y_max - (y_max - y_min) * (r + 0.5) / resolution);
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  // Square root spreads the low values, where the paths end. Twelve contour levels: a pixel is on
  // a contour where its level differs from the next pixel's to the right or below, so a line is
  // unbroken however steep the surface (a band of values would break into dashes there).
  std::vector<double> shade(v.size());
  std::vector<int> level(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    shade[i] = std::sqrt((v[i] - *lo) / std::max(*hi - *lo, 1e-12));
    level[i] = static_cast<int>(shade[i] * 12);
  }
  for (size_t i = 0; i < v.size(); ++i) {
    const double t = shade[i];
    const int r = static_cast<int>(i) / resolution, c = static_cast<int>(i) % resolution;
    const bool contour = (c + 1 < resolution && level[i + 1] != level[i]) || (r + 1 < resolution && level[i + resolution] != level[i]);
    const double band = contour ? 0.7 : 1.0;
    img.pixels[i * 4 + 0] = static_cast<uint8_t>(std::lround(band * (30 + 180 * t)));
    img.pixels[i * 4 + 1] = static_cast<uint8_t>(std::lround(band * (40 + 110 * t)));
    img.pixels[i * 4 + 2] = static_cast<uint8_t>(std::lround(band * (70 + 60 * (1 - t))));
  }
  return img;
}

}  // namespace gradlab::train
