// Model specs: parsing, shapes, parameter counts, messages that point at the mistake, and a
// gradient check of a whole small model with its loss and regularizer.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/rng.h"
#include "gradcheck.h"
#include "nn/conv_arithmetic.h"
#include "nn/loss.h"
#include "nn/model.h"
#include "nn/regularizer.h"
#include "settings/settings.h"

using namespace gradlab;
using namespace gradlab::nn;
using namespace gradlab::testing;

TEST_CASE("The classic small CNN: shapes and parameter count", "[nn][spec]") {
  auto m = Model::Create("conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc10", {3, 32, 32}, 10, 1);
  REQUIRE(m.ok());
  auto info = m->Describe();
  CHECK(info[0].output == Shape{16, 32, 32});
  CHECK(info[2].output == Shape{16, 16, 16});
  CHECK(info[8].output == Shape{20, 4, 4});
  CHECK(info[9].kind == "Flatten");  // inserted before fc, as PyTorch needs it
  CHECK(info.back().output == Shape{10});
  // conv 16*(3*25)+16, 20*(16*25)+20, 20*(20*25)+20, fc 10*320+10
  CHECK(m->ParameterCount() == 1216 + 8020 + 10020 + 3210);
}

TEST_CASE("Shorthands: linear and mlp", "[nn][spec]") {
  auto lin = Model::Create("linear", {3, 32, 32}, 3, 1);
  REQUIRE(lin.ok());
  CHECK(lin->ParameterCount() == 3 * 3072 + 3);
  auto mlp = Model::Create("mlp:100,50 tanh dropout0.2", {3, 32, 32}, 10, 1);
  REQUIRE(mlp.ok());
  CHECK(mlp->CanonicalSpec() == "flatten fc100 tanh dropout0.2 fc50 tanh dropout0.2 fc10");
  auto mlp_default = Model::Create("mlp:100", {2}, 3, 1);
  REQUIRE(mlp_default.ok());
  CHECK(mlp_default->CanonicalSpec() == "fc100 relu fc3");
  auto bn = Model::Create("mlp:8 bn relu", {2}, 2, 1);
  REQUIRE(bn.ok());
  CHECK(bn->CanonicalSpec() == "fc8 bn relu fc2");
  // No final fc: one is added.
  auto conv = Model::Create("conv8k3p1 relu pool2", {3, 8, 8}, 4, 1);
  REQUIRE(conv.ok());
  CHECK(conv->CanonicalSpec() == "conv8k3p1 relu pool2 flatten fc4");
}

TEST_CASE("Bad specs are refused with a message pointing at the layer", "[nn][spec]") {
  auto unknown = Model::Create("conv16k5p2 relu poolx", {3, 32, 32}, 10, 1);
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.error(), Catch::Contains("unknown layer 'poolx' at column 17"));
  CHECK_THAT(unknown.error(), Catch::Contains("\n  conv16k5p2 relu poolx\n                  ^"));

  auto stride = Model::Create("conv4k3s3 relu", {3, 7, 7}, 10, 1);
  REQUIRE_FALSE(stride.ok());
  CHECK_THAT(stride.error(), Catch::Contains("'conv4k3s3' cannot take a 3x7x7 input"));
  CHECK_THAT(stride.error(), Catch::Contains("2.33 is not a whole number"));

  auto classes = Model::Create("fc10", {2}, 3, 1);
  REQUIRE_FALSE(classes.ok());
  CHECK_THAT(classes.error(), Catch::Contains("ends with 10 outputs but the data has 3 classes"));

  CHECK_FALSE(Model::Create("", {2}, 3, 1).ok());
  CHECK_THAT(Model::Create("fc5 mlp:10", {2}, 3, 1).error(), Catch::Contains("must come first"));
  CHECK_THAT(Model::Create("mlp:10 conv3k3", {2}, 3, 1).error(), Catch::Contains("only an activation"));
  CHECK_THAT(Model::Create("dropout1.5", {2}, 3, 1).error(), Catch::Contains("[0, 1)"));
  CHECK_THAT(Model::Create("pool2", {2}, 3, 1).error(), Catch::Contains("needs an image input"));
  CHECK_THAT(Model::Create("relu0.3", {2}, 3, 1).error(), Catch::Contains("relu takes no number"));
}

TEST_CASE("Conv arithmetic from the lecture", "[nn][lecture]") {
  CHECK(FitWindow(7, 3, 1, 0).output == 5);
  CHECK(FitWindow(7, 3, 2, 0).output == 3);
  auto s3 = FitWindow(7, 3, 3, 0);
  CHECK_FALSE(s3.fits);
  CHECK(s3.exact == Approx(2.33).margin(0.01));
  CHECK(FitWindow(7, 3, 1, 1).output == 7);
  CHECK(FitWindow(32, 5, 1, 2).output == 32);
  CHECK(ReceptiveField(1, 3) == 3);
  CHECK(ReceptiveField(3, 3) == 7);
  CHECK(ReceptiveField(2, 5) == 9);
}

