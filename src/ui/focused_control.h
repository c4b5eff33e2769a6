// The control that has the keyboard focus, as a screen reader names it: its label, a role and
// its state ("Start", "button"; "Show answers", "checkbox", "checked"). Read from ImGui's item
// hooks (IMGUI_ENABLE_TEST_ENGINE), which report each widget's label and kind as it is drawn.
#pragma once
#include <cstdint>
#include <string>

namespace gradlab::ui {

struct FocusedControl {
  std::string label, role, state;  // all empty when nothing has the focus
};

void EnableFocusTracking();        // once, after ImGui::CreateContext
FocusedControl CurrentFocus();     // as of the last frame drawn

// ImGui's combo boxes with the hook: ImGui 1.86's BeginCombo reports no item info, so without
// these a screen reader would say nothing on a drop-down list. These name it ("optimizer",
// "combobox", its value). Same arguments and result as ImGui::BeginCombo and ImGui::Combo.
bool BeginCombo(const char* label, const char* preview);
bool Combo(const char* label, int* current, const char* const names[], int count);

// ImGui's tabs report themselves as plain buttons; this says "tab" and whether it is the one
// shown. Same arguments (without p_open) and result as ImGui::BeginTabItem.
bool BeginTabItem(const char* label, int flags = 0);

// ImGui's radio buttons report themselves as plain buttons; these say "radio" and whether the
// button is the chosen one. Same arguments and result as ImGui::RadioButton.
bool RadioButton(const char* label, bool active);
bool RadioButton(const char* label, int* v, int v_button);

// After a slider or a field: the value it shows, read out with its label and role when it has
// the focus (ImGui's hooks report neither). Formats only then. spoken_inputs.h calls these.
void NoteFocusedValue(const std::string& text);
void NoteFocusedValue(const char* format, double v);  // a printf format of one double
void NoteFocusedValue(int v);
void NoteFocusedValue(uint64_t v);
// Instead of ImGui::EndChild: a child window (a panel) is one item to the keyboard until Space
// enters it, and reports nothing to the hooks; this names it when it has the focus ("Views",
// "group", "Space to enter"). `name` is what a screen reader says, in English (marked with N_):
// it is translated only when the panel has the focus.
void EndChild(const char* name);
// The same for a field drawn without a label ("##spec"), with the name a screen reader says.
void NoteFocusedField(const char* name, const std::string& value);
// For a name worth building only when needed (one of a grid of unlabelled cells): whether the
// item just drawn has the focus, and then its name, keeping the value already noted.
bool LastItemHasFocus();
void NoteFocusedName(const std::string& name);

}  // namespace gradlab::ui
