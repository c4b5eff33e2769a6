// The model-size budget (issue 15, findings 6 and 7): sizes in 64 bits, a model that would not
// fit refused before anything is allocated, with the layer that breaks it; the layer editor's
// plan shows the same reason at that layer's row. And slopes that are not numbers (finding 3).
#include <catch2/catch.hpp>

#include <string>

#include "core/build_info.h"
#include "data/cifar10.h"
#include "data/toy2d.h"
#include "nn/model.h"
#include "nn/model_budget.h"
#include "nn/model_plan.h"

using namespace gradlab;
using namespace gradlab::nn;

TEST_CASE("The budget counts parameters and state like the model it describes", "[nn][budget]") {
  for (const char* spec : {"linear", "mlp:100,50 tanh dropout0.2", "conv8k3p1 bn relu pool2 conv4k5s1p2 relu maxout2 fc20 fc",
                           "conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc10"}) {
    auto cost = CheckModelBudget(spec, {3, 32, 32}, 10);
    REQUIRE(cost.ok());
    CHECK(cost->complete);
    auto model = Model::Create(spec, {3, 32, 32}, 10, 1);
    REQUIRE(model.ok());
    size_t state = 0;
    for (auto& [name, t] : model->StateDict()) state += t->size();
    CHECK(cost->parameters == model->ParameterCount());
    CHECK(cost->state == state);
    CHECK(cost->bytes < kModelBudgetBytes);
  }
}

TEST_CASE("Finding 6: a model over the budget is refused with the layer and the sizes", "[nn][budget][hostile]") {
  auto mlp = Model::Create("mlp:100000,100000", {3, 32, 32}, 10, 1);
  REQUIRE_FALSE(mlp.ok());
  CHECK_THAT(mlp.error(), Catch::Contains("'mlp:100000,100000' makes the model too large") &&
                              Catch::Contains("the limit is 1.0 GB") && Catch::Contains("at column 1"));
  auto fc = Model::Create("fc999999", {3, 32, 32}, 10, 1);
  REQUIRE_FALSE(fc.ok());
  CHECK_THAT(fc.error(), Catch::Contains("3,072,996,927 parameters"));
}

TEST_CASE("Finding 7: sizes that would wrap an int are refused, not wrapped", "[nn][budget][hostile]") {
  const std::string spec = "conv1k1p99 conv1k1p99 conv9999k1p99 fc";
  auto m = Model::Create(spec, {3, 32, 32}, 10, 1);
  REQUIRE_FALSE(m.ok());
  CHECK_THAT(m.error(), Catch::Contains("'conv9999k1p99' would output 9999x626x626 = 3,918,368,124 numbers per sample") &&
                            Catch::Contains("at column 23"));
  // A smaller case that used to wrap to a wrong positive size.
  CHECK_THAT(Model::Create("conv1k1p99 conv1k1p99 conv2000k1p99 fc", {3, 32, 32}, 10, 1).error(),
             Catch::Contains("numbers per sample; the limit is 4,194,304"));
}

TEST_CASE("The layer editor's plan marks the layer that breaks the budget", "[nn][budget][hostile]") {
  ModelPlan plan = PlanModel("conv8k3p1 relu fc300000 relu fc", {3, 32, 32}, 10);
  REQUIRE_FALSE(plan.ok());
  REQUIRE(plan.layers.size() >= 3);
  CHECK(plan.layers[0].built);
  CHECK(plan.layers[1].built);
  CHECK_FALSE(plan.layers[2].built);
  CHECK_THAT(plan.layers[2].problem, Catch::StartsWith("'fc300000' makes the model too large"));
}

TEST_CASE("Finding 3: an activation's number must be finite and sane", "[nn][budget][hostile]") {
  const std::string nines(400, '9');
  CHECK_THAT(Model::Create("fc10 lrelu" + nines, {2}, 3, 1).error(), Catch::Contains("lrelu's slope must be from 0 to 10"));
  CHECK_THAT(Model::Create("elu11", {2}, 3, 1).error(), Catch::Contains("elu's alpha must be from 0 to 10"));
  CHECK(Model::Create("fc10 lrelu0.01 elu2", {2}, 3, 1).ok());
}

TEST_CASE("Byte counts read like a person would write them", "[nn][budget]") {
  CHECK(FormatBytes(512) == "512 bytes");
  CHECK(FormatBytes(1536) == "1.5 KB");
  CHECK(FormatBytes(uint64_t(3) << 30) == "3.0 GB");
}

// Data subsets need no check of their own before allocation: the settings cap them at CIFAR-10's
// own size (5,000 training images per class, 10,000 test images; toy data is a few MB at most).
// This checks that the largest of them, the largest model the budget lets through and the app
// (the page's 128 MB chunk cache, textures, fonts: 512 MB is ample) fit in the page's memory.
TEST_CASE("The largest data subset and model fit in the page's WebAssembly memory", "[nn][budget]") {
  const uint64_t largest_cifar = uint64_t{data::kCifarImageBytes} *
                                 (data::kCifarClasses * data::kCifarTrainPerClass + data::kCifarClasses * data::kCifarTestPerClass);
  const uint64_t largest_toy = uint64_t{100000} * data::kToyMaxClasses * 3 / 2 * 2 * sizeof(float);  // + half as many test points
  const uint64_t app = uint64_t{512} << 20;
  const uint64_t page_memory = uint64_t{2} << 30;  // cmake/Platform.cmake's GRADLAB_MEMORY_LIMIT_BYTES
  CHECK(kModelBudgetBytes + std::max(largest_cifar, largest_toy) + app <= page_memory);
#ifdef __EMSCRIPTEN__
  CHECK(GetBuildInfo().memory_limit_bytes == page_memory);
  CHECK(MemorySummary() == "models up to 1.0 GB of training memory, in at most 2.0 GB of WebAssembly memory");
#else
  CHECK(GetBuildInfo().memory_limit_bytes == 0);
  CHECK(MemorySummary() == "models up to 1.0 GB of training memory");
#endif
}
