// One training iteration, stage by stage: the stages are there, and the update lowers the loss.
#include <catch2/catch.hpp>

#include "train/iteration.h"

using namespace gradlab::train;

TEST_CASE("One iteration of an MLP and of a tiny conv net, stage by stage", "[train]") {
  for (IterationSetup setup : {IterationSetup::kMlp, IterationSetup::kConv}) {
    auto it = BuildIteration(setup, 0.5, 3);
    REQUIRE(it.ok());
    // batch, forward per layer, loss, backward per layer, update
    const size_t layers = setup == IterationSetup::kMlp ? 3 : 4;  // conv adds a Flatten
    CHECK(it->stages.size() == 1 + layers + 1 + layers + 1);
    CHECK(it->stages.front().title == "The batch");
    CHECK(it->stages.back().title == "Update");
    CHECK(it->loss_after_update < it->loss);
    for (const auto& s : it->stages)
      for (const auto& m : s.matrices) REQUIRE(static_cast<int>(m.values.size()) == m.rows * m.cols);
  }
}

TEST_CASE("No stage's text is cut off", "[train]") {
  for (IterationSetup setup : {IterationSetup::kMlp, IterationSetup::kConv}) {
    auto it = BuildIteration(setup, 0.5, 3);
    REQUIRE(it.ok());
    for (const auto& s : it->stages) {
      INFO(s.title << ": " << s.explanation);
      // Every text is whole sentences; a fixed buffer used to cut the Loss stage mid-sentence.
      REQUIRE_FALSE(s.explanation.empty());
      CHECK(s.explanation.back() == '.');
      CHECK(s.explanation.size() != 159);
      CHECK(s.explanation.size() != 399);
    }
    const auto& loss = it->stages[1 + (setup == IterationSetup::kMlp ? 3 : 4)];
    REQUIRE(loss.title == "Loss");
    CHECK_THAT(loss.explanation, Catch::EndsWith("the backward pass starts here."));
  }
}
