// Small layout helpers: rows of buttons and choices that wrap instead of running off a narrow
// panel (a figure embed, a phone, a long label).
#pragma once

namespace gradlab::ui {

// Puts the next item on the line of the last one if `width` more pixels fit there, `spacing`
// after it (-1: the style's item spacing).
void SameLineIfFits(float width, float spacing = -1);
float ButtonWidth(const char* label);  // ImGui::Button's width for `label`
float RadioWidth(const char* label);   // ImGui::RadioButton's and Checkbox's

}  // namespace gradlab::ui
