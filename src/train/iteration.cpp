#include "train/iteration.h"

#include "core/text.h"
#include "data/batch.h"
#include "data/toy2d.h"
#include "i18n/translate.h"
#include "nn/loss.h"
#include "nn/model.h"
#include "nn/optimizer.h"

namespace gradlab::train {

namespace {

// A tensor (N, ...) as an N x rest matrix; a 4-D one (images, maps or conv filters) as its
// H x W planes stacked top to bottom, so each image or filter looks like itself.
Matrix AsMatrix(const std::string& name, const Tensor& t) {
  Matrix m;
  m.name = name;
  if (t.rank() == 4) {
    m.rows = t.dim(0) * t.dim(1) * t.dim(2);
    m.cols = t.dim(3);
  } else {
    m.rows = t.rank() > 0 ? t.dim(0) : 1;
    m.cols = static_cast<int>(m.rows ? t.size() / m.rows : 0);
  }
  m.values = t.data;
  m.name += " (" + ShapeToString(t.shape) + ")";
  return m;
}

}  // namespace

Result<Iteration> BuildIteration(IterationSetup setup, double lr, uint64_t seed) {
  using R = Result<Iteration>;
  Iteration it;
  data::Dataset d;
  std::string spec;
  if (setup == IterationSetup::kMlp) {
    d = data::MakeToyDataset(data::ToyKind::kBlobs, 2, 2, 0.1, seed);  // 4 points, 2 classes
    spec = "fc3 relu fc";
    it.description = tr("An MLP (2 inputs, 3 ReLU units, 2 classes) on 4 toy points, softmax loss, one SGD step");
  } else {
    // Two 6x6 images: a vertical and a horizontal bar, the classes "vertical" and "horizontal".
    d.sample_shape = {1, 6, 6};
    d.class_names = {"vertical", "horizontal"};
    d.features.assign(72, 0.0f);
    for (int i = 0; i < 6; ++i) {
      d.features[i * 6 + 2] = 1;       // column 2 of image 0
      d.features[36 + 3 * 6 + i] = 1;  // row 3 of image 1
    }
    d.labels = {0, 1};
    spec = "conv2k3 relu fc";
    it.description = tr("A conv layer (2 filters of 3x3) on two 6x6 images, ReLU, a Linear classifier, one SGD step");
  }
  auto created = nn::Model::Create(spec, d.sample_shape, d.num_classes(), seed);
  if (!created) return R::Error(created.error());
  nn::Model& model = *created;
  std::vector<int> idx(d.size());
  for (int i = 0; i < d.size(); ++i) idx[i] = i;
  Tensor x, targets, dscores, probs;
  std::vector<int> labels;
  data::FillBatch(d, idx.data(), d.size(), x, labels);
  nn::OneHot(labels, d.num_classes(), targets);

  it.stages.push_back({tr("The batch"),
                       setup == IterationSetup::kConv ? tr("Each row is one sample (one 6x6 image); the targets are one-hot rows.")
                                                      : tr("Each row is one sample; the targets are one-hot rows."),
                       {AsMatrix("x", x), AsMatrix("targets", targets)}});
  model.ZeroGrad();
  const Tensor& scores = model.Forward(x, nn::Mode::kTrain);
  it.loss = nn::SoftmaxCrossEntropy(scores, targets, &dscores);
  nn::Softmax(scores, probs);

  // Forward, layer by layer, with the layer's weights where it has some.
  for (int i = 0; i < model.num_layers(); ++i) {
    nn::LayerT<float>& layer = model.layer(i);
    const Tensor& in = i ? model.activation(i - 1) : x;
    IterationStage s{Fill(tr("Forward: layer {0}, {1}"), {std::to_string(i + 1), layer.spec()}), "", {AsMatrix("input", in)}};
    if (layer.kind() == "Linear") s.explanation = tr("y = x W^T + b: each output is a weighted sum of the inputs plus a bias.");
    else if (layer.kind() == "Conv2d") s.explanation = tr("Each filter slides over the image; each output is the sum of the filter times the window, plus a bias.");
    else if (layer.kind() == "ReLU") s.explanation = tr("y = max(0, x), element by element: negative values become 0.");
    else if (layer.kind() == "Flatten") s.explanation = tr("The maps are laid out as one row per sample, for the Linear layer.");
    for (nn::ParamT<float>* p : layer.params()) s.matrices.push_back(AsMatrix(p->name == "weight" ? "W" : "b", p->value));
    s.matrices.push_back(AsMatrix("output y", model.activation(i)));
    it.stages.push_back(s);
  }
  it.stages.push_back({tr("Loss"),
                       Fill(tr("Softmax turns scores into probabilities; the loss is the mean of -ln p(true class) = {0}. Its gradient "
                               "with respect to the scores is (p - target) / N: the backward pass starts here."),
                            {Formatted("%.4f", it.loss)}),
                       {AsMatrix("scores", scores), AsMatrix("p = softmax(scores)", probs), AsMatrix("dL/dscores", dscores)}});

  model.Backward(dscores, nn::Model::Gradients::kAll);  // every downstream dL/dx is shown
  for (int i = model.num_layers() - 1; i >= 0; --i) {
    nn::LayerT<float>& layer = model.layer(i);
    IterationStage s{Fill(tr("Backward: layer {0}, {1}"), {std::to_string(i + 1), layer.spec()}), "",
                     {AsMatrix("upstream dL/dy", model.activation_grad(i))}};
    if (layer.kind() == "Linear")
      s.explanation = tr("dL/dW = (dL/dy)^T x, dL/db = column sums of dL/dy, and downstream dL/dx = dL/dy W: the local Jacobian of x W^T is W.");
    else if (layer.kind() == "ReLU")
      s.explanation = tr("The local gradient is 1 where the input was positive and 0 elsewhere: ReLU passes the gradient or blocks it.");
    else if (layer.kind() == "Conv2d")
      s.explanation = tr("dL/dW sums each output gradient times the window it saw; dL/dx sends each output gradient back through the filter.");
    else
      s.explanation = tr("Flatten only reshapes: the gradient goes back in the maps' shape.");
    for (nn::ParamT<float>* p : layer.params()) s.matrices.push_back(AsMatrix(p->name == "weight" ? "dL/dW" : "dL/db", p->grad));
    if (i > 0) s.matrices.push_back(AsMatrix("downstream dL/dx", model.activation_grad(i - 1)));
    it.stages.push_back(s);
  }

  IterationStage update{tr("Update"), Fill(tr("Plain SGD: W <- W - lr dL/dW with lr = {0}, for every weight and bias."), {Formatted("%g", lr)}) + " ", {}};
  std::vector<nn::ParamT<float>*> params = model.Params();
  std::vector<Tensor> before;
  for (auto* p : params) before.push_back(p->value);
  nn::OptimizerT<float> sgd(nn::OptimizerConfig{});
  sgd.Step(params, lr);
  for (size_t i = 0; i < params.size(); ++i) {
    if (params[i]->name != "weight") continue;
    update.matrices.push_back(AsMatrix("W before", before[i]));
    update.matrices.push_back(AsMatrix("W after", params[i]->value));
  }
  const Tensor& new_scores = model.Forward(x, nn::Mode::kEval);
  it.loss_after_update = nn::SoftmaxCrossEntropy(new_scores, targets, static_cast<Tensor*>(nullptr));
  update.explanation += Fill(tr("The loss on the same batch goes from {0} to {1}."),
                             {Formatted("%.4f", it.loss), Formatted("%.4f", it.loss_after_update)});
  it.stages.push_back(update);
  return it;
}

}  // namespace gradlab::train
