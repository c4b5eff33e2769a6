#include "ui/workspace.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "core/build_info.h"
#include "i18n/translate.h"
#include "nn/model_budget.h"
#include "ui/focused_control.h"
#include "ui/hook_items.h"
#include "ui/layout.h"
#include "ui/train_controller.h"
#include "ui/lessons_tab.h"
#include "ui/layout_check.h"
#include "ui/own_lessons.h"
#include "ui/session_keeper.h"
#include "ui/share_dialog.h"
#include "ui/train_tab.h"

namespace gradlab::ui {

// [SECTION] Theme ---------------------------------------------------------------------------

void ApplyTheme(settings::Theme theme) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  if (theme == settings::Theme::kDark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.TabRounding = 3;
  style.GrabRounding = 3;
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
  // The large font, when the platform loaded one (platform/main.cpp LoadFonts: the second font).
  ImGuiIO& io = ImGui::GetIO();
  const bool projector = theme == settings::Theme::kProjector;
  io.FontDefault = projector && io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : nullptr;
  if (!projector) return;
  // Projectors wash out dim colours: black on white, outlined controls, wide scrollbars.
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
  c[ImGuiCol_TextDisabled] = ImVec4(0.25f, 0.25f, 0.25f, 1);
  c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.8f);
  c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.93f, 0.93f, 1);
  c[ImGuiCol_Button] = ImVec4(0.78f, 0.86f, 1, 1);
  c[ImGuiCol_CheckMark] = c[ImGuiCol_SliderGrab] = ImVec4(0, 0.2f, 0.75f, 1);
  c[ImGuiCol_PlotLines] = ImVec4(0, 0.2f, 0.75f, 1);
  style.FrameBorderSize = 1.5f;
  style.ChildBorderSize = style.WindowBorderSize = 1.5f;
  style.ScrollbarSize = 22;
  style.GrabMinSize = 16;
}

// [SECTION] Tabs ----------------------------------------------------------------------------
// settings.app.tab is the tab wanted; shown_tab the one the tab bar shows. While they differ
// because a link or a lesson asked for another tab, the tab bar is told to select it; a tab the
// student clicks becomes the setting.

static void DrawTabContent(AppState& state, Tab tab) {
  switch (tab) {
    case Tab::kTrain: DrawTrainTab(state.train, state.settings.app); break;
    case Tab::kCalculators: DrawCalculatorsTab(state.calculators, settings::ListHas(state.settings.app.lock, "calculator")); break;
    case Tab::kBackprop: DrawBackpropTab(state.backprop, settings::ListHas(state.settings.app.lock, "graph"), state.settings.app.lesson > 0); break;
    case Tab::kLessons: DrawLessonsTab(state); break;
  }
}

static void DrawTabs(AppState& state) {
  if (state.settings.app.embed) {  // an embed shows the one tab its link opens, without the tab bar
    state.shown_tab = state.settings.app.tab;
    DrawTabContent(state, state.shown_tab);
    return;
  }
  if (!ImGui::BeginTabBar("workspace")) return;
  const Tab wanted = state.settings.app.tab;
  const bool switching = wanted != state.shown_tab;
  Tab opened = state.shown_tab;
  // Up out of a tab's content lands on the tab shown, not on whichever tab is nearest above
  // (ImGui's arrows go by geometry): the keyboard comes back to the tab it left. Only an arrow's
  // arrival from outside the tab bar: Left and Right along the tabs are left alone.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  bool arrived_on_other_tab = false;
  if (!state.focus_on_tab_bar && !switching && g.NavJustMovedToId != 0)
    for (int index = 0; index < kTabCount; ++index) {
      const Tab tab = static_cast<Tab>(index);
      arrived_on_other_tab |= tab != state.shown_tab && g.NavJustMovedToId == ImGui::GetID(TrLabel(TabLabel(tab)));
    }
  bool focus_on_tab_bar = false;
  for (int index = 0; index < kTabCount; ++index) {
    const Tab tab = static_cast<Tab>(index);
    if (tab != wanted && settings::ListHas(state.settings.app.hide, settings::TabName(tab))) continue;  // hidden by an exercise
    const ImGuiTabItemFlags flags = switching && tab == wanted ? ImGuiTabItemFlags_SetSelected : 0;
    const bool open = BeginTabItem(TrLabel(TabLabel(tab)), flags);
    const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    state.tab_rects[index] = {min.x, min.y, size.x, size.y};
    if (arrived_on_other_tab && tab == state.shown_tab) {
      ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());  // here, so ImGui takes this tab's rectangle
      g.NavDisableHighlight = false;  // SetFocusID hides the focus ring unless an item is active; it came by key
    }
    focus_on_tab_bar |= ImGui::GetFocusID() == ImGui::GetItemID();
    if (!open) continue;
    // With nothing focused (a page just opened), the keyboard starts on the tab shown: a screen
    // reader says which tab is open, and Down goes into it (ImGui would start from the first tab).
    if (!switching && ImGui::GetFocusID() == 0 && ImGui::IsWindowFocused()) ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
    opened = tab;
    DrawTabContent(state, tab);
    ImGui::EndTabItem();
  }
  state.focus_on_tab_bar = focus_on_tab_bar;
  if (opened != state.shown_tab) {
    state.shown_tab = opened;
    if (!switching) state.settings.app.tab = opened;  // the student clicked it
  }
  ImGui::EndTabBar();
}

