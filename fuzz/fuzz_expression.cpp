// Expressions of the Backprop tab: parse, give every variable a value, and step through the whole
// forward and backward pass (with the notes and the gradient check) as the tab does.
#include "fuzz_input.h"
#include "graph/parser.h"
#include "graph/stepper.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // the text box holds less; longer inputs only slow the search
  auto parsed = graph::ParseExpression(fuzz::Text(data, size));
  if (!parsed) {
    GRADLAB_FUZZ_CHECK(!parsed.error().empty());
    return 0;
  }
  graph::InputValues values;
  double v = 0.5;
  for (int id : parsed->inputs()) values.emplace_back(parsed->node(id).label, v *= -1.5);
  auto stepper = graph::MakeStepper(fuzz::Text(data, size), values);
  GRADLAB_FUZZ_CHECK(stepper.ok());
  stepper->RunToEnd();
  while (stepper->StepBack()) {
  }
  return 0;
}
