#include "platform/web_bridge.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <string>

namespace {
gradlab::ui::AppState* g_state = nullptr;
}

// Called from JS: web/shell.js wraps it as window.gradlab.state().
extern "C" EMSCRIPTEN_KEEPALIVE const char* gradlab_state_json() {
  static std::string json;
  json = g_state ? gradlab::ui::AppStateToJson(*g_state) : "{}";
  return json.c_str();
}

// Called from JS: window.gradlab.frames() starts recording each frame's own work and its
// training slice (milliseconds) and whether it drew, and returns and forgets what was recorded
// since the last call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* gradlab_frame_log_json() {
  static std::string json;
  std::string work, train, drawn;
  if (g_state) {
    for (const auto& f : g_state->frame_log) {
      const char* sep = work.empty() ? "" : ",";
      work += sep + std::to_string(f.work_ms);
      train += sep + std::to_string(f.train_ms);
      drawn += sep + std::string(f.drawn ? "1" : "0");
    }
    g_state->frame_log.clear();
    g_state->log_frames = true;
  }
  json = "{\"workMs\":[" + work + "],\"trainMs\":[" + train + "],\"drawn\":[" + drawn + "]}";
  return json.c_str();
}

// Called from JS: window.gradlab.set(key, value) applies a link setting while the app runs
// (tests and host pages use it; unknown keys are reported in the status bar like in a URL).
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_apply_setting(const char* key, const char* value) {
  if (g_state && key && value) gradlab::ui::ApplyStartupSetting(*g_state, key, value);
}

namespace gradlab::platform {

void ConnectWebBridge(ui::AppState* state) { g_state = state; }

std::vector<std::pair<std::string, std::string>> ReadUrlParameters() {
  // URLSearchParams does the decoding; pairs come back as "key\nvalue\n..." (newlines dropped
  // from values first, so a wild parameter cannot shift the pairs).
  char* raw = reinterpret_cast<char*>(EM_ASM_INT({
    const NL = String.fromCharCode(10);
    const clean = (s) => s.split(NL).join(" ");
    let out = "";
    try {
      // (no destructuring here: a bare comma would split the EM_ASM macro's arguments)
      new URLSearchParams(window.location.search).forEach((v, k) => {
        out += clean(k) + NL + clean(v) + NL;
      });
    } catch (e) {}
    return allocateUTF8(out);
  }));
  std::vector<std::pair<std::string, std::string>> params;
  std::string text = raw ? raw : "";
  std::free(raw);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t k_end = text.find('\n', pos);
    if (k_end == std::string::npos) break;
    size_t v_end = text.find('\n', k_end + 1);
    if (v_end == std::string::npos) break;
    params.emplace_back(text.substr(pos, k_end - pos), text.substr(k_end + 1, v_end - k_end - 1));
    pos = v_end + 1;
  }
  return params;
}

void NotifyFirstFrame() {
  EM_ASM({ if (Module.onFirstFrame) Module.onFirstFrame(); });
}

float CanvasPixelRatio(int logical_width) {
  int w = 0, h = 0;
  emscripten_get_canvas_element_size("#canvas", &w, &h);
  return logical_width > 0 && w > 0 ? static_cast<float>(w) / logical_width : 1.0f;
}

}  // namespace gradlab::platform

#else  // native: nothing to bridge

namespace gradlab::platform {
void ConnectWebBridge(ui::AppState*) {}
std::vector<std::pair<std::string, std::string>> ReadUrlParameters() { return {}; }
void NotifyFirstFrame() {}
float CanvasPixelRatio(int) { return 1.0f; }
}  // namespace gradlab::platform

#endif
