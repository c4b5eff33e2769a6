// The Backprop tab: type an expression (or pick a lecture example), set its inputs, and step
// through the forward and backward passes one node at a time, seeing on every edge the value
// going forward and upstream x local = downstream coming back, with the numerical check beside.
#pragma once
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/stepper.h"
#include "train/iteration.h"

namespace gradlab::ui {

struct BackpropUi {
  int example = 0;
  char expression[512] = "";
  std::string loaded_expression;             // what the stepper was built from
  graph::InputValues values;                 // the inputs as the student set them
  std::unique_ptr<graph::Stepper> stepper;
  std::string error;                         // parse or input error, with the caret
  bool initialised = false;
  // The second mode: one training iteration of a small network, stage by stage.
  int mode = 0;  // 0: computational graph, 1: MLP iteration, 2: conv iteration
  std::unique_ptr<train::Iteration> iteration;
  int iteration_of = -1;
  int stage = 0;
  float iteration_lr = 0.5f;
};

void DrawBackpropTab(BackpropUi& b);
// Link and hook settings: example=NAME, expr=TEXT, bp=step|back|end|forward|reset, and NAME=VALUE
// for an input of the current expression. Returns false if the key is not one of these.
bool ApplyBackpropSetting(BackpropUi& b, const std::string& key, const std::string& value, std::string* problem);
nlohmann::json BackpropStateJson(const BackpropUi& b);

}  // namespace gradlab::ui
