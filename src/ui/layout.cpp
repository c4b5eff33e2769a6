#include "ui/layout.h"

#include <algorithm>
#include <cstdarg>

#include <imgui.h>

namespace gradlab::ui {

void SameLineIfFits(float width, float spacing) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
  if (ImGui::GetItemRectMax().x + gap + width <= right) ImGui::SameLine(0, spacing);
}

float TableWidth(float contents, int columns) { return contents + columns * (2 * ImGui::GetStyle().CellPadding.x + 1); }

void FinePrintf(const char* format, ...) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  va_list args;
  va_start(args, format);
  ImGui::TextWrappedV(format, args);
  va_end(args);
  ImGui::PopStyleColor();
}

void FinePrint(std::string_view text) { FinePrintf("%.*s", static_cast<int>(text.size()), text.data()); }

float ButtonWidth(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

float RadioWidth(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

float FieldWidth(float field, const char* label) {
  const float text = ImGui::CalcTextSize(label, nullptr, true).x;
  return field + (text > 0 ? ImGui::GetStyle().ItemInnerSpacing.x + text : 0);
}

float TextScale() { return ImGui::GetFontSize() / 16.0f; }

bool LightBackground() {
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  return 0.3f * bg.x + 0.59f * bg.y + 0.11f * bg.z > 0.5f;
}

ImVec4 Readable(const ImVec4& c) {
  if (!LightBackground()) return c;
  return ImVec4(c.x * 0.55f, c.y * 0.55f, c.z * 0.55f, std::max(c.w, 0.6f));
}

ImU32 Readable(ImU32 colour) { return ImGui::ColorConvertFloat4ToU32(Readable(ImGui::ColorConvertU32ToFloat4(colour))); }

}  // namespace gradlab::ui
