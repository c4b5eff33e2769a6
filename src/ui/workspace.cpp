#include "ui/workspace.h"

#include <imgui.h>

#include "core/build_info.h"
#include "ui/hook_items.h"
#include "ui/train_controller.h"
#include "ui/lessons_tab.h"
#include "ui/train_tab.h"

namespace gradlab::ui {

// [SECTION] Theme ---------------------------------------------------------------------------

void ApplyTheme(bool dark) {
  ImGuiStyle& style = ImGui::GetStyle();
  if (dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.TabRounding = 3;
  style.GrabRounding = 3;
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
}

// [SECTION] Tabs ----------------------------------------------------------------------------
// Each tab says in one line what it is for; the later issues fill them in.

struct TabInfo {
  Tab tab;
  const char* headline;
  const char* detail;
};

static const TabInfo kTabs[kTabCount] = {
    {Tab::Train, "Train linear classifiers, MLPs and small CNNs on CIFAR-10 or toy 2-D data.",
     "Curves, weight templates, filters, feature maps and a confusion matrix will appear here."},
    {Tab::Backprop, "Step through backpropagation on a computational graph, one node at a time.",
     "Type f = (x + y) * z, set the inputs, and watch upstream x local = downstream gradients."},
    {Tab::Lessons, "Guided lessons that open the right view with the right numbers.",
     "Instructors write lessons as data files and link to them from course pages."},
    {Tab::Calculators, "Live calculators for the lecture's formulas.",
     "SVM and softmax losses, activations, conv arithmetic, pooling, schedules, regularization."},
};

static void DrawTabPlaceholder(const TabInfo& info) {
  ImGui::Spacing();
  ImGui::TextWrapped("%s", info.headline);
  ImGui::Spacing();
  ImGui::TextDisabled("%s", info.detail);
}

static void DrawTabs(AppState& state) {
  if (!ImGui::BeginTabBar("workspace")) return;
  for (const TabInfo& info : kTabs) {
    const int index = static_cast<int>(info.tab);
    ImGuiTabItemFlags flags = 0;
    if (state.tab_change_requested && state.requested_tab == info.tab)
      flags |= ImGuiTabItemFlags_SetSelected;
    const bool open = ImGui::BeginTabItem(TabName(info.tab), nullptr, flags);
    const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    state.tab_rects[index] = {min.x, min.y, size.x, size.y};
    if (open) {
      state.active_tab = info.tab;
      if (info.tab == Tab::Train) DrawTrainTab(state.train);
      else if (info.tab == Tab::Calculators) DrawCalculatorsTab(state.calculators);
      else if (info.tab == Tab::Backprop) DrawBackpropTab(state.backprop);
      else if (info.tab == Tab::Lessons) DrawLessonsTab(state);
      else DrawTabPlaceholder(info);
      ImGui::EndTabItem();
    }
  }
  state.tab_change_requested = false;
  ImGui::EndTabBar();
}

// [SECTION] Menu bar, status bar, About -------------------------------------------------------

static void DrawMenuBar(AppState& state) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("Gradlab")) {
    if (ImGui::MenuItem("About Gradlab")) state.show_about = true;
    if (state.can_quit) {
      ImGui::Separator();
      if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.quit_requested = true;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (int i = 0; i < kTabCount; ++i) {
      Tab t = static_cast<Tab>(i);
      if (ImGui::MenuItem(TabName(t), nullptr, state.active_tab == t)) {
        state.requested_tab = t;
        state.tab_change_requested = true;
      }
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Dark theme", nullptr, state.dark_theme)) {
      state.dark_theme = !state.dark_theme;
      ApplyTheme(state.dark_theme);
    }
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

static void DrawStatusBar(AppState& state) {
  ImGui::Separator();
  if (!state.status_message.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", state.status_message.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Dismiss")) state.status_message.clear();
  } else {
    if (state.fps > 0) ImGui::TextDisabled("%s  |  %.0f fps", BuildSummary().c_str(), state.fps);
    else ImGui::TextDisabled("%s", BuildSummary().c_str());  // fps is counted over the first second
  }
}

static void DrawAboutWindow(AppState& state) {
  if (!state.show_about) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("About Gradlab", &state.show_about,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    const BuildInfo& b = GetBuildInfo();
    ImGui::Text("Gradlab %s", b.version.c_str());
    ImGui::TextWrapped("A deep-learning playground for computer-vision courses.");
    ImGui::Separator();
    ImGui::Text("Build:     %s (%s)", b.target == "web" ? "web (WebAssembly)" : "native desktop",
                b.build_type.c_str());
    ImGui::Text("SIMD:      %s", b.simd == "none" ? "off" : b.simd.c_str());
    ImGui::Text("Compiler:  %s", b.compiler.c_str());
    ImGui::Text("Dear ImGui %s", ImGui::GetVersion());
    if (ImGui::Button("Close")) state.show_about = false;
  }
  ImGui::End();
}

// [SECTION] Workspace ------------------------------------------------------------------------

void DrawWorkspace(AppState& state) {
  ForgetNotedItems();
  // Training goes on whichever tab is shown, a few milliseconds per frame.
  UpdateTrainTab(state.train, state.train.budget_ms / 1000.0);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                 // glClear already paints WindowBg: a second full-screen fill costs a
                                 // software renderer (headless Chromium's SwiftShader) milliseconds
                                 ImGuiWindowFlags_NoBackground;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::Begin("Gradlab", nullptr, flags);
  ImGui::PopStyleVar();
  DrawMenuBar(state);
  const float status_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("tabs", ImVec2(0, -status_height));
  DrawTabs(state);
  ImGui::EndChild();
  DrawStatusBar(state);
  ImGui::End();
  DrawAboutWindow(state);
  DrawLessonWindow(state);
}

}  // namespace gradlab::ui
