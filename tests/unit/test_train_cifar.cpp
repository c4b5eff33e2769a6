// Short training runs on a real CIFAR-10 subset (airplane, frog, truck; fixed seed) that must
// clearly beat chance (33%): the linear classifier, an MLP and the small CNN.
// Needs the data: scripts/fetch-cifar10 (scripts/test runs it). Without it these tests fail.
#include <catch2/catch.hpp>

#include "data/cifar10.h"
#include "train/session.h"

using namespace gradlab;
using namespace gradlab::train;

namespace {

struct Cifar {
  std::shared_ptr<data::Dataset> train, test;
};

const Cifar& ThreeClasses() {
  static Cifar cached = [] {
    data::CifarSubset subset;
    subset.classes = *data::ParseClassList("airplane,frog,truck");
    subset.train_per_class = 200;
    subset.test_count = 300;
    auto loaded = data::LoadCifar10(data::FindCifar10Dir(), subset);
    INFO("CIFAR-10 is needed for this test: run scripts/fetch-cifar10 (" << (loaded ? "" : loaded.error()) << ")");
    REQUIRE(loaded.ok());
    return Cifar{std::make_shared<data::Dataset>(std::move(loaded->train)),
                 std::make_shared<data::Dataset>(std::move(loaded->test))};
  }();
  return cached;
}

double Train(const std::string& spec, nn::OptimizerKind optimizer, double lr, int epochs) {
  TrainConfig c;
  c.model_spec = spec;
  c.optimizer.kind = optimizer;
  c.schedule.base_lr = lr;
  c.epochs = epochs;
  c.batch_size = 32;
  c.train_eval_limit = 300;
  auto s = Session::Create(c, ThreeClasses().train, ThreeClasses().test);
  REQUIRE(s.ok());
  REQUIRE((*s)->RunToEnd() == Phase::kFinished);
  const auto& e = (*s)->history().epochs;
  INFO(spec << ": test accuracy per epoch " << e.front().test_accuracy << " ... " << e.back().test_accuracy);
  CHECK(e.back().train_loss < e.front().train_loss);
  return e.back().test_accuracy;
}

}  // namespace

TEST_CASE("A linear softmax classifier beats chance on CIFAR-10", "[train][cifar]") {
  CHECK(Train("linear", nn::OptimizerKind::kSgd, 0.005, 4) > 0.5);
}

TEST_CASE("An MLP beats chance on CIFAR-10", "[train][cifar]") {
  CHECK(Train("mlp:100 relu", nn::OptimizerKind::kMomentum, 0.01, 3) > 0.5);
}

TEST_CASE("The small CNN beats chance on CIFAR-10", "[train][cifar]") {
  CHECK(Train("conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc", nn::OptimizerKind::kMomentum,
              0.01, 3) > 0.5);
}
