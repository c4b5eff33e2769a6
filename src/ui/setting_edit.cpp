#include "ui/setting_edit.h"

#include <algorithm>

#include <imgui.h>

#include "ui/focused_control.h"
#include "ui/spoken_inputs.h"

namespace gradlab::ui {

namespace {

bool InRange(const settings::Entry& e, double v) { return v >= e.lo && v <= e.hi && !(e.lo_open && v == e.lo) && !(e.hi_open && v == e.hi); }

}  // namespace

bool SliderWhole(const char* label, const char* key, int* v) {
  const settings::Entry& e = settings::GetEntry(key);
  return SliderInt(label, v, static_cast<int>(e.lo), static_cast<int>(e.hi), "%d", ImGuiSliderFlags_AlwaysClamp);
}

bool InputWhole(const char* label, const char* key, int* v) {
  const settings::Entry& e = settings::GetEntry(key);
  const int old = *v;
  const bool edited = InputInt(label, v, 0);
  if (edited && !InRange(e, *v)) {
    *v = old;
    NoteFocusedValue(old);  // the value kept, not the one refused
  }
  return *v != old;
}

bool SliderReal(const char* label, const char* key, double* v, const char* format) {
  const settings::Entry& e = settings::GetEntry(key);
  return SliderDouble(label, v, e.lo, e.hi, format, ImGuiSliderFlags_AlwaysClamp);
}

bool InputReal(const char* label, const char* key, double* v, const char* format) {
  const settings::Entry& e = settings::GetEntry(key);
  const double old = *v;
  const bool edited = InputDouble(label, v, 0, 0, format);
  if (edited && !InRange(e, *v)) {
    *v = old;
    NoteFocusedValue(format, old);  // the value kept, not the one refused
  }
  return *v != old;
}

bool DragReal(const char* label, const char* key, double* v, const char* format) {
  const settings::Entry& e = settings::GetEntry(key);
  return DragDouble(label, v, 0.01f, e.lo, e.hi, format, ImGuiSliderFlags_AlwaysClamp);
}

}  // namespace gradlab::ui
