// Widgets whose change means more than one field (an example that brings its own inputs, an
// optimizer that brings its usual learning rate) change a setting through the registry, the
// same way a link does.
#pragma once
#include <string>

#include "settings/registry.h"

namespace gradlab::ui {

template <typename Part>
Status SetWithin(Part& part, Part settings::Settings::*member, const char* key, const std::string& value) {
  settings::Settings s;
  s.*member = part;
  Status st = settings::Set(s, key, value);
  if (st) part = s.*member;
  return st;
}

// Widgets for numeric settings whose range is the registry's (one home for each range). An edit
// that leaves the range is taken back.
bool SliderWhole(const char* label, const char* key, int* v);
bool InputWhole(const char* label, const char* key, int* v);
bool SliderReal(const char* label, const char* key, double* v, const char* format = "%.2f");
bool InputReal(const char* label, const char* key, double* v, const char* format = "%.4g");
bool DragReal(const char* label, const char* key, double* v, const char* format = "%.2f");

}  // namespace gradlab::ui
