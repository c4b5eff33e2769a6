// The Gradlab app: SDL2 + OpenGL 3 natively, SDL2 + WebGL2 in the browser. One loop body
// (RunFrame) serves the native `while` loop and emscripten_set_main_loop; everything the
// user sees is drawn by src/ui.
#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "core/build_info.h"
#include "io/file_io.h"
#include "i18n/translate.h"
#include "lessons/lesson.h"
#include "platform/gl.h"
#include "platform/screenshot.h"
#include "platform/draw_hash.h"
#include "platform/frame_script.h"
#include "platform/key_pacing.h"
#include "platform/redraw_pacing.h"
#include "platform/services_impl.h"
#include "platform/web_bridge.h"
#include "ui/embed_events.h"
#include "ui/focused_control.h"
#include "ui/own_lessons.h"
#include "ui/workspace.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace gradlab::platform {
namespace {

// [SECTION] Options --------------------------------------------------------------------------

struct Options {
  int frames = 0;  // stop after this many frames (0: run until closed)
  std::string screenshot;  // write the last frame here as PNG
  int width = 1280, height = 800;
  std::string link;  // --link, then --set/--tab/--theme in the order given, as one link

  bool print_state = false;
  FrameScript script;  // --at, --state-at
};

const char* kUsage =
    "Usage: gradlab [options]\n\n"
    "Options:\n"
    "  --frames N          render N frames, then exit (for tests)\n"
    "  --screenshot PATH   save the last frame as a PNG (with --frames)\n"
    "  --size WxH          window size in logical pixels (default 1280x800)\n"
    "  --tab NAME          open on a tab: train, backprop, lessons, calculators\n"
    "  --theme dark|light|projector  colours and sizes (projector: large text, high contrast)\n"
    "  --link LINK         open a link's set-up, as the page's Share button copies it ('#v=1&tab=backprop&...')\n"
    "  --set KEY=VALUE     one setting, as in a link (e.g. data=cifar10, classes=cat,dog, model=linear, train=1,\n"
    "                      view=weights); repeatable; `gradlab-cli settings` lists them\n"
    "  --print-state       print the app's state as JSON when it exits (for tests)\n"
    "  --at N:KEY=VALUE    apply a setting at frame N (e.g. 200:train=step); repeatable (for tests)\n"
    "  --state-at N        print the app's state at frame N, once training has caught up; repeatable\n"
    "  --help, --version\n";

// Returns 0 to continue, or an exit code (+1) to stop with.
int ParseOptions(int argc, char** argv, Options& opt) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* what) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "gradlab: %s needs a value (%s)\n", a.c_str(), what);
        return nullptr;
      }
      return argv[++i];
    };
    const char* v = nullptr;
    if (a == "--help") {
      std::printf("%s", kUsage);
      return 1;
    } else if (a == "--version") {
      std::printf("%s\n", BuildSummary().c_str());
      return 1;
    } else if (a == "--frames") {
      if (!(v = value("N"))) return 3;
      opt.frames = std::atoi(v);
      if (opt.frames <= 0) {
        std::fprintf(stderr, "gradlab: --frames must be a positive number, not '%s'\n", v);
        return 3;
      }
    } else if (a == "--screenshot") {
      if (!(v = value("PATH"))) return 3;
      opt.screenshot = v;
    } else if (a == "--size") {
      if (!(v = value("WxH"))) return 3;
      if (std::sscanf(v, "%dx%d", &opt.width, &opt.height) != 2 || opt.width < 320 ||
          opt.height < 240 || opt.width > 8192 || opt.height > 8192) {
        std::fprintf(stderr, "gradlab: --size wants WxH between 320x240 and 8192x8192, not '%s'\n", v);
        return 3;
      }
    } else if (a == "--tab" || a == "--theme") {
      if (!(v = value("NAME"))) return 3;
      opt.link += "&" + a.substr(2) + "=" + settings::EncodeValue(v);
    } else if (a == "--link") {
      if (!(v = value("LINK"))) return 3;
      opt.link = v + opt.link;
    } else if (a == "--set") {
      if (!(v = value("KEY=VALUE"))) return 3;
      const std::string kv = v;
      const size_t eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) {
        std::fprintf(stderr, "gradlab: --set wants KEY=VALUE, not '%s'\n", v);
        return 3;
      }
      opt.link += "&" + kv.substr(0, eq) + "=" + settings::EncodeValue(kv.substr(eq + 1));
    } else if (a == "--print-state") {
      opt.print_state = true;
    } else if (a == "--at" || a == "--state-at") {
      if (!(v = value(a == "--at" ? "N:KEY=VALUE" : "N"))) return 3;
      std::string problem;
      if (!(a == "--at" ? opt.script.AddSetting(v, &problem) : opt.script.AddStatePrint(v, &problem))) {
        std::fprintf(stderr, "gradlab: %s\n", problem.c_str());
        return 3;
      }
    } else {
      std::fprintf(stderr, "gradlab: unknown option '%s'\n%s", a.c_str(), kUsage);
      return 3;
    }
  }
  if (!opt.screenshot.empty() && opt.frames == 0) opt.frames = 10;
  return 0;
}

