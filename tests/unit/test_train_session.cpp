// The training session on toy data: it learns, it is reproducible, it advances only when asked,
// full batches are exact, and divergence stops it with the last good weights.
#include <catch2/catch.hpp>

#include <cmath>

#include "data/toy2d.h"
#include "nn/loss.h"
#include "train/session.h"

using namespace gradlab;
using namespace gradlab::train;

namespace {

struct ToyData {
  std::shared_ptr<data::Dataset> train, test;
};

ToyData Spiral(int classes = 3, int points = 100, uint64_t seed = 1) {
  auto tt = data::MakeToyTrainTest(data::ToyKind::kSpiral, classes, points, points / 2, 0.1, seed);
  return {std::make_shared<data::Dataset>(std::move(tt.train)), std::make_shared<data::Dataset>(std::move(tt.test))};
}

TrainConfig Config(const std::string& spec, int epochs = 20) {
  TrainConfig c;
  c.model_spec = spec;
  c.optimizer.kind = nn::OptimizerKind::kAdam;
  c.schedule.base_lr = 0.01;
  c.epochs = epochs;
  c.batch_size = 32;
  return c;
}

std::unique_ptr<Session> Make(const TrainConfig& c, const ToyData& d) {
  auto s = Session::Create(c, d.train, d.test);
  REQUIRE(s.ok());
  return std::move(*s);
}

}  // namespace

TEST_CASE("An MLP learns the spiral; a linear model cannot", "[train]") {
  const ToyData d = Spiral();
  auto mlp = Make(Config("mlp:64,64 relu", 60), d);
  CHECK(mlp->RunToEnd() == Phase::kFinished);
  const auto& h = mlp->history();
  REQUIRE(h.epochs.size() == 60);
  CHECK(h.epochs.back().train_loss < 0.5 * h.epochs.front().train_loss);
  CHECK(h.epochs.back().test_accuracy > 0.85);

  auto linear = Make(Config("linear", 60), d);
  linear->RunToEnd();
  CHECK(linear->history().epochs.back().test_accuracy < 0.65);  // spirals are not linearly separable
}

TEST_CASE("Same seed, same numbers; another seed, other numbers", "[train]") {
  const ToyData d = Spiral();
  TrainConfig c = Config("mlp:16 tanh dropout0.2", 3);
  c.augment = *data::ParseAugmentSpec("mixup:0.4");
  auto a = Make(c, d), b = Make(c, d);
  a->RunToEnd();
  b->RunToEnd();
  CHECK(a->history().step_loss == b->history().step_loss);
  c.seed = 2;
  auto other = Make(c, d);
  other->RunToEnd();
  CHECK(other->history().step_loss != a->history().step_loss);
}

TEST_CASE("A session advances only when asked, one unit of work at least", "[train]") {
  const ToyData d = Spiral();
  auto s = Make(Config("mlp:8", 2), d);
  CHECK(s->steps() == 0);
  s->Step(0.0);
  CHECK(s->steps() == 1);
  s->StepBatches(3);
  CHECK(s->steps() == 4);
  CHECK(s->phase() == Phase::kTraining);
  CHECK(s->steps_per_epoch() == 10);  // 300 points, batches of 32
  s->StepBatches(6);                  // the epoch ends and is scored
  CHECK(s->epoch() == 1);
  CHECK(s->history().epochs.size() == 1);
}

TEST_CASE("Full-batch gradient descent takes one exact step per epoch, even in chunks", "[train]") {
  const ToyData d = Spiral(3, 200);  // 600 points: processed in chunks of 256
  TrainConfig c = Config("mlp:10 tanh", 1);
  c.batch_size = 0;
  c.optimizer.kind = nn::OptimizerKind::kSgd;
  auto s = Make(c, d);
  CHECK(s->steps_per_epoch() == 1);
  // The loss of the initial model on all 600 points, computed in one go.
  auto reference = nn::Model::Create(c.model_spec, {2}, 3, c.seed);
  REQUIRE(reference.ok());
  Tensor x({600, 2}), targets;
  std::vector<int> labels;
  for (int i = 0; i < 600; ++i) {
    x[2 * i] = d.train->features[2 * i];
    x[2 * i + 1] = d.train->features[2 * i + 1];
    labels.push_back(d.train->labels[i]);
  }
  nn::OneHot(labels, 3, targets);
  const float expected = nn::SoftmaxCrossEntropy(reference->Forward(x, nn::Mode::kTrain), targets, static_cast<Tensor*>(nullptr));
  s->StepBatches(1);
  REQUIRE(s->history().step_loss.size() == 1);
  CHECK(s->history().step_loss[0] == Approx(expected).epsilon(1e-5));
}

TEST_CASE("A learning rate that explodes stops training, says so, and keeps good weights", "[train]") {
  const ToyData d = Spiral();
  TrainConfig c = Config("mlp:32", 5);
  c.optimizer.kind = nn::OptimizerKind::kSgd;
  c.schedule.base_lr = 1e6;
  auto s = Make(c, d);
  CHECK(s->RunToEnd() == Phase::kDiverged);
  REQUIRE(s->divergence());
  CHECK_FALSE(s->divergence()->lambda_blamed);
  CHECK_THAT(DivergenceMessage(*s->divergence()), Catch::Contains("diverged") && Catch::Contains("learning rate"));
  for (auto* p : s->model().Params())
    for (float v : p->value.data) REQUIRE(std::isfinite(v));
  CHECK_FALSE(s->running());
  const long steps = s->steps();
  s->Step(0.01);  // nothing happens after divergence
  CHECK(s->steps() == steps);
}

