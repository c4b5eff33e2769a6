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

// Called from JS: window.gradlab.set(key, value) changes one setting while the app runs (tests
// and host pages use it; a bad key or value is reported in the status bar, as in a link).
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_apply_setting(const char* key, const char* value) {
  if (g_state && key && value) gradlab::ui::ApplySetting(*g_state, key, value);
}

// Called from JS: window.gradlab.open(link) opens a link ("#v=1&...") in the running app, as
// if the page had been opened with it.
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_open_link(const char* link) {
  if (g_state && link) gradlab::ui::ApplyLink(*g_state, gradlab::settings::ParseQuery(link));
}

namespace gradlab::platform {

void ConnectWebBridge(ui::AppState* state) { g_state = state; }

namespace {
std::string TakeString(char* raw) {
  std::string text = raw ? raw : "";
  std::free(raw);
  return text;
}
}  // namespace

std::string ReadPageLink() {
  return TakeString(reinterpret_cast<char*>(EM_ASM_INT({
    return allocateUTF8(window.location.search.replace(/^[?]/, "") + "&" + window.location.hash.replace(/^#/, ""));
  })));
}

void PublishLink(const std::string& fragment) {
  EM_ASM({ if (window.gradlab && window.gradlab.publishLink) window.gradlab.publishLink(UTF8ToString($0)); }, fragment.c_str());
}

std::string PageAddress() {
  return TakeString(reinterpret_cast<char*>(EM_ASM_INT({
    return allocateUTF8(window.location.origin + window.location.pathname);
  })));
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
std::string ReadPageLink() { return ""; }
void PublishLink(const std::string&) {}
std::string PageAddress() { return ""; }
void NotifyFirstFrame() {}
float CanvasPixelRatio(int) { return 1.0f; }
}  // namespace gradlab::platform

#endif
