// Session files (Save session / Open session, and the copy the page keeps in the browser's
// storage): train::DeserializeSession, then what the app does with a session that parses: its
// link through the settings registry and its model file through DeserializeModel.
#include "fuzz_input.h"
#include "settings/registry.h"
#include "train/model_file.h"
#include "train/session_file.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto session = train::DeserializeSession(fuzz::Bytes(data, size), "fuzz.gradlab-session");
  if (!session) {
    GRADLAB_FUZZ_CHECK(!session.error().empty());
    return 0;
  }
  settings::Settings s;
  (void)settings::ApplyLink(s, settings::ParseQuery("#" + session->link));
  if (!session->model.empty()) {
    auto model = train::DeserializeModel(session->model, "the session's model");
    if (!model) GRADLAB_FUZZ_CHECK(!model.error().empty());
  }
  return 0;
}
