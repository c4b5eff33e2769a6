#include "platform/frame_script.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "ui/app_state.h"
#include "ui/train_controller.h"

namespace gradlab::platform {

namespace {

bool ParseFrame(const std::string& text, uint64_t* frame) {
  char* end = nullptr;
  const long long n = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || n < 1 || n > 10000000) return false;
  *frame = static_cast<uint64_t>(n);
  return true;
}

}  // namespace

bool FrameScript::AddSetting(const std::string& text, std::string* problem) {
  const size_t colon = text.find(':'), eq = text.find('=');
  Setting s;
  if (colon == std::string::npos || eq == std::string::npos || eq < colon + 2 || !ParseFrame(text.substr(0, colon), &s.frame)) {
    *problem = "--at wants FRAME:KEY=VALUE, like 200:train=step, not '" + text + "'";
    return false;
  }
  s.key = text.substr(colon + 1, eq - colon - 1);
  s.value = text.substr(eq + 1);
  settings_.push_back(s);
  return true;
}

bool FrameScript::AddStatePrint(const std::string& text, std::string* problem) {
  uint64_t frame = 0;
  if (!ParseFrame(text, &frame)) {
    *problem = "--state-at wants a frame number, not '" + text + "'";
    return false;
  }
  prints_.insert(std::upper_bound(prints_.begin(), prints_.end(), frame), frame);
  return true;
}

bool FrameScript::Run(ui::AppState& state) {
  // A print comes before the settings of its frame or later, so `--state-at 200 --at 200:...`
  // reads the state the setting then changes. Settings wait for the prints due before them.
  while (true) {
    const bool print_due = !prints_.empty() && prints_.front() <= state.frame;
    const bool setting_due = !settings_.empty() && settings_.front().frame <= state.frame;
    if (print_due && (!setting_due || prints_.front() <= settings_.front().frame)) {
      if (!ui::TrainingSettled(state.train)) return true;  // the next frame, once the thread has caught up
      std::printf("state %s\n", ui::AppStateToJson(state).c_str());
      std::fflush(stdout);
      prints_.erase(prints_.begin());
    } else if (setting_due) {
      ui::ApplySetting(state, settings_.front().key, settings_.front().value);
      settings_.erase(settings_.begin());
    } else {
      return !empty();
    }
  }
}

}  // namespace gradlab::platform
