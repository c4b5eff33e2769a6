#include "platform/web_bridge.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <malloc.h>

#include <cstdlib>
#include <string>
#include <utility>

#include "i18n/translate.h"
#include "ui/embed_events.h"
#include "ui/lessons_tab.h"
#include "ui/own_lessons.h"

namespace {
gradlab::ui::AppState* g_state = nullptr;
bool g_host_called = false;  // since the last TakeHostCalls()
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

// Called from JS: window.gradlab.heapInUse() gives the bytes malloc has handed out and not had
// back, which (unlike the WebAssembly memory, which never shrinks) shows a leak; scripts/soak
// samples it.
extern "C" EMSCRIPTEN_KEEPALIVE double gradlab_heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

// Called from JS (web/ime.js): text an input method composed (한, 漢字) or the browser inserted
// without key events, for the text field being edited.
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_text_input(const char* text) {
  g_host_called = true;
  if (text) ImGui::GetIO().AddInputCharactersUTF8(text);
}

// Called from JS: window.gradlab.set(key, value) changes one setting while the app runs (tests
// and host pages use it; a bad key or value is reported in the status bar, as in a link).
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_apply_setting(const char* key, const char* value) {
  g_host_called = true;
  if (g_state && key && value) gradlab::ui::ApplySetting(*g_state, key, value);
}

// Called from JS: window.gradlab.open(link) opens a link ("#v=1&...") in the running app, as
// if the page had been opened with it.
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_open_link(const char* link) {
  g_host_called = true;
  if (g_state && link) gradlab::ui::ApplyLink(*g_state, gradlab::settings::ParseQuery(link));
}

// The embed API (web/shell.js answers the host page's calls with these; docs/embed.md).
// Each returns "" when it worked, or why not.
extern "C" EMSCRIPTEN_KEEPALIVE const char* gradlab_api_set(const char* key, const char* value) {
  g_host_called = true;
  static std::string problem;
  problem = g_state && key && value ? gradlab::ui::TrySetting(*g_state, key, value) : "the app is not running";
  return problem.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* gradlab_api_open_lesson(int lesson, int step) {
  g_host_called = true;
  static std::string problem;
  problem.clear();
  if (!g_state) return "the app is not running";
  const std::string before = g_state->status_message;
  gradlab::ui::OpenLessonStep(*g_state, lesson, step);
  if (g_state->status_message != before) problem = g_state->status_message;
  return problem.c_str();
}

// Called by web/shell.js with a file dropped on the page (at most a lesson's size and one byte
// more, so a larger file is refused as too large without being read whole).
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_file_dropped(const char* name, const uint8_t* data, int size) {
  g_host_called = true;
  if (g_state) gradlab::ui::OpenDroppedFile(*g_state, name, std::vector<uint8_t>(data, data + size));
}

// Whether the app uses the keyboard itself (a text field being edited, an open menu): an embed's
// Escape then cancels there instead of handing the keyboard back to the host page.
extern "C" EMSCRIPTEN_KEEPALIVE int gradlab_keyboard_busy() {
  return ImGui::GetCurrentContext() && (ImGui::GetIO().WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) ? 1 : 0;
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* gradlab_api_state_json() {
  static std::string json;
  json = g_state ? gradlab::ui::EmbedStateJson(*g_state).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : "{}";
  return json.c_str();
}

// A sentence of the page's screen-reader layer (web/a11y.js) in the language the app speaks.
extern "C" EMSCRIPTEN_KEEPALIVE const char* gradlab_tr(const char* english) {
  static std::string translated;  // the argument lives on the stack ccall made
  translated = gradlab::tr(english);
  return translated.c_str();
}

namespace gradlab::platform {

void ConnectWebBridge(ui::AppState* state) { g_state = state; }

bool TakeHostCalls() { return std::exchange(g_host_called, false); }

namespace {
ImVec2 g_caret;  // where ImGui last put a text field's caret (logical pixels)
}  // namespace

void InstallTextInputBridge() {
  ImGui::GetIO().ImeSetInputScreenPosFn = [](int x, int y) { g_caret = ImVec2(static_cast<float>(x), static_cast<float>(y)); };
}

void SyncTextInput() {
  const ImGuiIO& io = ImGui::GetIO();
  EM_ASM({ if (window.gradlab && window.gradlab.ime) window.gradlab.ime.sync($0, $1, $2, $3); },
         io.WantTextInput, g_caret.x, g_caret.y, ImGui::GetTextLineHeight());
}

void EmitEvent(const std::string& name, const std::string& json) {
  EM_ASM({ if (window.gradlab && window.gradlab.emit) window.gradlab.emit(UTF8ToString($0), UTF8ToString($1)); }, name.c_str(), json.c_str());
}

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
bool TakeHostCalls() { return false; }
void InstallTextInputBridge() {}
void SyncTextInput() {}
std::string ReadPageLink() { return ""; }
void PublishLink(const std::string&) {}
std::string PageAddress() { return ""; }
void EmitEvent(const std::string&, const std::string&) {}
void NotifyFirstFrame() {}
float CanvasPixelRatio(int) { return 1.0f; }
}  // namespace gradlab::platform

#endif