// [SECTION] App --------------------------------------------------------------------------

struct App {
  Options options;
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  ui::AppState state;
  bool running = true;
  int exit_code = 0;
  Uint64 last_counter = 0;  // start of the second whose frames are being counted
  int frames_counted = 0;
  uint64_t last_draw_hash = 0;
  ui::EmbedWatch embed_watch;  // what a page embedding the app has been told
  float font_ratio = 1;  // the pixel density the fonts were rendered at
  int press_delay = 0;  // frames until a held-back press reaches ImGui (HandleEvents)
  KeyPacer keys;  // one key press a frame (HandleEvents)
  bool textures_pending = false;  // changed textures not drawn yet (the pacer held a frame back)
  RedrawPacer redraw;
};

#ifdef __EMSCRIPTEN__
constexpr bool kSkipUnchangedFrames = true;
#else
constexpr bool kSkipUnchangedFrames = false;
#endif

// The UI font at the display's pixel density, so text is sharp on HiDPI screens.
// The UI font at the display's pixel density, so text is sharp on HiDPI screens, in two sizes:
// the normal one and the projector theme's, 1.5 times larger (ui::ApplyTheme picks it), each
// rendered at its own size so it stays sharp. Merged into each: the Hangul of the word 한국어 (so
// the Language menu can name it), and once Korean is chosen the Korean font (ui/language.h).
// The language the student's browser asks for ("ko-KR"), or the desktop's LANG ("ko_KR.UTF-8").
std::string PreferredLanguage() {
#ifdef __EMSCRIPTEN__
  char language[64] = "";
  EM_ASM({ stringToUTF8(String(navigator.language || ""), $0, 64); }, language);
  return language;
#else
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* value = std::getenv(name); value && *value) return value;
  return "";
#endif
}

void LoadFonts(float pixel_ratio, std::vector<uint8_t>* korean) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.FontGlobalScale = 1.0f / pixel_ratio;
  const std::string assets = ui::services().AssetDir();
  const std::string font_path = assets + "fonts/ui.ttf", name_path = assets + "fonts/ko-name.otf";
  // Latin, Greek and the maths the lessons write: ∂, ·, ×, −, ≈, ∑, →.
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0391, 0x03C9, 0x2010, 0x206F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};
  for (const float size : {16.0f, 24.0f}) {
    if (!io.Fonts->AddFontFromFileTTF(font_path.c_str(), size * pixel_ratio, nullptr, ranges)) {
      std::fprintf(stderr, "gradlab: font %s not found; using the built-in font\n", font_path.c_str());
      io.Fonts->Clear();
      ImFontConfig config;
      config.SizePixels = 13.0f * pixel_ratio;
      io.Fonts->AddFontDefault(&config);
      return;
    }
    ImFontConfig merge;
    merge.MergeMode = true;
    // Thousands of syllables: no sideways oversampling (it would triple the atlas; ImGui's advice
    // for CJK), and none in the projector's size on a phone's dense screen, which would need a
    // texture larger than phones allow (the projector is for lecture halls, not phones).
    merge.OversampleH = 1;
    merge.PixelSnapH = true;
    const bool projector_on_phone = size > 16.0f && pixel_ratio > 1.5f;
    const ImWchar* hangul = io.Fonts->GetGlyphRangesKorean();  // only the glyphs a font has are baked
    // Hangul drawn at DejaVu's size looks a size smaller than the Latin beside it (DejaVu's tall x-height).
    const float hangul_size = 1.15f * size * pixel_ratio;
    if (korean && !korean->empty() && !projector_on_phone) {
      merge.FontDataOwnedByAtlas = false;  // the bytes stay in AppState
      io.Fonts->AddFontFromMemoryTTF(korean->data(), static_cast<int>(korean->size()), hangul_size, &merge, hangul);
    } else {
      io.Fonts->AddFontFromFileTTF(name_path.c_str(), hangul_size, &merge, hangul);
    }
  }
}

