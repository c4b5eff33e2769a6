#include "ui/share_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "settings/registry.h"
#include "ui/app_state.h"
#include "ui/hook_items.h"
#include "ui/services.h"

namespace gradlab::ui {

namespace {

// One checkbox per part; the list keeps the registry's order.
void DrawPartChoices(const char* label, const char* key, const char* const* parts, size_t count, std::string* list) {
  ImGui::TextUnformatted(label);
  ImGui::PushID(key);
  std::string chosen;
  for (size_t i = 0; i < count; ++i) {
    bool on = settings::ListHas(*list, parts[i]);
    if (i % 4) ImGui::SameLine();
    ImGui::Checkbox(parts[i], &on);
    if (on) chosen += (chosen.empty() ? "" : ",") + std::string(parts[i]);
  }
  *list = chosen;
  ImGui::PopID();
}

}  // namespace

std::string ShareLink(const settings::Settings& s) {
  const std::string fragment = settings::FormatFragment(s);
  const std::string page = services().PageAddress();
  return page.empty() ? "gradlab --link '#" + fragment + "'" : page + "#" + fragment;
}

void DrawShareButton(AppState& state) {
  if (ImGui::SmallButton("Share")) {
    state.share.open = true;
    state.share.copied = false;
    state.share.hide = state.settings.app.hide;
    state.share.lock = state.settings.app.lock;
    state.share.tab = state.settings.app.tab;
  }
  NoteLastItem("share");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A link to exactly this set-up, for a course page or a classmate");
}

void DrawShareDialog(AppState& state) {
  ShareUi& share = state.share;
  if (!share.open) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
  if (ImGui::Begin("Share this set-up", &share.open, ImGuiWindowFlags_NoCollapse)) {
    settings::Settings shared = state.settings;
    shared.app.hide = share.hide;
    shared.app.lock = share.lock;
    shared.app.tab = share.tab;
    std::string link = ShareLink(shared);
    ImGui::TextWrapped("Whoever opens this link sees this set-up: the data, the model, the settings and the view. "
                       "Training starts fresh from them (same seed, same numbers).");
    ImGui::SetNextItemWidth(-90);
    ImGui::InputText("##link", &link, ImGuiInputTextFlags_ReadOnly);
    ImGui::SameLine();
    if (ImGui::Button("Copy")) {
      services().CopyText(link);
      share.copied = true;
    }
    NoteLastItem("share-copy");
    if (share.copied) ImGui::TextDisabled("Copied.");
    ImGui::Separator();
    ImGui::TextUnformatted("Make an exercise of it (for instructors):");
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo("opens on the tab", TabLabel(share.tab))) {
      for (int i = 0; i < settings::kTabCount; ++i)
        if (ImGui::Selectable(TabLabel(static_cast<Tab>(i)), share.tab == static_cast<Tab>(i))) share.tab = static_cast<Tab>(i);
      ImGui::EndCombo();
    }
    DrawPartChoices("Hide:", "hide", settings::kHideableParts, std::size(settings::kHideableParts), &share.hide);
    DrawPartChoices("Show read-only:", "lock", settings::kLockableParts, std::size(settings::kLockableParts), &share.lock);
    if (ImGui::Button("Close")) share.open = false;
  }
  ImGui::End();
}

}  // namespace gradlab::ui