// The height at which no panel that fills the workspace would need to scroll: the window's
// height plus the most any such panel overflows. Panels of a fixed height (and floating windows)
// are left out, since a taller frame would not give them room.
static int MeasureContentHeight(float display_height) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  float overflow = 0;
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->WasActive || !(w->Flags & ImGuiWindowFlags_ChildWindow) || !w->ParentWindow) continue;
    const float parent_bottom = w->ParentWindow->InnerRect.Max.y;
    if (std::fabs(w->Pos.y + w->Size.y - parent_bottom) > 2.0f) continue;  // not stretched to its parent's bottom
    const float needed = w->ContentSize.y + w->WindowPadding.y * 2 + w->TitleBarHeight() + w->MenuBarHeight() + w->ScrollbarSizes.y;
    overflow = std::max(overflow, needed - w->Size.y);
  }
  return static_cast<int>(std::ceil(display_height + overflow));
}

// [SECTION] Menu bar, status bar, About -------------------------------------------------------

static void DrawMenuBar(AppState& state) {
  if (!ImGui::BeginMenuBar()) return;
  const bool gradlab_menu = ImGui::BeginMenu(TrLabel("Gradlab"));
  NoteLastItem("menu-gradlab");
  if (gradlab_menu) {
    if (ImGui::MenuItem(TrLabel("About Gradlab"))) state.show_about = true;
    ImGui::Separator();
    // A session is the set-up, the trained weights and the curves, as one file.
    if (ImGui::MenuItem(TrLabel("Save session"))) SaveSessionFile(state);
    NoteLastItem("save-session");
    if (ImGui::MenuItem(TrLabel("Open session..."))) OpenSessionFile(state);
    NoteLastItem("open-session");
    if (ImGui::MenuItem(TrLabel("Start fresh"))) StartFresh(state);
    if (state.can_quit) {
      ImGui::Separator();
      if (ImGui::MenuItem(TrLabel("Quit"), "Ctrl+Q")) state.quit_requested = true;  // not translated: a key
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(TrLabel("View"))) {
    for (int i = 0; i < kTabCount; ++i) {
      const Tab t = static_cast<Tab>(i);
      if (ImGui::MenuItem(TrLabel(TabLabel(t)), nullptr, state.shown_tab == t)) state.settings.app.tab = t;
    }
    ImGui::Separator();
    if (ImGui::BeginMenu(TrLabel("Theme"))) {
      for (int i = 0; i < settings::kThemeCount; ++i) {
        const auto theme = static_cast<settings::Theme>(i);
        static const char* const kLabels[] = {N_("Light"), N_("Dark"), N_("Projector (large, high contrast)")};
        if (ImGui::MenuItem(TrLabel(kLabels[i]), nullptr, state.settings.app.theme == theme)) state.settings.app.theme = theme;
      }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem(TrLabel("Keyboard"), "?", state.show_keys)) state.show_keys = !state.show_keys;
    ImGui::EndMenu();
  }
  DrawLanguageMenu(state);
  DrawShareButton(state);
  ImGui::EndMenuBar();
}

// A long message wraps (a damaged link can name several settings); its buttons stay on the right.
static float StatusButtonsWidth(const AppState& state) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  return ButtonWidth(TrLabel("Dismiss")) + spacing + (state.session_keeper.offer_fresh_start ? ButtonWidth(TrLabel("Start fresh")) + spacing : 0);
}

static float StatusBarHeight(const AppState& state) {
  float text = ImGui::GetFrameHeight();
  if (!state.status_message.empty()) {
    const float wrap = ImGui::GetContentRegionAvail().x - StatusButtonsWidth(state);
    text = std::max(text, ImGui::CalcTextSize(state.status_message.c_str(), nullptr, false, wrap).y);
  }
  return text + 2 * ImGui::GetStyle().ItemSpacing.y;
}

