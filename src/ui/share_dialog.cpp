#include "ui/share_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "i18n/translate.h"
#include "settings/registry.h"
#include "ui/app_state.h"
#include "ui/focused_control.h"
#include "ui/hook_items.h"
#include "ui/services.h"
#include "ui/spoken_inputs.h"

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

std::string EmbedSnippet(const settings::Settings& s, const std::string& title, int width, int height) {
  std::string page = services().PageAddress();
  if (page.empty()) page = "https://YOUR-SITE/gradlab/";  // natively: where the instructor hosts the site
  std::string safe_title;  // an attribute value: no quotes or angle brackets from a lesson title
  for (char c : title) safe_title += c == '"' ? std::string("&quot;") : c == '<' ? std::string("&lt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
  return "<iframe src=\"" + page + "#" + settings::FormatFragment(s) + "\"\n        title=\"" + safe_title + "\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(height) +
         "\"\n        loading=\"lazy\" allow=\"fullscreen; clipboard-write\" style=\"border:0; max-width:100%\"></iframe>";
}

namespace {

std::string EmbedTitle(AppState& state, const settings::Settings& s) {
  const auto& lessons = LoadedLessons(state.lessons).lessons;
  if (s.app.lesson >= 1 && s.app.lesson <= static_cast<int>(lessons.size())) return "Gradlab lesson: " + lessons[s.app.lesson - 1].title;
  switch (s.app.tab) {
    case Tab::kTrain: return "Gradlab: " + s.train.model + " on " + (s.train.cifar ? "CIFAR-10" : "toy data");
    case Tab::kBackprop:
      if (auto graph = settings::ResolveBackprop(s.backprop)) return "Gradlab: backpropagation on " + graph->expression;
      return "Gradlab: backpropagation";
    case Tab::kCalculators: return std::string("Gradlab: the ") + settings::CalcSectionName(s.calc.section) + " calculator";
    case Tab::kLessons: break;
  }
  return "Gradlab: lessons";
}

void DrawEmbedTab(AppState& state, const settings::Settings& shared) {
  ShareUi& share = state.share;
  ImGui::TextWrapped("%s", tr("Paste this into a course page, a blog or an LMS's HTML editor. The embed shows only the tab it opens, "
                     "without the menu and status bars, and loads nothing heavy until a student starts it."));
  ImGui::SetNextItemWidth(110);
  // Typed, without ImGui's +/- buttons: a field with them reports its inner part, unnamed, to the
  // hooks, and a screen reader would hear nothing.
  InputInt(TrLabel("width"), &share.embed_width, 0);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  InputInt(TrLabel("height"), &share.embed_height, 0);
  share.embed_width = std::clamp(share.embed_width, 240, 4000);
  share.embed_height = std::clamp(share.embed_height, 200, 4000);
  ImGui::SetNextItemWidth(230);
  const char* const starts[] = {tr("on a click on its poster"), tr("when scrolled into view"), tr("at once")};
  Combo(TrLabel("starts"), &share.embed_start, starts, 3);
  settings::Settings embedded = shared;
  embedded.app.embed = true;
  embedded.app.start = share.embed_start == 1 ? "visible" : share.embed_start == 2 ? "now" : "click";
  std::string snippet = EmbedSnippet(embedded, EmbedTitle(state, embedded), share.embed_width, share.embed_height);
  ImGui::InputTextMultiline("##snippet", &snippet, ImVec2(-1, ImGui::GetTextLineHeight() * 5), ImGuiInputTextFlags_ReadOnly);
  NoteFocusedField(tr("embed code"), snippet);
  if (ImGui::Button(TrLabel("Copy snippet"))) {
    services().CopyText(snippet);
    share.copied = true;
  }
  NoteLastItem("share-copy-embed");
  if (share.copied) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("Copied."));
  }
  ImGui::TextDisabled("%s", tr("Host pages can drive it with gradlab-embed.js (docs/embed.md)."));
}

}  // namespace

void DrawShareButton(AppState& state) {
  if (ImGui::SmallButton(TrLabel("Share"))) {
    state.share.open = true;
    state.share.copied = false;
    state.share.hide = state.settings.app.hide;
    state.share.lock = state.settings.app.lock;
    state.share.tab = state.settings.app.tab;
  }
  NoteLastItem("share");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("A link to exactly this set-up, for a course page or a classmate"));
}

void DrawShareDialog(AppState& state) {
  ShareUi& share = state.share;
  if (!share.open) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
  if (ImGui::Begin(TrLabel("Share this set-up"), &share.open, ImGuiWindowFlags_NoCollapse)) {
    settings::Settings shared = state.settings;
    shared.app.hide = share.hide;
    shared.app.lock = share.lock;
    shared.app.tab = share.tab;
    if (ImGui::BeginTabBar("share-as")) {
      if (BeginTabItem(TrLabel("Link"))) {
        std::string link = ShareLink(shared);
        ImGui::TextWrapped("%s", tr("Whoever opens this link sees this set-up: the data, the model, the settings and the view. "
                           "Training starts fresh from them (same seed, same numbers)."));
        ImGui::SetNextItemWidth(-90);
        ImGui::InputText("##link", &link, ImGuiInputTextFlags_ReadOnly);
        NoteFocusedField(tr("Link"), link);
        ImGui::SameLine();
        if (ImGui::Button(TrLabel("Copy"))) {
          services().CopyText(link);
          share.copied = true;
        }
        NoteLastItem("share-copy");
        if (share.copied) ImGui::TextDisabled("%s", tr("Copied."));
        ImGui::EndTabItem();
      }
      const bool embed_open = BeginTabItem(TrLabel("Embed"));
      NoteLastItem("share-embed-tab");
      if (embed_open) {
        DrawEmbedTab(state, shared);
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Make an exercise of it (for instructors):"));
    ImGui::SetNextItemWidth(160);
    if (BeginCombo(TrLabel("opens on the tab"), tr(TabLabel(share.tab)))) {
      for (int i = 0; i < settings::kTabCount; ++i)
        if (ImGui::Selectable(TrLabel(TabLabel(static_cast<Tab>(i))), share.tab == static_cast<Tab>(i))) share.tab = static_cast<Tab>(i);
      ImGui::EndCombo();
    }
    DrawPartChoices("Hide:", "hide", settings::kHideableParts, std::size(settings::kHideableParts), &share.hide);
    DrawPartChoices("Show read-only:", "lock", settings::kLockableParts, std::size(settings::kLockableParts), &share.lock);
    if (ImGui::Button(TrLabel("Close"))) share.open = false;
  }
  ImGui::End();
}

}  // namespace gradlab::ui
