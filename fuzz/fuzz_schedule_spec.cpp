// Learning-rate schedules ("step:30,60:gamma=0.5", "cosine", ...): what parses gives a finite,
// non-negative rate everywhere in training and formats to text that parses again.
#include <cmath>

#include "fuzz_input.h"
#include "nn/schedule.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto cfg = nn::ParseSchedule(fuzz::Text(data, size), 0.1);
  if (!cfg) {
    GRADLAB_FUZZ_CHECK(!cfg.error().empty());
    return 0;
  }
  GRADLAB_FUZZ_CHECK(nn::ParseSchedule(nn::FormatSchedule(*cfg), 0.1).ok());
  for (double t : {0.0, 0.5, 1.0, 7.0, 99.0, 100.0}) {
    const double lr = nn::LearningRateAt(*cfg, t, 100);
    GRADLAB_FUZZ_CHECK(std::isfinite(lr) && lr >= 0);
  }
  return 0;
}