bool Init(App& app) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "gradlab: SDL_Init failed: %s\n", SDL_GetError());
    return false;
  }
#ifdef __EMSCRIPTEN__
  const char* glsl_version = "#version 300 es";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  // Keys go to the canvas only (not to text fields of a host page around an iframe).
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#else
  const char* glsl_version = "#version 130";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  app.window = SDL_CreateWindow("Gradlab", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                app.options.width, app.options.height, flags);
  if (!app.window) {
    std::fprintf(stderr, "gradlab: could not open a window: %s\n", SDL_GetError());
    return false;
  }
  app.gl = SDL_GL_CreateContext(app.window);
  if (!app.gl) {
    std::fprintf(stderr, "gradlab: could not create an OpenGL context: %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(app.window, app.gl);
  SDL_GL_SetSwapInterval(app.options.frames > 0 ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember
  ui::EnableFocusTracking();             // the page's text layer names the focused control
  // Everything works from the keyboard: arrows move between controls, Space or Enter acts, Escape
  // backs out (ImGui draws the focus ring while the keyboard is used).
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
  ImGui_ImplOpenGL3_Init(glsl_version);

  int w = 0, h = 0;
  SDL_GetWindowSize(app.window, &w, &h);
  int dw = 0, dh = 0;
  SDL_GL_GetDrawableSize(app.window, &dw, &dh);
  float ratio = CanvasPixelRatio(w);
#ifndef __EMSCRIPTEN__
  ratio = w > 0 ? static_cast<float>(dw) / w : 1.0f;
#endif
  app.font_ratio = ratio;
  InstallServices();
  LoadFonts(ratio, nullptr);
  app.state.can_quit = std::strcmp(GRADLAB_TARGET, "web") != 0;
  // The page's link (query, then fragment) or the command line's, as one link.
  const std::string link = ReadPageLink() + "&" + app.options.link;
  const settings::Pairs pairs = settings::ParseQuery(link);
#ifdef __EMSCRIPTEN__
  // The page starts light or dark as the browser prefers; a link or a kept session says otherwise.
  if (EM_ASM_INT({ return window.matchMedia && window.matchMedia('(prefers-color-scheme: light)').matches ? 1 : 0; }))
    app.state.settings.app.theme = settings::Theme::kLight;
#endif
  app.state.settings.app.locale = ui::LocaleFor(PreferredLanguage());
  ui::ApplyLink(app.state, pairs);
  ui::RestoreStoredSession(app.state, !pairs.empty());  // in the page: a reload brings the work back
  ui::UpdateLink(app.state);  // the address bar changes only once the student changes something
  app.state.applied_theme = app.state.settings.app.theme;
  ui::ApplyTheme(app.state.applied_theme);
  ConnectWebBridge(&app.state);
  InstallTextInputBridge();
  app.last_counter = SDL_GetPerformanceCounter();
  return true;
}

// An event reaches ImGui, and quits the app where it asks to.
void Deliver(App& app, const SDL_Event& event) {
  SDL_Event copy = event;  // the backend takes a pointer to a mutable event
  ImGui_ImplSDL2_ProcessEvent(&copy);
  if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) {
    // The backend reads the modifiers as they are now; a key held back (KeyPacer) keeps those of
    // its own moment, so a Ctrl+V let through a frame late is still Ctrl+V.
    ImGuiIO& io = ImGui::GetIO();
    const Uint16 mod = event.key.keysym.mod;
    io.KeyShift = (mod & KMOD_SHIFT) != 0;
    io.KeyCtrl = (mod & KMOD_CTRL) != 0;
    io.KeyAlt = (mod & KMOD_ALT) != 0;
    io.KeySuper = (mod & KMOD_GUI) != 0;
  }
  if (event.type == SDL_QUIT) app.state.quit_requested = true;
  if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
      event.window.windowID == SDL_GetWindowID(app.window))
    app.state.quit_requested = true;
  if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_q && (event.key.keysym.mod & KMOD_CTRL) && app.state.can_quit)
    app.state.quit_requested = true;
}