TEST_CASE("Schedules drive the learning rate during training", "[train]") {
  const ToyData d = Spiral();
  TrainConfig c = Config("linear", 4);
  c.schedule = *nn::ParseSchedule("step:2", 0.1);
  auto s = Make(c, d);
  s->RunToEnd();
  const auto& e = s->history().epochs;
  REQUIRE(e.size() == 4);
  CHECK(e[0].learning_rate == Approx(0.1));
  CHECK(e[1].learning_rate == Approx(0.1));
  CHECK(e[2].learning_rate == Approx(0.01));
}

TEST_CASE("Bad settings are refused with a reason", "[train]") {
  const ToyData d = Spiral();
  TrainConfig c = Config("mlp:8");
  c.schedule.base_lr = -1;
  CHECK_THAT(Session::Create(c, d.train, d.test).error(), Catch::Contains("learning rate"));
  c = Config("conv8k3 relu");
  CHECK_THAT(Session::Create(c, d.train, d.test).error(), Catch::Contains("needs an image input"));
  c = Config("mlp:8");
  c.epochs = 0;
  CHECK_THAT(Session::Create(c, d.train, d.test).error(), Catch::Contains("epochs"));
}

TEST_CASE("Micro-batches split a step across calls and give the same update", "[train]") {
  const ToyData d = Spiral();
  TrainConfig c = Config("mlp:16 tanh", 1);
  auto whole = Make(c, d);
  c.micro_batch = 8;
  auto sliced = Make(c, d);
  sliced->Step(0.0);  // one chunk of 8 images: the step is under way, not done
  CHECK(sliced->steps() == 0);
  CHECK(sliced->step_in_progress());
  sliced->StepBatches(4);
  whole->StepBatches(4);
  REQUIRE(sliced->history().step_loss.size() == 4);
  for (int i = 0; i < 4; ++i)  // only the order of float sums differs
    CHECK(sliced->history().step_loss[i] == Approx(whole->history().step_loss[i]).epsilon(1e-5));
}

TEST_CASE("After divergence, Recover continues from the last good weights with a lower rate", "[train]") {
  const ToyData d = Spiral();
  TrainConfig c = Config("mlp:32", 3);
  c.optimizer.kind = nn::OptimizerKind::kSgd;
  c.schedule.base_lr = 1e6;
  auto s = Make(c, d);
  REQUIRE(s->RunToEnd() == Phase::kDiverged);
  const size_t steps_before = s->history().step_loss.size();
  CHECK_FALSE(s->Recover(0.0));
  REQUIRE(s->Recover(1e-8));
  CHECK(s->learning_rate_scale() == Approx(1e-8));
  CHECK_FALSE(s->divergence());
  s->StepBatches(5);
  CHECK(s->phase() != Phase::kDiverged);
  CHECK(s->history().step_loss.size() == steps_before + 5);
  CHECK(s->history().step_lr.back() == Approx(1e6 * 1e-8));
}

TEST_CASE("The last test evaluation keeps the confusion matrix and each prediction", "[train]") {
  const ToyData d = Spiral();
  auto s = Make(Config("mlp:16", 1), d);
  s->RunToEnd();
  const Evaluation& e = s->last_test_evaluation();
  CHECK(e.count == d.test->size());
  CHECK(static_cast<int>(e.predicted.size()) == d.test->size());
  int diagonal = 0;
  for (int k = 0; k < 3; ++k) diagonal += e.confusion[k][k];
  CHECK(diagonal == e.correct);
}

TEST_CASE("Finding 8: a huge regularization strength is blamed, not the learning rate", "[train][hostile]") {
  const ToyData d = Spiral();
  TrainConfig c = Config("mlp:16", 3);
  c.optimizer.kind = nn::OptimizerKind::kSgd;
  c.regularization.kind = nn::RegKind::kL2;
  c.regularization.lambda = 1e308;
  auto s = Make(c, d);
  CHECK(s->RunToEnd() == Phase::kDiverged);
  REQUIRE(s->divergence());
  CHECK(s->divergence()->lambda_blamed);
  CHECK_THAT(DivergenceMessage(*s->divergence()), Catch::Contains("regularization strength (lambda) is probably too high"));
}

TEST_CASE("Finding 8: infinite warm-up and elastic-net beta are refused", "[train][hostile]") {
  const ToyData d = Spiral();
  TrainConfig c = Config("mlp:8");
  c.schedule.warmup = INFINITY;
  CHECK_THAT(Session::Create(c, d.train, d.test).error(), Catch::Contains("warm-up must be a number from 0 to 1e9"));
  c = Config("mlp:8");
  c.regularization.beta = INFINITY;
  CHECK_THAT(Session::Create(c, d.train, d.test).error(), Catch::Contains("elastic-net beta must be a finite number"));
  CHECK_FALSE(nn::ParseSchedule("step:inf", 0.1).ok());
  CHECK_FALSE(nn::ParseSchedule("step:nan", 0.1).ok());
  CHECK_FALSE(nn::ParseSchedule("step:10:gamma=inf", 0.1).ok());
}

TEST_CASE("A micro-batch whose activations would not fit the budget is refused; the automatic one shrinks",
          "[train][budget][hostile]") {
  const ToyData d = Spiral(3, 100);  // 300 training points
  TrainConfig c = Config("fc999999 fc", 1);
  c.batch_size = 300;
  c.micro_batch = 300;  // about 8 MB of activations per point: 2.4 GB for the chunk
  CHECK_THAT(Session::Create(c, d.train, d.test).error(),
             Catch::Contains("a chunk of 300 samples needs") && Catch::Contains("use a micro-batch of"));
  c.micro_batch = 0;
  auto s = Session::Create(c, d.train, d.test);
  REQUIRE(s.ok());
  (*s)->StepBatches(1);
  CHECK((*s)->steps() == 1);
}
