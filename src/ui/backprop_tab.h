// The Backprop tab: type an expression (or pick a lecture example), set its inputs, and step
// through the forward and backward passes one node at a time, seeing on every edge the value
// going forward and upstream x local = downstream coming back, with the numerical check beside.
#pragma once
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/stepper.h"
#include "settings/settings.h"
#include "train/iteration.h"

namespace gradlab::ui {

// The tab's settings are in `s` (owned by AppState); the stepper and the training iteration
// are made from them whenever they change.
struct BackpropUi {
  explicit BackpropUi(settings::BackpropSettings& settings) : s(settings) {}
  settings::BackpropSettings& s;
  std::string expression_text;               // the text field; Build (or Enter) makes it the setting
  settings::BackpropSettings graph_of;       // the settings the stepper was made from
  int graph_language = -1;                   // ... in this i18n::LanguageGeneration (-1: not made)
  std::unique_ptr<graph::Stepper> stepper;
  graph::InputValues values;                 // the inputs, as the fields show them
  std::string loaded_expression;             // what the stepper was built from
  std::string unparsed_text;                 // the field's text the last Build could not parse
  std::string error;                         // any other error: the settings, an input, an iteration
  // The second mode: one training iteration of a small network, stage by stage.
  std::unique_ptr<train::Iteration> iteration;
  settings::BackpropMode iteration_mode = settings::BackpropMode::kGraph;
  double iteration_lr = 0;
  int iteration_language = -1;
  // The graph's labels that covered another label or a node in the last frame it was drawn (the
  // page hook reports them, so a test can tell that the lecture's graphs read cleanly).
  int label_overlaps = 0;
};

// Makes the stepper (and the iteration) agree with the settings; the draw function calls it,
// and so do the tests and the page hook before they read the state.
void SyncBackprop(BackpropUi& b);
// locked: expression and inputs read-only (lock=graph); in_lesson: a lesson is open (bp_answers=auto
// then hides the gradients the stepper has not reached).
void DrawBackpropTab(BackpropUi& b, bool locked, bool in_lesson);
nlohmann::json BackpropStateJson(const BackpropUi& b);

}  // namespace gradlab::ui
