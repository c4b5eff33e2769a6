// Scripted runs of the desktop app, for tests: settings applied at given frames
// (--at N:KEY=VALUE) and the app's state printed at given frames (--state-at N). A print waits
// until the training thread has shown everything asked of it, so a test reads a settled state
// whatever the machine's load (a step asked at frame 200 is in the state printed at 240).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace gradlab::ui {
struct AppState;
}

namespace gradlab::platform {

class FrameScript {
 public:
  // "200:train=step"; false (and `problem` says why) for anything else.
  bool AddSetting(const std::string& text, std::string* problem);
  // "240"; false for anything else.
  bool AddStatePrint(const std::string& text, std::string* problem);
  // Applies and prints what is due by this frame. True while something is still to come.
  bool Run(ui::AppState& state);
  bool empty() const { return settings_.empty() && prints_.empty(); }

 private:
  struct Setting {
    uint64_t frame;
    std::string key, value;
  };
  std::vector<Setting> settings_;  // applied in the order given
  std::vector<uint64_t> prints_;
};

}  // namespace gradlab::platform
