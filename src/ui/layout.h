// Small layout helpers: rows of buttons and choices that wrap instead of running off a narrow
// panel (a figure embed, a phone, a long label), and colours that read on every theme.
#pragma once
#include <imgui.h>

#include <string_view>

namespace gradlab::ui {

// Puts the next item on the line of the last one if `width` more pixels fit there, `spacing`
// after it (-1: the style's item spacing).
void SameLineIfFits(float width, float spacing = -1);
float ButtonWidth(const char* label);  // ImGui::Button's width for `label`
float RadioWidth(const char* label);   // ImGui::RadioButton's and Checkbox's
float FieldWidth(float field, const char* label);  // a slider, field or combo `field` wide, with its label
// A bordered table's width whose `columns` columns hold `contents` pixels of text in all: each
// column adds its cell padding and a border. Tables too wide for a phone are laid out otherwise.
float TableWidth(float contents, int columns);

// A greyed note that wraps (on a phone too): legends, the lecture's slips, a formula's fine print.
// FinePrintf takes a printf format, as ImGui::TextDisabled; FinePrint takes the text as it is (a
// translation may hold a '%').
void FinePrintf(const char* format, ...) IM_FMTARGS(1);
void FinePrint(std::string_view text);

// The text size over the usual 16 px (1.5 in the projector theme): sizes drawn by hand grow with it.
float TextScale();

// Whether the theme's background is light (the light and projector themes).
bool LightBackground();
// A colour chosen for the dark theme, darkened on a light background so it keeps its contrast.
ImU32 Readable(ImU32 colour);
ImVec4 Readable(const ImVec4& colour);

}  // namespace gradlab::ui
