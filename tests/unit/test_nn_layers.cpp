// Every layer's backward pass against finite differences (double precision), plus the
// behaviour each layer promises (dropout's scaling, batch norm's statistics, pooling's routing).
#include <catch2/catch.hpp>

#include "gradcheck.h"
#include "nn/activation.h"
#include "nn/batchnorm.h"
#include "nn/conv2d.h"
#include "nn/dropout.h"
#include "nn/flatten.h"
#include "nn/linear.h"
#include "nn/maxout.h"
#include "nn/maxpool2d.h"

using namespace gradlab;
using namespace gradlab::nn;
using namespace gradlab::testing;

namespace {

template <typename Layer>
LayerCheck Check(Layer& layer, const Shape& batch_shape, Mode mode = Mode::kTrain, double scale = 1.0) {
  Shape sample(batch_shape.begin() + 1, batch_shape.end());
  REQUIRE(layer.Build(sample).ok());
  Rng rng(42);
  layer.Init(rng, InitKind::kHe);
  return CheckLayerGradients(layer, RandomTensor(batch_shape, rng, scale), mode);
}

constexpr double kTolerance = 1e-6;

}  // namespace

TEST_CASE("Linear gradients match finite differences", "[nn][gradcheck]") {
  LinearT<double> fc(5);
  auto r = Check(fc, {4, 7});
  CHECK(r.input_error < kTolerance);
  CHECK(r.param_error < kTolerance);
}

TEST_CASE("Linear reads image inputs as flat features", "[nn][gradcheck]") {
  LinearT<double> fc(3);
  auto r = Check(fc, {2, 2, 3, 3});
  CHECK(r.input_error < kTolerance);
  CHECK(r.param_error < kTolerance);
  CHECK(fc.in_features() == 18);
}

TEST_CASE("Conv2d gradients match finite differences (stride, padding, odd sizes)", "[nn][gradcheck]") {
  SECTION("3x3, stride 1, padding 1") {
    Conv2dT<double> conv(4, 3, 1, 1);
    auto r = Check(conv, {2, 3, 5, 5});
    CHECK(r.input_error < kTolerance);
    CHECK(r.param_error < kTolerance);
    CHECK(conv.output_shape() == Shape{4, 5, 5});
  }
  SECTION("5x5, stride 2, padding 2 on 7x7") {
    Conv2dT<double> conv(3, 5, 2, 2);
    auto r = Check(conv, {2, 2, 7, 7});
    CHECK(r.input_error < kTolerance);
    CHECK(r.param_error < kTolerance);
    CHECK(conv.output_shape() == Shape{3, 4, 4});
  }
  SECTION("1x1 kernel") {
    Conv2dT<double> conv(2, 1, 1, 0);
    auto r = Check(conv, {3, 3, 2, 2});
    CHECK(r.input_error < kTolerance);
    CHECK(r.param_error < kTolerance);
  }
  // Stride 1 takes dx as the forward pass's product with the weights turned (conv2d.cpp):
  // the small CNN's 5x5 with padding 2, no padding (the turned product pads K-1), and padding K-1.
  for (const auto& [kernel, padding] : std::vector<std::pair<int, int>>{{5, 2}, {3, 0}, {3, 2}}) {
    DYNAMIC_SECTION(kernel << "x" << kernel << ", stride 1, padding " << padding << " on 6x7") {
      Conv2dT<double> conv(3, kernel, 1, padding);
      auto r = Check(conv, {2, 2, 6, 7});
      CHECK(r.input_error < kTolerance);
      CHECK(r.param_error < kTolerance);
    }
  }
}

