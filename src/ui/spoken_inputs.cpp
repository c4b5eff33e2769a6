#include "ui/spoken_inputs.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/focused_control.h"

namespace gradlab::ui {

bool SliderInt(const char* label, int* v, int lo, int hi, const char* format, int flags) {
  const bool changed = ImGui::SliderInt(label, v, lo, hi, format, flags);
  NoteFocusedValue(*v);
  return changed;
}

bool DragInt(const char* label, int* v, float speed, int lo, int hi, const char* format, int flags) {
  const bool changed = ImGui::DragInt(label, v, speed, lo, hi, format, flags);
  NoteFocusedValue(*v);
  return changed;
}

bool InputInt(const char* label, int* v, int step) {
  const bool changed = ImGui::InputInt(label, v, step);
  NoteFocusedValue(*v);
  return changed;
}

bool SliderFloat(const char* label, float* v, float lo, float hi, const char* format, int flags) {
  const bool changed = ImGui::SliderFloat(label, v, lo, hi, format, flags);
  NoteFocusedValue(format, *v);
  return changed;
}

bool SliderDouble(const char* label, double* v, double lo, double hi, const char* format, int flags) {
  const bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, v, &lo, &hi, format, flags);
  NoteFocusedValue(format, *v);
  return changed;
}

bool DragDouble(const char* label, double* v, float speed, double lo, double hi, const char* format, int flags) {
  const bool changed = ImGui::DragScalar(label, ImGuiDataType_Double, v, speed, &lo, &hi, format, flags);
  NoteFocusedValue(format, *v);
  return changed;
}

bool InputDouble(const char* label, double* v, double step, double step_fast, const char* format, int flags) {
  const bool changed = ImGui::InputDouble(label, v, step, step_fast, format, flags);
  NoteFocusedValue(format, *v);
  return changed;
}

bool InputU64(const char* label, uint64_t* v) {
  const bool changed = ImGui::InputScalar(label, ImGuiDataType_U64, v);
  NoteFocusedValue(*v);
  return changed;
}

bool InputText(const char* label, std::string* text, int flags) {
  const bool changed = ImGui::InputText(label, text, flags);
  NoteFocusedValue(*text);
  return changed;
}

}  // namespace gradlab::ui