static void DrawStatusBar(AppState& state) {
  ImGui::Separator();
  if (!state.status_message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - StatusButtonsWidth(state));
    ImGui::TextColored(Readable(ImVec4(1.0f, 0.75f, 0.3f, 1.0f)), "%s", state.status_message.c_str());
    ImGui::PopTextWrapPos();
    if (state.session_keeper.offer_fresh_start) {
      ImGui::SameLine();
      if (ImGui::SmallButton(TrLabel("Start fresh"))) StartFresh(state);
      NoteLastItem("start-fresh");
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(TrLabel("Dismiss"))) {
      state.status_message.clear();
      state.session_keeper.offer_fresh_start = false;
    }
  } else {
    if (state.fps > 0) ImGui::TextDisabled(tr("%s  |  %.0f fps"), BuildSummary().c_str(), state.fps);
    else ImGui::TextDisabled("%s", BuildSummary().c_str());  // fps is counted over the first second
  }
}

// "?" (outside text fields) or View > Keyboard: what each key does, for students who do not use a mouse.
static void DrawKeyboardHelp(AppState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput)
    for (ImWchar c : io.InputQueueCharacters)
      if (c == '?') state.show_keys = !state.show_keys;
  if (!state.show_keys) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin(TrLabel("Keyboard"), &state.show_keys, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    static const char* kKeys[][2] = {
        {N_("Arrow keys"), N_("move between controls (a frame shows which one has the focus)")},
        {N_("Space, Enter"), N_("press a button, tick a box, open a list, edit a field, enter a panel")},
        {N_("Escape"), N_("leave a field, a list or a panel; in a course page, give the keyboard back to the page")},
        {N_("Tab, Shift+Tab"), N_("next or previous text field")},
        {N_("Ctrl+Tab"), N_("switch between the workspace and open windows (a lesson, Share)")},
        {N_("Page Up, Page Down"), N_("scroll the panel that has the focus")},
        {"?", N_("show or hide this help")},
    };
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit)) {
      for (const auto& row : kKeys) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(row[0]));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(row[1]));
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

static void DrawAboutWindow(AppState& state) {
  if (!state.show_about) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin(TrLabel("About Gradlab"), &state.show_about,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    const BuildInfo& b = GetBuildInfo();
    ImGui::Text(tr("Gradlab %s"), b.version.c_str());
    ImGui::TextWrapped("%s", tr("A deep-learning playground for computer-vision courses."));
    ImGui::Separator();
    ImGui::Text(tr("Build:     %s (%s)"), b.target == "web" ? tr("web (WebAssembly)") : tr("native desktop"),
                b.build_type.c_str());
    ImGui::Text(tr("SIMD:      %s"), b.simd == "none" ? tr("off") : b.simd.c_str());
    ImGui::Text(tr("Threads:   %s"), b.threads ? tr("training has a thread of its own") : tr("one; training shares it with drawing"));
    ImGui::Text(tr("Compiler:  %s"), b.compiler.c_str());
    ImGui::Text(tr("Memory:    %s"), nn::MemorySummary().c_str());
    ImGui::Text(tr("Dear ImGui %s"), ImGui::GetVersion());
    if (ImGui::Button(TrLabel("Close"))) state.show_about = false;
  }
  ImGui::End();
}

// [SECTION] Workspace ------------------------------------------------------------------------

// A docked lesson takes a column at the right (or, below 900 px, a band at the bottom; folded, a
// title bar's height), so it never covers the view its step talks about. Returns the tabs' size.
static ImVec2 ReserveLessonDock(AppState& state, float status_height) {
  state.lesson_dock = Rect{};
  const LessonsUi& l = state.lessons;
  if (!ActiveLesson(state) || l.floating) return ImVec2(0, -status_height);
  const ImVec2 at = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.y, height = avail.y - status_height;
  const float title = ImGui::GetFrameHeight();
  if (avail.x >= 900 && !l.collapsed) {
    const float w = std::clamp(avail.x * 0.3f, 320.0f, 440.0f);
    state.lesson_dock = Rect{at.x + avail.x - w, at.y, w, height};
    return ImVec2(avail.x - w - gap, -status_height);
  }
  const float wanted = l.content_height > 0 ? l.content_height : height * 0.42f;  // the step's own height, once drawn
  const float h = l.collapsed ? title : std::clamp(wanted, std::min(120.0f, height * 0.5f), std::max(120.0f, height * 0.5f));
  state.lesson_dock = Rect{at.x, at.y + height - h, avail.x, h};
  return ImVec2(0, -(status_height + h + gap));
}

