// Links: the page's address, the desktop app's --link, lesson steps and the settings a host page
// sends an embed all go through settings::ParseQuery and settings::ApplyLink. On any text, the
// bad parts are named and skipped, and what applied formats back (FormatFragment, the address
// bar) to a link that opens exactly the same settings, with no complaint.
#include "fuzz_input.h"
#include "settings/registry.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // longer links only repeat what shorter ones test, more slowly
  settings::Settings opened;
  const settings::LinkOutcome outcome = settings::ApplyLink(opened, settings::ParseQuery(fuzz::Text(data, size)));
  for (const std::string& problem : outcome.problems) GRADLAB_FUZZ_CHECK(!problem.empty());
  const std::string fragment = settings::FormatFragment(opened);
  settings::Settings again;
  const settings::LinkOutcome reopened = settings::ApplyLink(again, settings::ParseQuery("#" + fragment));
  GRADLAB_FUZZ_CHECK(reopened.problems.empty());
  GRADLAB_FUZZ_CHECK(again == opened);
  GRADLAB_FUZZ_CHECK(settings::FormatFragment(again) == fragment);
  return 0;
}