TEST_CASE("Conv2d's float input gradient, through this build's kernels, agrees with double's", "[nn]") {
  // The small CNN's second layer: in WebAssembly and natively with AVX-512 its stride-1 dx goes
  // through the micro-kernels that skip im2col; double goes through im2col + Eigen.
  Conv2dT<float> f(20, 5, 1, 2);
  Conv2dT<double> d(20, 5, 1, 2);
  REQUIRE(f.Build({16, 16, 16}).ok());
  REQUIRE(d.Build({16, 16, 16}).ok());
  Rng rng(5);
  d.Init(rng, InitKind::kHe);
  for (size_t i = 0; i < d.weight().value.size(); ++i) f.weight().value[i] = static_cast<float>(d.weight().value[i]);
  const TensorD x = RandomTensor({3, 16, 16, 16}, rng), dy = RandomTensor({3, 20, 16, 16}, rng);
  Tensor xf(x.shape), dyf(dy.shape), yf, dxf;
  for (size_t i = 0; i < x.size(); ++i) xf[i] = static_cast<float>(x[i]);
  for (size_t i = 0; i < dy.size(); ++i) dyf[i] = static_cast<float>(dy[i]);
  TensorD y, dx;
  d.Forward(x, y, Mode::kTrain);
  d.Backward(x, y, dy, dx);
  f.Forward(xf, yf, Mode::kTrain);
  f.Backward(xf, yf, dyf, dxf);
  REQUIRE(dxf.shape == dx.shape);
  double worst = 0;
  for (size_t i = 0; i < dx.size(); ++i) worst = std::max(worst, std::abs(dxf[i] - dx[i]) / (1.0 + std::abs(dx[i])));
  CHECK(worst < 1e-5);
}

TEST_CASE("Conv2d refuses a stride that does not fit, as the lecture does", "[nn]") {
  Conv2dT<double> conv(1, 3, 3, 0);
  auto r = conv.Build({1, 7, 7});
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("(7 - 3 + 2*0)/3 + 1 = 2.33 is not a whole number"));
}

TEST_CASE("MaxPool2d gradients match finite differences and route to the max", "[nn][gradcheck]") {
  MaxPool2dT<double> pool(2, 2);
  auto r = Check(pool, {2, 3, 4, 6});
  CHECK(r.input_error < kTolerance);

  MaxPool2dT<double> overlapping(3, 2);
  auto r2 = Check(overlapping, {1, 2, 7, 7});
  CHECK(r2.input_error < kTolerance);
}

TEST_CASE("Max pooling on the lecture's 4x4 example gives 6, 8, 3, 4", "[nn][lecture]") {
  MaxPool2dT<double> pool(2, 2);
  REQUIRE(pool.Build({1, 4, 4}).ok());
  TensorT<double> x({1, 1, 4, 4});
  x.data = {1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4};
  TensorT<double> y;
  pool.Forward(x, y, Mode::kEval);
  CHECK(y.data == std::vector<double>{6, 8, 3, 4});
  TensorT<double> dy({1, 1, 2, 2}, 1.0), dx;
  pool.Backward(x, y, dy, dx);
  // The gradient goes only to the winners: 6 (row 1, col 1), 8 (1, 3), 3 (2, 0), 4 (3, 3).
  CHECK(dx.data == std::vector<double>{0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1});
}

TEST_CASE("Activations' gradients match finite differences", "[nn][gradcheck]") {
  for (auto [kind, param] : {std::pair{ActivationKind::kReLU, 0.0}, {ActivationKind::kLeakyReLU, 0.1},
                             {ActivationKind::kSigmoid, 0.0}, {ActivationKind::kTanh, 0.0},
                             {ActivationKind::kELU, 1.0}, {ActivationKind::kELU, 0.5}}) {
    ActivationT<double> act(kind, param);
    INFO(act.spec());
    auto r = Check(act, {3, 10});
    CHECK(r.input_error < kTolerance);
  }
}

TEST_CASE("Activation values and derivatives at known points", "[nn]") {
  CHECK(Activate(ActivationKind::kLeakyReLU, -2.0, 0.1) == Approx(-0.2));
  CHECK(Activate(ActivationKind::kSigmoid, 0.0, 0.0) == Approx(0.5));
  CHECK(ActivationDerivative(ActivationKind::kSigmoid, 0.0, 0.0) == Approx(0.25));
  CHECK(Activate(ActivationKind::kELU, -1.0, 1.0) == Approx(std::exp(-1.0) - 1));
  CHECK(ActivationDerivative(ActivationKind::kTanh, 0.0, 0.0) == Approx(1.0));
  CHECK(ActivationDerivative(ActivationKind::kReLU, -3.0, 0.0) == 0.0);
}

