// ImGui's sliders and fields with the same arguments and result, that also put the value they
// show in the focus line while they have the focus ("learning rate, field, 0.5"): ImGui's hooks
// report only a control's label and kind. The format given is the one shown and the one read.
#pragma once
#include <cstdint>
#include <string>

namespace gradlab::ui {

// `flags` are ImGuiSliderFlags / ImGuiInputTextFlags, as in ImGui.
bool SliderInt(const char* label, int* v, int lo, int hi, const char* format = "%d", int flags = 0);
bool DragInt(const char* label, int* v, float speed = 1.0f, int lo = 0, int hi = 0, const char* format = "%d", int flags = 0);
bool InputInt(const char* label, int* v, int step = 1);
bool SliderFloat(const char* label, float* v, float lo, float hi, const char* format = "%.3f", int flags = 0);
// ImGui's SliderScalar / DragScalar for a double.
bool SliderDouble(const char* label, double* v, double lo, double hi, const char* format, int flags = 0);
bool DragDouble(const char* label, double* v, float speed, double lo, double hi, const char* format, int flags = 0);
bool InputDouble(const char* label, double* v, double step = 0, double step_fast = 0, const char* format = "%.6f", int flags = 0);
// ImGui's InputScalar for a uint64_t (a seed).
bool InputU64(const char* label, uint64_t* v);
// imgui_stdlib's InputText.
bool InputText(const char* label, std::string* text, int flags = 0);

}  // namespace gradlab::ui