// Returns whether the student did anything: an event came, or one held back from the last frame.
bool HandleEvents(App& app) {
  const std::vector<SDL_Event> held = app.keys.StartFrame();
  bool any = !held.empty();
  for (const SDL_Event& e : held)
    if (app.keys.Pass(e)) Deliver(app, e);
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    any = true;
    if (!app.keys.Pass(event)) continue;
    // A press where the pointer has only just arrived (a tap on a touch screen, a click on a
    // window that did not have the pointer): ImGui sees it a frame later, once it has seen the
    // item under it hovered, or a tab or a header would need a second tap.
    if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_LEFT && app.press_delay == 0) {
      const ImVec2 seen = ImGui::GetIO().MousePos;
      if (seen.x != static_cast<float>(event.button.x) || seen.y != static_cast<float>(event.button.y)) {
        app.press_delay = 2;
        continue;
      }
    }
#ifndef __EMSCRIPTEN__  // the page reads files dropped on it itself (web/shell.js)
    if (event.type == SDL_DROPFILE) {
      const std::string path = event.drop.file;
      SDL_free(event.drop.file);
      gradlab::ui::OpenDroppedFile(app.state, path, gradlab::ReadFileBytes(path, gradlab::lessons::kMaxLessonBytes + 1));
      continue;
    }
#endif
    Deliver(app, event);
  }
  return any;
}

