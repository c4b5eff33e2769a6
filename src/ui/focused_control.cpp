#include "ui/focused_control.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <utility>

#include "i18n/translate.h"
#include "ui/layout_check.h"

namespace gradlab::ui {

namespace {

struct Seen {
  ImGuiID id = 0;
  FocusedControl control;
  int frame = 0;  // ImGui's frame count when it was drawn: a tab left behind keeps its NavId
};
Seen g_seen;

FocusedControl Describe(const ImGuiContext& g, const char* label, ImGuiItemStatusFlags flags) {
  FocusedControl c;
  c.label = VisibleLabel(label);
  if (flags & ImGuiItemStatusFlags_Checkable) {
    c.role = "checkbox";
    c.state = flags & ImGuiItemStatusFlags_Checked ? "checked" : "not checked";
  } else if (flags & ImGuiItemStatusFlags_Openable) {
    c.role = "button";
    c.state = flags & ImGuiItemStatusFlags_Opened ? "expanded" : "collapsed";
  } else if (g.LastItemData.InFlags & ImGuiItemFlags_Inputable) {
    c.role = "field";  // a text field or a slider (both take typed values)
  } else {
    c.role = "button";
  }
  return c;
}

}  // namespace

// The hook saw the item just drawn with the focus, this frame.
bool LastItemHasFocus() { return g_seen.id == ImGui::GetItemID() && g_seen.frame == ImGui::GetFrameCount(); }

void EnableFocusTracking() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

bool BeginCombo(const char* label, const char* preview) {
  const ImGuiID id = ImGui::GetID(label);  // before BeginCombo: an open popup has its own ID stack
  if (id == ImGui::GetCurrentContext()->NavId) {
    FocusedControl c{VisibleLabel(label), "combobox", preview};
    if (c.label.empty()) std::swap(c.label, c.state);  // "##add" shows only its preview
    g_seen = {id, c, ImGui::GetFrameCount()};
  }
  return ImGui::BeginCombo(label, preview);
}

bool Combo(const char* label, int* current, const char* const names[], int count) {
  bool changed = false;
  if (BeginCombo(label, names[*current])) {
    for (int i = 0; i < count; ++i)
      if (ImGui::Selectable(names[i], i == *current) && i != *current) {
        *current = i;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

bool BeginTabItem(const char* label, int flags) {
  const bool shown = ImGui::BeginTabItem(label, nullptr, flags);
  if (LastItemHasFocus()) g_seen.control = {g_seen.control.label, "tab", shown ? "selected" : "not selected"};
  return shown;
}

bool RadioButton(const char* label, bool active) {
  const bool pressed = ImGui::RadioButton(label, active);
  if (LastItemHasFocus()) g_seen.control = {g_seen.control.label, "radio", active ? "checked" : "not checked"};
  return pressed;
}

bool RadioButton(const char* label, int* v, int v_button) {
  const bool pressed = RadioButton(label, *v == v_button);
  if (pressed) *v = v_button;
  return pressed;
}

void NoteFocusedValue(const std::string& text) {
  if (LastItemHasFocus()) g_seen.control.state = text;
}

void NoteFocusedValue(const char* format, double v) {
  if (!LastItemHasFocus()) return;
  char text[64];
  std::snprintf(text, sizeof text, format, v);
  g_seen.control.state = text;
}

void NoteFocusedValue(int v) {
  if (LastItemHasFocus()) g_seen.control.state = std::to_string(v);
}

void NoteFocusedValue(uint64_t v) {
  if (LastItemHasFocus()) g_seen.control.state = std::to_string(v);
}

void EndChild(const char* name) {
  ImGui::EndChild();
  const ImGuiID id = ImGui::GetItemID();  // the child as an item of its parent
  if (id != 0 && id == ImGui::GetCurrentContext()->NavId) g_seen = {id, {tr(name), "group", "Space to enter"}, ImGui::GetFrameCount()};
}

void NoteFocusedField(const char* name, const std::string& value) {
  if (LastItemHasFocus()) g_seen.control = {name, g_seen.control.role, value};
}

void NoteFocusedName(const std::string& name) {
  if (LastItemHasFocus()) g_seen.control.label = name;
}

FocusedControl CurrentFocus() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g || g->NavId == 0 || g->NavId != g_seen.id || g_seen.frame < g->FrameCount - 1) return {};
  return g_seen.control;
}

}  // namespace gradlab::ui

// ImGui calls these while it draws (IMGUI_ENABLE_TEST_ENGINE): for the focused control, and for
// the check for controls drawn cut off (layout_check.cpp).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
  gradlab::ui::CheckItemRect(id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  gradlab::ui::NameCheckedItem(id, label);
  if (id == 0 || id != ctx->NavId) return;
  gradlab::ui::g_seen = {id, gradlab::ui::Describe(*ctx, label, flags), ctx->FrameCount};
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
