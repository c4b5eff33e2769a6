// The layer editor's engine side: spec words written back from fields, and the table of layers
// with the first one that breaks flagged at its own row.
#include <catch2/catch.hpp>

#include "nn/model_plan.h"
#include "nn/model_spec.h"

using namespace gradlab;
using namespace gradlab::nn;

TEST_CASE("Layer words are written back in their shortest form and parse to the same layers", "[nn][spec]") {
  const std::string spec = "conv16k5p2 relu pool2 conv8k3s2 lrelu0.2 pool3s2 elu0.5 maxout2 bn dropout0.25 fc100 tanh sigmoid flatten fc";
  auto layers = ParseModelSpec(spec);
  REQUIRE(layers.ok());
  CHECK(FormatModelSpec(*layers) == spec);
  auto again = ParseModelSpec(FormatModelSpec(*layers));
  REQUIRE(again.ok());
  REQUIRE(again->size() == layers->size());
  for (size_t i = 0; i < layers->size(); ++i) {
    CHECK((*again)[i].word == (*layers)[i].word);
    CHECK((*again)[i].a == (*layers)[i].a);
    CHECK((*again)[i].b == (*layers)[i].b);
    CHECK((*again)[i].c == (*layers)[i].c);
    CHECK((*again)[i].d == (*layers)[i].d);
    CHECK((*again)[i].value == Approx((*layers)[i].value));
  }
  // Defaults are left out; shorthands come back expanded.
  CHECK(FormatModelSpec(*ParseModelSpec("conv4k3s1p0 pool2s2 lrelu0.1 elu1 dropout")) == "conv4k3 pool2 lrelu elu dropout0.5");
  CHECK(FormatModelSpec(*ParseModelSpec("mlp:100,50 tanh dropout0.1")) == "fc100 tanh dropout0.1 fc50 tanh dropout0.1 fc");
}

TEST_CASE("A model plan lists every layer with its shape, added layers marked", "[nn][spec]") {
  ModelPlan plan = PlanModel("conv16k5p2 relu pool2", {3, 32, 32}, 3);
  REQUIRE(plan.ok());
  REQUIRE(plan.layers.size() == 5);  // conv relu pool, flatten and fc added
  CHECK(plan.layers[0].word == 0);
  CHECK(plan.layers[0].output == Shape{16, 32, 32});
  CHECK(plan.layers[0].parameters == 16 * 75 + 16);
  CHECK(plan.layers[2].output == Shape{16, 16, 16});
  CHECK(plan.layers[3].word == -1);
  CHECK(plan.layers[3].spec == "flatten");
  CHECK(plan.layers[4].word == -1);
  CHECK(plan.layers[4].output == Shape{3});
  CHECK(plan.parameters == 16 * 75 + 16 + 3 * 16 * 16 * 16 + 3);
}

TEST_CASE("A model plan flags the layer that breaks, not the end of the model", "[nn][spec]") {
  // 32 - 5 + 0 = 27 is not a multiple of 2: the second conv cannot take its input.
  ModelPlan plan = PlanModel("conv8k3p1 relu conv8k5s2 relu fc100 relu fc", {3, 32, 32}, 10);
  REQUIRE_FALSE(plan.ok());
  REQUIRE(plan.layers.size() == 7);
  CHECK(plan.layers[0].built);
  CHECK(plan.layers[1].built);
  CHECK(plan.layers[1].output == Shape{8, 32, 32});
  CHECK(plan.layers[2].word == 2);
  CHECK_FALSE(plan.layers[2].built);
  CHECK(plan.layers[2].problem.find("conv8k5s2") != std::string::npos);
  CHECK(plan.layers[2].problem.find("not a whole number") != std::string::npos);
  CHECK(plan.layers[2].problem.find("column") == std::string::npos);
  for (size_t i = 3; i < plan.layers.size(); ++i) {
    CHECK_FALSE(plan.layers[i].built);
    CHECK(plan.layers[i].problem.empty());
  }
  // A hidden fc of another width is fine; only the last one must match the classes.
  ModelPlan wrong_end = PlanModel("fc100 relu fc10", {2}, 3);
  REQUIRE_FALSE(wrong_end.ok());
  REQUIRE(wrong_end.layers.size() == 3);
  CHECK(wrong_end.layers[1].built);
  CHECK(wrong_end.layers[2].problem.find("3 classes") != std::string::npos);
  // A spec that does not parse has no rows, only the message.
  ModelPlan bad = PlanModel("conv16 relu", {3, 32, 32}, 3);
  CHECK_FALSE(bad.ok());
  CHECK(bad.layers.empty());
  CHECK(bad.error.find("unknown layer 'conv16'") != std::string::npos);
}