void RunFrame(App& app) {
  const Uint64 work_start = SDL_GetPerformanceCounter();
  const double start_ms = 1000.0 * static_cast<double>(work_start) / static_cast<double>(SDL_GetPerformanceFrequency());
  app.redraw.FrameStarted(start_ms);
  const bool student_input = HandleEvents(app);
  PumpServices();
  if (app.state.language.fonts_changed) {  // Korean was chosen: its font joins the atlas, between frames
    LoadFonts(app.font_ratio, &app.state.language.korean_font);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    app.state.language.fonts_changed = false;
    ui::ApplyTheme(app.state.applied_theme);  // it points at the projector theme's font, made anew
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  if (app.press_delay > 0) ImGui::GetIO().MouseDown[0] = --app.press_delay == 0;  // up this frame, down the next
  ImGuiIO& io = ImGui::GetIO();
#ifdef __EMSCRIPTEN__
  // SDL reports the canvas in CSS pixels; its backing store is devicePixelRatio times larger.
  const float ratio = CanvasPixelRatio(static_cast<int>(io.DisplaySize.x));
  io.DisplayFramebufferScale = ImVec2(ratio, ratio);
#endif
  app.state.display_width = io.DisplaySize.x;
  app.state.display_height = io.DisplaySize.y;
  app.state.framebuffer_scale = io.DisplayFramebufferScale.x;

  ImGui::NewFrame();
  ui::DrawWorkspace(app.state);
  ImGui::Render();
  SyncTextInput();
  if (ui::UpdateLink(app.state)) PublishLink(app.state.link);
  for (const ui::EmbedEvent& event : ui::CollectEmbedEvents(app.state, app.embed_watch)) EmitEvent(event.name, event.data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));

  const int fb_w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
  const int fb_h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
  // In the browser a frame that would draw exactly what is on screen is not drawn: the canvas
  // keeps its picture and the GPU has nothing to do (headless Chromium draws on the CPU, where
  // that is most of a frame). While a CNN trains, a step spans several frames and most of them
  // change nothing visible; while it trains on its own thread, the frames its pictures change
  // may wait for the pacer (RedrawPacer), where drawing them would make the page stutter.
  // Natively the swap needs a fresh back buffer, so every frame draws.
  bool draw = true;
  if constexpr (kSkipUnchangedFrames) {
    const uint64_t draw_hash = HashDrawData(*ImGui::GetDrawData());
    app.textures_pending = TakeTexturesChanged() || app.textures_pending;
    const bool student = TakeHostCalls() || student_input;
    const bool paced = app.state.train.trainer && app.state.train.playing;
    draw = (app.textures_pending || draw_hash != app.last_draw_hash) && app.redraw.Draw(start_ms, student, paced);
    if (draw) {
      app.last_draw_hash = draw_hash;  // what is on screen now
      app.textures_pending = false;
    }
  }
  if (draw) {
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  app.state.frame_drawn = draw;
  // The frame's own work (events, training slice, UI, GL calls), apart from waiting for vsync:
  // what the frame-time benchmark compares with the 33 ms goal.
  app.state.frame_work_ms = 1000.0 * static_cast<double>(SDL_GetPerformanceCounter() - work_start) /
                            static_cast<double>(SDL_GetPerformanceFrequency());
  if (app.state.log_frames && app.state.frame_log.size() < 100000)
    app.state.frame_log.push_back({static_cast<float>(app.state.frame_work_ms),
                                   static_cast<float>(app.state.train.last_frame_train_ms), draw});

  ++app.state.frame;
  const bool scripted = app.options.script.Run(app.state);  // a scripted run ends once its script has
  const bool last_frame = app.options.frames > 0 && app.state.frame >= static_cast<uint64_t>(app.options.frames) && !scripted;
  if (scripted && app.options.frames > 0 && app.state.frame >= static_cast<uint64_t>(app.options.frames) + 100000) {
    std::fprintf(stderr, "gradlab: the script's state prints never found training caught up\n");
    app.exit_code = 1;
    app.running = false;
  }
  if (last_frame && !app.options.screenshot.empty()) {
    Image image = ReadFramebuffer(fb_w, fb_h);
    std::string error = WritePng(image, app.options.screenshot);
    if (!error.empty()) {
      std::fprintf(stderr, "gradlab: %s\n", error.c_str());
      app.exit_code = 1;
    }
    std::printf("screenshot %s: %dx%d, %d colours\n", app.options.screenshot.c_str(), image.width,
                image.height, CountDistinctColours(image));
  }
  SDL_GL_SwapWindow(app.window);

  // Frames per second counted over whole seconds: a figure that changes once a second does not
  // make every frame differ from the last (see kSkipUnchangedFrames).
  const Uint64 now = SDL_GetPerformanceCounter();
  const double since = static_cast<double>(now - app.last_counter) / SDL_GetPerformanceFrequency();
  ++app.frames_counted;
  if (since >= 1.0) {
    app.state.fps = static_cast<float>(app.frames_counted / since);
    app.frames_counted = 0;
    app.last_counter = now;
  }
  if (app.state.frame == 1) NotifyFirstFrame();
  if (last_frame) {
    std::printf("rendered %llu frames\n", static_cast<unsigned long long>(app.state.frame));
    app.state.quit_requested = true;
  }
  if (app.state.quit_requested && app.state.can_quit) app.running = false;
}

#ifndef __EMSCRIPTEN__
// The desktop app never ends on an uncaught exception: a frame that throws is reported in the
// status bar with training paused, so the student can save the session; only an error in every
// frame for a while (nothing can be drawn) ends the app, with one clear line.
void RunFrameGuarded(App& app) {
  static int failed_in_a_row = 0;
  try {
    RunFrame(app);
    failed_in_a_row = 0;
  } catch (const std::exception& e) {
    if (ImGui::GetCurrentContext() && ImGui::GetCurrentContext()->WithinFrameScope) {
      ImGui::ErrorCheckEndFrameRecover(nullptr);  // closes the windows the frame left open
      ImGui::EndFrame();
    }
    app.state.train.playing = false;
    app.state.status_message =
        Fill(tr("Something went wrong: {0}. Training is paused; Gradlab > Save session keeps your work."), {e.what()});
    if (++failed_in_a_row >= 100) {
      std::fprintf(stderr, "gradlab: stopped by an error in every frame: %s\n", e.what());
      app.exit_code = 1;
      app.running = false;
    }
  }
}
#endif

[[maybe_unused]] void Shutdown(App& app) {  // natively; the page never shuts down
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  if (app.gl) SDL_GL_DeleteContext(app.gl);
  if (app.window) SDL_DestroyWindow(app.window);
  SDL_Quit();
}

}  // namespace
}  // namespace gradlab::platform

int main(int argc, char** argv) {
  using namespace gradlab::platform;
  static App app;  // static: the browser's main loop outlives main()
  if (int stop = ParseOptions(argc, argv, app.options)) return stop - 1;
  if (!Init(app)) return 1;
#ifdef __EMSCRIPTEN__
  app.state.can_quit = false;
  emscripten_set_main_loop_arg([](void* arg) { RunFrame(*static_cast<App*>(arg)); }, &app, 0, true);
#else
  while (app.running) RunFrameGuarded(app);
  if (app.options.print_state) std::printf("state %s\n", gradlab::ui::AppStateToJson(app.state).c_str());
  Shutdown(app);
#endif
  return app.exit_code;
}
