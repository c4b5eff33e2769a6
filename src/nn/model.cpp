#include "nn/model.h"

#include "nn/activation.h"
#include "nn/batchnorm.h"
#include "nn/conv2d.h"
#include "nn/dropout.h"
#include "nn/flatten.h"
#include "nn/linear.h"
#include "nn/maxout.h"
#include "nn/maxpool2d.h"
#include "nn/model_budget.h"
#include "nn/model_spec.h"
#include "i18n/translate.h"

namespace gradlab::nn {

namespace {

template <typename T>
std::unique_ptr<LayerT<T>> MakeLayer(const ParsedLayer& p, int num_classes) {
  switch (p.word) {
    case LayerWord::kFc: return std::make_unique<LinearT<T>>(p.a > 0 ? p.a : num_classes);
    case LayerWord::kConv: return std::make_unique<Conv2dT<T>>(p.a, p.b, p.c, p.d);
    case LayerWord::kPool: return std::make_unique<MaxPool2dT<T>>(p.a, p.b);
    case LayerWord::kReLU: return std::make_unique<ActivationT<T>>(ActivationKind::kReLU);
    case LayerWord::kLeakyReLU: return std::make_unique<ActivationT<T>>(ActivationKind::kLeakyReLU, static_cast<T>(p.value));
    case LayerWord::kSigmoid: return std::make_unique<ActivationT<T>>(ActivationKind::kSigmoid);
    case LayerWord::kTanh: return std::make_unique<ActivationT<T>>(ActivationKind::kTanh);
    case LayerWord::kELU: return std::make_unique<ActivationT<T>>(ActivationKind::kELU, static_cast<T>(p.value));
    case LayerWord::kMaxout: return std::make_unique<MaxoutT<T>>(p.a);
    case LayerWord::kDropout: return std::make_unique<DropoutT<T>>(p.value);
    case LayerWord::kBatchNorm: return std::make_unique<BatchNormT<T>>();
    case LayerWord::kFlatten: return std::make_unique<FlattenT<T>>();
  }
  return nullptr;
}

}  // namespace

template <typename T>
Result<ModelT<T>> ModelT<T>::Create(const std::string& spec, const Shape& input, int num_classes,
                                    uint64_t seed, InitKind init) {
  using R = Result<ModelT<T>>;
  if (num_classes < 2) return R::Error(tr("a classifier needs at least 2 classes"));
  if (input.empty() || ShapeSize(input) == 0) return R::Error(tr("the input shape is empty"));
  Result<std::vector<ParsedLayer>> parsed = ParseModelSpec(spec);
  if (!parsed) return R::Error(Fill(tr("model spec: {0}"), {parsed.error()}));
  const std::vector<ParsedLayer> words = WithClosingFc(spec, *parsed);
  // Sizes first, in 64 bits: nothing is allocated for a model that cannot fit.
  if (auto cost = CheckModelBudget(spec, input, num_classes); !cost) return R::Error(cost.error());

  ModelT<T> model;
  model.spec_ = spec;
  model.input_ = input;
  model.classes_ = num_classes;
  Shape shape = input;
  for (size_t i = 0; i < words.size(); ++i) {
    const ParsedLayer& p = words[i];
    if (p.word == LayerWord::kFc && shape.size() == 3) {  // as torch.nn.Flatten would
      model.layers_.push_back(std::make_unique<FlattenT<T>>());
      shape = *model.layers_.back()->Build(shape);
    }
    std::unique_ptr<LayerT<T>> layer = MakeLayer<T>(p, num_classes);
    Result<Shape> out = layer->Build(shape);
    if (!out)
      return R::Error(Fill(tr("model spec: {0}"),
                           {PointAt(spec, p, Fill(tr("'{0}' cannot take a {1} input: {2}"), {p.text, ShapeToString(shape), out.error()}))}));
    shape = *out;
    model.layers_.push_back(std::move(layer));
  }
  if (shape != Shape{num_classes}) {
    return R::Error(Fill(tr("model spec: the model ends with {0} outputs but the data has {1} classes; end with 'fc' (no number) to match the data"),
                         {ShapeToString(shape), std::to_string(num_classes)}));
  }
  Rng rng(seed);
  for (auto& layer : model.layers_) layer->Init(rng, init);
  // The classifier (the last layer with weights, when it is a Linear one) starts 10x smaller than
  // He or Xavier: the scores start near 0, every class near 1/K, and the first loss near ln K,
  // the lecture's first sanity check (He alone gave 3.55 for 10 classes, not 2.30). Scaling after
  // Init draws the same random numbers, so every other layer starts as before.
  for (auto it = model.layers_.rbegin(); it != model.layers_.rend(); ++it) {
    if ((*it)->params().empty()) continue;
    if (auto* fc = dynamic_cast<LinearT<T>*>(it->get()))
      for (T& w : fc->weight().value.data) w *= static_cast<T>(kClassifierInitScale);
    break;
  }
  while (model.first_param_layer_ + 1 < model.num_layers() && model.layers_[model.first_param_layer_]->params().empty())
    ++model.first_param_layer_;  // the architecture decides it: once, not every Backward
  model.acts_.resize(model.layers_.size());
  model.grads_.resize(model.layers_.size());
  return model;
}

template <typename T>
const TensorT<T>& ModelT<T>::Forward(const TensorT<T>& x, Mode mode) {
  input_ptr_ = &x;
  const TensorT<T>* in = &x;
  for (size_t i = 0; i < layers_.size(); ++i) {
    layers_[i]->Forward(*in, acts_[i], mode);
    in = &acts_[i];
  }
  return acts_.back();
}

template <typename T>
void ModelT<T>::Backward(const TensorT<T>& dscores, Gradients which) {
  grads_.back() = dscores;  // copy into a reused buffer
  // Below the first layer with parameters, no gradient is needed for training.
  const int first = which == Gradients::kParams ? first_param_layer_ : 0;
  for (int i = static_cast<int>(layers_.size()) - 1; i >= first; --i) {
    const TensorT<T>& in = i > 0 ? acts_[i - 1] : *input_ptr_;
    if (i == first && which == Gradients::kParams) {
      layers_[i]->BackwardParams(in, acts_[i], grads_[i]);
      break;
    }
    TensorT<T>& din = i > 0 ? grads_[i - 1] : input_grad_;
    layers_[i]->Backward(in, acts_[i], grads_[i], din);
  }
}

template <typename T>
void ModelT<T>::ZeroGrad() {
  for (ParamT<T>* p : Params()) p->grad.Zero();
}

template <typename T>
std::vector<ParamT<T>*> ModelT<T>::Params() {
  std::vector<ParamT<T>*> out;
  for (auto& layer : layers_)
    for (ParamT<T>* p : layer->params()) out.push_back(p);
  return out;
}

template <typename T>
std::vector<std::pair<std::string, TensorT<T>*>> ModelT<T>::StateDict() {
  std::vector<std::pair<std::string, TensorT<T>*>> out;
  for (size_t i = 0; i < layers_.size(); ++i) {
    const std::string prefix = std::to_string(i) + ".";
    for (ParamT<T>* p : layers_[i]->params()) out.emplace_back(prefix + p->name, &p->value);
    for (auto& [name, buffer] : layers_[i]->buffers()) out.emplace_back(prefix + name, buffer);
  }
  return out;
}

template <typename T>
size_t ModelT<T>::ParameterCount() const {
  size_t n = 0;
  for (const LayerInfo& info : Describe()) n += info.parameters;
  return n;
}

template <typename T>
std::vector<LayerInfo> ModelT<T>::Describe() const {
  std::vector<LayerInfo> out;
  for (const auto& layer : layers_) {
    size_t params = 0;
    for (ParamT<T>* p : const_cast<LayerT<T>&>(*layer).params()) params += p->value.size();
    out.push_back({layer->spec(), layer->kind(), layer->output_shape(), params});
  }
  return out;
}

template <typename T>
std::string ModelT<T>::CanonicalSpec() const {
  std::string s;
  for (const auto& layer : layers_) s += (s.empty() ? "" : " ") + layer->spec();
  return s;
}

template class ModelT<float>;
template class ModelT<double>;

}  // namespace gradlab::nn
