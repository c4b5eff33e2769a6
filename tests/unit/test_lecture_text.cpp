// The words beside the formulas: the README and the lessons write what the engine computes,
// with the lecture's letters, and point out the lecture's slips where its formula is shown.
#include <catch2/catch.hpp>

#include <string>

#include "io/file_io.h"
#include "nn/conv_arithmetic.h"
#include "nn/regularizer.h"
#include "nn/schedule.h"

using namespace gradlab;

namespace {

std::string SourceText(const std::string& path) {
  auto bytes = ReadFileBytes(std::string(GRADLAB_SOURCE_DIR) + "/" + path);
  REQUIRE(bytes.ok());
  return std::string(bytes->begin(), bytes->end());
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("The README and the schedules lesson write the formulas the engine computes", "[docs][schedule]") {
  using nn::ScheduleKind;
  const std::string readme = SourceText("README.md"), lesson = SourceText("assets/lessons/7-lr-schedules.json");
  for (ScheduleKind kind : {ScheduleKind::kCosine, ScheduleKind::kLinear, ScheduleKind::kInverseSqrt}) {
    INFO(nn::ScheduleFormula(kind));
    CHECK(Has(readme, nn::ScheduleFormula(kind)));
    CHECK(Has(lesson, nn::ScheduleFormula(kind)));
  }
  for (const std::string& text : {readme, lesson}) {
    CHECK(Has(text, "min(1, (t + 1)/(W + 1))"));
    CHECK(Has(text, "epochs completed, from 0"));
    CHECK(Has(text, "t counted from 1)"));  // the lecture's t, beside ours
  }
  CHECK(Has(nn::kWarmupHelp, "min(1, (t + 1)/(W + 1))"));
}

TEST_CASE("Conv texts call the filter size F (K is the number of filters)", "[docs][conv]") {
  CHECK(std::string(nn::kReceptiveFieldFormula) == "1 + L(F - 1)");
  const std::string readme = SourceText("README.md"), lesson = SourceText("assets/lessons/12-conv-arithmetic.json");
  CHECK(Has(lesson, nn::kReceptiveFieldFormula));
  for (const std::string& text : {readme, lesson}) {
    CHECK_FALSE(Has(text, "K - 1"));
    CHECK_FALSE(Has(text, "KxK"));
  }
}

TEST_CASE("The lecture's slips are pointed out where the formula is shown", "[docs][lecture]") {
  // Output size: the lecture's (N+2P-f+1)/S agrees only for S = 1.
  CHECK(nn::FitWindow(7, 3, 1, 1).output == (7 + 2 - 3 + 1) / 1);
  CHECK(nn::FitWindow(7, 3, 2, 1).output == 4);  // (7 + 2 - 3)/2 + 1, where (7+2-3+1)/2 = 3.5
  CHECK(Has(nn::kOutputSizeSlip, "(N+2P-f+1)/S"));
  CHECK(Has(nn::kOutputSizeSlip, "(N + 2P - F)/S + 1"));
  const std::string conv_lesson = SourceText("assets/lessons/12-conv-arithmetic.json");
  CHECK(Has(conv_lesson, nn::kOutputSizeFormula));
  CHECK(Has(conv_lesson, nn::kOutputSizeSlip));
  // The sign of the penalty: added, as the lecture's later slides and the engine have it.
  CHECK(Has(nn::kLossSignSlip, "- lambda R(W)"));
  CHECK(Has(nn::kLossSignSlip, "+ lambda R(W)"));
  CHECK(Has(SourceText("README.md"), "`- lambda R(W)`, a slip"));
}