// Touch screens: a finger swiped up or down across a window scrolls it (or the nearest window
// around it that scrolls), as a page does; ImGui itself scrolls only with a wheel or a scrollbar.
// A mostly vertical swipe scrolls; a sideways one only a window that itself scrolls sideways (a
// table wider than a phone), since sliders take sideways drags. One that starts on a control
// scrolls too, and the control is let go without acting, as on a phone's web page.
static void DragToScroll() {
  static ImGuiWindow* swiped = nullptr;  // the window being scrolled, until the finger lifts
  static bool sideways = false;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    swiped = nullptr;
    return;
  }
  if (!swiped) {
    ImGuiWindow* w = g.ActiveIdWindow;
    if (!w || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6)) return;
    const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
    const bool on_control = g.ActiveId != w->MoveId;
    sideways = std::fabs(drag.x) >= 2 * std::fabs(drag.y);
    if (sideways) {
      if (w->ScrollMax.x <= 0) return;
    } else {
      if (std::fabs(drag.y) < 2 * std::fabs(drag.x)) return;
      while (w && w->ScrollMax.y <= 0 && (w->Flags & ImGuiWindowFlags_ChildWindow)) w = w->ParentWindow;
      if (!w || w->ScrollMax.y <= 0) return;
    }
    if (on_control) ImGui::ClearActiveID();
    swiped = w;
  }
  const ImVec2 delta = ImGui::GetIO().MouseDelta;
  if (sideways) ImGui::SetScrollX(swiped, std::clamp(swiped->Scroll.x - delta.x, 0.0f, swiped->ScrollMax.x));
  else ImGui::SetScrollY(swiped, std::clamp(swiped->Scroll.y - delta.y, 0.0f, swiped->ScrollMax.y));
}

// A first visit (nothing kept in this browser, no link): what the tabs are, in one line, and the
// first lesson one click away. It goes once the student starts a lesson or closes it; the next
// visit finds the kept session and does not show it.
static void DrawFirstVisitLine(AppState& state) {
  if (state.settings.app.lesson > 0) {
    state.first_visit = false;
    return;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("New here? Train a model, step through backprop, take the lecture as lessons, or check a formula."));
  SameLineIfFits(ButtonWidth(TrLabel("Start lesson 1")));
  if (ImGui::Button(TrLabel("Start lesson 1"))) {
    OpenLessonStep(state, 1, 1);
    state.first_visit = false;
  }
  NoteLastItem("first-lesson");
  SameLineIfFits(ButtonWidth(TrLabel("Close")));
  if (ImGui::Button(TrLabel("Close"))) state.first_visit = false;
  NoteLastItem("first-close");
}

void DrawWorkspace(AppState& state) {
  UpdateLanguage(state);  // first: what is drawn below is in one language
  ForgetNotedItems();
  BeginLayoutCheck();
  // Training goes on whichever tab is shown, a few milliseconds per frame.
  UpdateTrainTab(state.train, state.settings.train.budget_ms / 1000.0);
  KeepSession(state);
  UpdateOwnLessons(state);
  if (state.applied_theme != state.settings.app.theme) {
    state.applied_theme = state.settings.app.theme;
    ApplyTheme(state.applied_theme);
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                 // glClear already paints WindowBg: a second full-screen fill costs a
                                 // software renderer (headless Chromium's SwiftShader) milliseconds
                                 ImGuiWindowFlags_NoBackground;
  const bool embed = state.settings.app.embed;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::Begin(TrLabel("Gradlab"), nullptr, embed ? flags & ~ImGuiWindowFlags_MenuBar : flags);
  ImGui::PopStyleVar();
  if (!embed) DrawMenuBar(state);
  if (state.first_visit && !embed) DrawFirstVisitLine(state);
  // An embed has no status bar; a message (a bad setting from the host page) still shows.
  const bool status_bar = !embed || !state.status_message.empty();
  const float status_height = status_bar ? StatusBarHeight(state) : 0;
  const ImVec2 tabs_size = ReserveLessonDock(state, status_height);
  ImGui::BeginChild("tabs", tabs_size);
  // A page just opened gives the keyboard to ImGui's hidden default window, or to the main window,
  // which offers the tabs' area as one unnamed item entered with Space: arrow keys would seem dead
  // to a keyboard-only student. The tabs' area takes it when it first appears or nothing has it.
  if (ImGui::IsWindowAppearing() || !ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow)) ImGui::SetWindowFocus();
  DrawTabs(state);
  EndChild(N_("Workspace"));  // Escape out of the tabs' area lands on it
  if (status_bar) DrawStatusBar(state);
  ImGui::End();
  if (embed) state.content_height = MeasureContentHeight(viewport->WorkSize.y);  // only an embed's host sizes its frame
  DrawAboutWindow(state);
  DrawKeyboardHelp(state);
  DrawShareDialog(state);
  DrawLessonWindow(state);
  DragToScroll();
}

}  // namespace gradlab::ui