TEST_CASE("A whole small model's gradients match finite differences", "[nn][gradcheck]") {
  for (const char* spec : {"conv3k3p1 relu pool2 bn fc", "mlp:6,5 tanh", "conv4k2s2 elu maxout2 fc"}) {
    INFO(spec);
    auto created = ModelT<double>::Create(spec, {2, 6, 6}, 3, 11);
    REQUIRE(created.ok());
    ModelT<double>& model = *created;
    Rng rng(9);
    TensorT<double> x = RandomTensor({4, 2, 6, 6}, rng);
    TensorT<double> targets;
    OneHot<double>({0, 2, 1, 2}, 3, targets);
    const RegConfig reg{RegKind::kL2, 0.01, 1};
    auto loss = [&] {
      const auto& scores = model.Forward(x, Mode::kTrain);
      return ComputeLoss(LossKind::kSoftmax, scores, targets, static_cast<TensorT<double>*>(nullptr)) +
             RegularizationPenalty(reg, model.Params());
    };
    model.ZeroGrad();
    TensorT<double> dscores;
    ComputeLoss(LossKind::kSoftmax, model.Forward(x, Mode::kTrain), targets, &dscores);
    model.Backward(dscores);
    AddRegularizationGradient(reg, model.Params());
    double worst = 0;
    for (ParamT<double>* p : model.Params()) {
      const std::vector<double> analytic = p->grad.data;
      worst = std::max(worst, MaxGradError(p->value.data, analytic, loss));
    }
    CHECK(worst < 1e-5);
  }
}

TEST_CASE("The same seed builds the same weights", "[nn][spec]") {
  auto a = Model::Create("mlp:20", {5}, 3, 123), b = Model::Create("mlp:20", {5}, 3, 123), c = Model::Create("mlp:20", {5}, 3, 124);
  REQUIRE((a.ok() && b.ok() && c.ok()));
  CHECK(a->Params()[0]->value.data == b->Params()[0]->value.data);
  CHECK(a->Params()[0]->value.data != c->Params()[0]->value.data);
}

TEST_CASE("Training's backward pass skips dL/dinput but gives the same parameter gradients", "[nn][spec]") {
  // Gradients::kParams stops at the first layer with parameters (after a flatten, in the MLP);
  // kAll also computes dL/dinput, checked here against finite differences.
  for (const char* spec : {"conv3k3p1 relu pool2 fc", "mlp:7 relu", "bn conv2k3 fc"}) {
    INFO(spec);
    auto created = ModelT<double>::Create(spec, {2, 6, 6}, 3, 5);
    REQUIRE(created.ok());
    ModelT<double>& model = *created;
    Rng rng(4);
    TensorT<double> x = RandomTensor({3, 2, 6, 6}, rng), targets, dscores;
    OneHot<double>({0, 2, 1}, 3, targets);
    std::vector<std::vector<double>> all, params_only;
    for (auto which : {ModelT<double>::Gradients::kAll, ModelT<double>::Gradients::kParams}) {
      model.ZeroGrad();
      ComputeLoss(LossKind::kSoftmax, model.Forward(x, Mode::kTrain), targets, &dscores);
      model.Backward(dscores, which);
      auto& out = which == ModelT<double>::Gradients::kAll ? all : params_only;
      for (ParamT<double>* p : model.Params()) out.push_back(p->grad.data);
      if (which == ModelT<double>::Gradients::kAll) {
        REQUIRE(model.input_grad().shape == x.shape);
        auto loss = [&] {
          return ComputeLoss(LossKind::kSoftmax, model.Forward(x, Mode::kTrain), targets, static_cast<TensorT<double>*>(nullptr));
        };
        CHECK(MaxGradError(x.data, model.input_grad().data, loss) < 1e-5);
      }
    }
    CHECK(all == params_only);
  }
}

TEST_CASE("A fresh model's loss is near ln K, the lecture's first sanity check", "[nn][init][lecture]") {
  // Normalised inputs (mean 0, variance 1), 10 classes: every class should start near 1/10.
  Rng rng(42);
  Tensor x({64, 3, 32, 32}), targets;
  for (float& v : x.data) v = static_cast<float>(rng.Normal());
  std::vector<int> labels(64);
  for (int i = 0; i < 64; ++i) labels[i] = i % 10;
  OneHot(labels, 10, targets);
  for (const char* spec : {"linear", "mlp:100 relu", "mlp:100,50 relu", settings::kSmallCnnSpec})
    for (InitKind init : {InitKind::kHe, InitKind::kXavier})
      for (uint64_t seed : {1, 2}) {
        auto m = Model::Create(spec, {3, 32, 32}, 10, seed, init);
        REQUIRE(m.ok());
        const double loss = SoftmaxCrossEntropy(m->Forward(x, Mode::kEval), targets, static_cast<Tensor*>(nullptr));
        INFO(spec << ", " << (init == InitKind::kHe ? "he" : "xavier") << ", seed " << seed << ": loss " << loss);
        CHECK(std::fabs(loss - std::log(10.0)) < 0.15);
      }
}
