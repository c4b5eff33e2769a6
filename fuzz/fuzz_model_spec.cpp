// Model specs: the parser, the budget, and the layer editor's plan (which builds the model and
// its prefixes) for CIFAR-10 images and for toy points. Models over 16 MB are planned only as
// far as the budget: building them is slow under AddressSanitizer and proves nothing more.
#include "fuzz_input.h"
#include "nn/model_budget.h"
#include "nn/model_plan.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string spec = fuzz::Text(data, size);
  auto words = nn::ParseModelSpec(spec);
  if (!words) {
    GRADLAB_FUZZ_CHECK(!words.error().empty());
    return 0;
  }
  // What the layer editor writes back must parse to the same layers.
  auto again = nn::ParseModelSpec(nn::FormatModelSpec(*words));
  GRADLAB_FUZZ_CHECK(again.ok() && again->size() == words->size());
  for (const Shape& input : {Shape{3, 32, 32}, Shape{2}}) {
    auto cost = nn::CheckModelBudget(spec, input, 10);
    if (!cost || cost->bytes > (16u << 20)) continue;  // 64 MB: 2 s an input under ASan (a 10-minute run timed out)
    nn::ModelPlan plan = nn::PlanModel(spec, input, 10);
    if (plan.ok()) GRADLAB_FUZZ_CHECK(plan.parameters == cost->parameters);
  }
  return 0;
}
