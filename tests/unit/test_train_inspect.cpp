// What the Train tab's views show about a model (src/train/inspect.h).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "train/inspect.h"

using namespace gradlab;

TEST_CASE("First-layer weights are class templates only in a linear model", "[train][inspect]") {
  const std::vector<std::string> classes = {"plane", "car", "bird"};
  auto linear = nn::Model::Create("linear", {3, 8, 8}, 3, 1);
  REQUIRE(linear.ok());
  const train::FirstLayerWeights t = train::FirstLayerWeightImages(*linear, classes);
  CHECK(t.class_templates);
  REQUIRE(t.images.size() == 3);
  CHECK(t.images[0].width == 8);
  CHECK(t.captions == classes);

  // An MLP's first layer holds hidden units: no class names on them.
  auto mlp = nn::Model::Create("mlp:5 relu", {3, 8, 8}, 3, 1);
  REQUIRE(mlp.ok());
  const train::FirstLayerWeights u = train::FirstLayerWeightImages(*mlp, classes);
  CHECK_FALSE(u.class_templates);
  REQUIRE(u.images.size() == 5);
  CHECK(u.captions == std::vector<std::string>{"unit 1", "unit 2", "unit 3", "unit 4", "unit 5"});

  // A first layer of 3 hidden units, as many as the classes, is still not a set of templates.
  auto same_width = nn::Model::Create("fc3 relu fc", {3, 8, 8}, 3, 1);
  REQUIRE(same_width.ok());
  CHECK(train::FirstLayerWeightImages(*same_width, classes).captions.front() == "unit 1");

  // A conv net does not start with a Linear layer: nothing to show.
  auto cnn = nn::Model::Create("conv2k3p1 relu fc", {3, 8, 8}, 3, 1);
  REQUIRE(cnn.ok());
  CHECK(train::FirstLayerWeightImages(*cnn, classes).images.empty());
}