TEST_CASE("Maxout gradients match finite differences, for features and channels", "[nn][gradcheck]") {
  MaxoutT<double> m(3);
  auto r = Check(m, {2, 9});
  CHECK(r.input_error < kTolerance);
  CHECK(m.output_shape() == Shape{3});
  MaxoutT<double> mc(2);
  auto r2 = Check(mc, {2, 4, 3, 3});
  CHECK(r2.input_error < kTolerance);
  CHECK(mc.output_shape() == Shape{2, 3, 3});
  MaxoutT<double> bad(4);
  CHECK_FALSE(bad.Build({10}).ok());
}

TEST_CASE("BatchNorm gradients match finite differences in training and evaluation", "[nn][gradcheck]") {
  SECTION("1-D, training") {
    BatchNormT<double> bn;
    auto r = Check(bn, {6, 4});
    CHECK(r.input_error < 1e-5);
    CHECK(r.param_error < 1e-5);
  }
  SECTION("2-D, training") {
    BatchNormT<double> bn;
    auto r = Check(bn, {3, 2, 3, 3});
    CHECK(r.input_error < 1e-5);
    CHECK(r.param_error < 1e-5);
    CHECK(bn.kind() == "BatchNorm2d");
  }
  SECTION("evaluation uses the running statistics") {
    BatchNormT<double> bn;
    auto r = Check(bn, {4, 3}, Mode::kEval);
    CHECK(r.input_error < kTolerance);
    CHECK(r.param_error < kTolerance);
  }
}

TEST_CASE("BatchNorm normalises a batch and tracks running statistics like PyTorch", "[nn]") {
  BatchNormT<double> bn;
  REQUIRE(bn.Build({1}).ok());
  TensorT<double> x({4, 1}), y;
  x.data = {1, 2, 3, 4};
  bn.Forward(x, y, Mode::kTrain);
  double mean = 0, var = 0;
  for (double v : y.data) mean += v / 4;
  for (double v : y.data) var += (v - mean) * (v - mean) / 4;
  CHECK(mean == Approx(0).margin(1e-12));
  CHECK(var == Approx(1).epsilon(1e-4));
  auto buffers = bn.buffers();
  CHECK((*buffers[0].second)[0] == Approx(0.1 * 2.5));              // 0.9*0 + 0.1*mean
  CHECK((*buffers[1].second)[0] == Approx(0.9 + 0.1 * (5.0 / 3)));  // unbiased variance 5/3
}

TEST_CASE("Dropout keeps 1-p of the units, scales them by 1/(1-p), and is off in evaluation", "[nn]") {
  DropoutT<double> drop(0.25);
  REQUIRE(drop.Build({1000}).ok());
  Rng rng(3);
  drop.Init(rng, InitKind::kHe);
  TensorT<double> x({10, 1000}, 2.0), y, dx;
  drop.Forward(x, y, Mode::kTrain);
  int kept = 0;
  for (double v : y.data) {
    REQUIRE((v == 0.0 || v == Approx(2.0 / 0.75)));
    kept += v != 0.0;
  }
  CHECK(kept / 10000.0 == Approx(0.75).margin(0.02));
  TensorT<double> dy({10, 1000}, 1.0);
  drop.Backward(x, y, dy, dx);
  for (size_t i = 0; i < x.size(); ++i) REQUIRE(dx[i] == Approx(y[i] / x[i]));  // dy * mask
  drop.Forward(x, y, Mode::kEval);
  CHECK(y.data == x.data);
}

TEST_CASE("Flatten keeps PyTorch's element order", "[nn]") {
  FlattenT<double> flat;
  REQUIRE(flat.Build({2, 2, 2}).ok());
  TensorT<double> x({1, 2, 2, 2}), y;
  for (size_t i = 0; i < 8; ++i) x[i] = static_cast<double>(i);
  flat.Forward(x, y, Mode::kEval);
  CHECK(y.shape == Shape{1, 8});
  CHECK(y.data == x.data);
}
