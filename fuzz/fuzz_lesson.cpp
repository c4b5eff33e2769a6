// Lesson files (JSON): lessons::ParseLesson, as the Lessons tab reads every file in its folder.
#include "fuzz_input.h"
#include "lessons/lesson.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto lesson = lessons::ParseLesson(fuzz::Text(data, size), "fuzz.json");
  if (!lesson) GRADLAB_FUZZ_CHECK(!lesson.error().empty());
  return 0;
}
