#include "ui/embed_events.h"

#include "ui/app_state.h"

namespace gradlab::ui {

namespace {

void EpochEvents(const TrainUi& t, EmbedWatch& w, std::vector<EmbedEvent>* out) {
  const train::Session* session = t.session.get();
  const size_t epochs = session ? session->history().epochs.size() : 0;
  // A new run counts its epochs from the start (fewer epochs than seen: a new run at the old one's address).
  if (session != w.session || epochs < w.epochs) w.epochs = 0;
  w.session = session;
  for (size_t i = w.epochs; i < epochs; ++i) {
    const train::EpochRecord& e = session->history().epochs[i];
    out->push_back({"epochEnd",
                    {{"epoch", e.epoch}, {"loss", e.train_loss}, {"trainAccuracy", e.train_accuracy}, {"testAccuracy", e.test_accuracy}}});
  }
  w.epochs = epochs;
}

// One event per position the stepper moves to (a jump to the end is one event, at the end).
void BackpropEvents(const BackpropUi& b, EmbedWatch& w, std::vector<EmbedEvent>* out) {
  const graph::Stepper* stepper = b.stepper.get();
  const int position = stepper ? stepper->position() : -1;
  if (position == w.bp_position && b.loaded_expression == w.expression) return;
  w.bp_position = position;
  w.expression = b.loaded_expression;
  if (!stepper || position == 0) return;
  const graph::Node& node = stepper->graph().nodes()[stepper->current_node()];
  nlohmann::json data = {{"expression", b.loaded_expression}, {"step", position}, {"steps", stepper->total_steps()},
                         {"phase", graph::PhaseName(stepper->phase())}, {"node", node.label},
                         {"value", node.value}, {"gradient", node.grad}};
  if (stepper->phase() == graph::Phase::kForward) {
    data["formula"] = stepper->forward_formula();
  } else {
    std::string formulas;
    for (const graph::EdgeStep& edge : stepper->edges())
      if (edge.traced) formulas += (formulas.empty() ? "" : "; ") + edge.formula;
    data["formula"] = formulas;
  }
  out->push_back({"backpropStep", std::move(data)});
}

void LessonEvents(AppState& state, EmbedWatch& w, std::vector<EmbedEvent>* out) {
  const settings::AppSettings& app = state.settings.app;
  const lessons::Lesson* lesson = ActiveLesson(state);
  if ((app.lesson != w.lesson || app.lesson_step != w.lesson_step) && lesson) {
    out->push_back({"lessonStep",
                    {{"lesson", app.lesson}, {"title", lesson->title}, {"step", app.lesson_step}, {"steps", lesson->steps.size()}}});
  }
  w.lesson = app.lesson;
  w.lesson_step = app.lesson_step;
  if (state.lessons.completed) {
    const LessonsUi::Completion& c = *state.lessons.completed;
    out->push_back({"lessonCompleted", {{"lesson", c.lesson}, {"title", c.title}, {"score", c.score}}});
    state.lessons.completed.reset();
  }
}

}  // namespace

std::vector<EmbedEvent> CollectEmbedEvents(AppState& state, EmbedWatch& w) {
  std::vector<EmbedEvent> out;
  EpochEvents(state.train, w, &out);
  BackpropEvents(state.backprop, w, &out);
  LessonEvents(state, w, &out);
  if (state.status_message != w.status) {
    w.status = state.status_message;
    if (!w.status.empty()) out.push_back({"error", {{"message", w.status}}});
  }
  if (state.content_height != w.height) {
    w.height = state.content_height;
    out.push_back({"resize", {{"height", w.height}}});
  }
  return out;
}

nlohmann::json EmbedStateJson(const AppState& state) {
  const TrainUi& t = state.train;
  nlohmann::json training = {{"playing", t.playing}, {"epoch", t.session ? t.session->epoch() : 0},
                             {"steps", t.session ? t.session->steps() : 0},
                             {"phase", t.session ? train::PhaseName(t.session->phase()) : "none"},
                             {"data", DataStateName(t.data.state)}};
  if (t.session && !t.session->history().epochs.empty()) training["testAccuracy"] = t.session->history().epochs.back().test_accuracy;
  return {{"link", "#" + settings::FormatFragment(state.settings)},
          {"settings", SettingsToJson(state.settings)},
          {"tab", settings::TabName(state.settings.app.tab)},
          {"training", training},
          {"lesson", state.settings.app.lesson},
          {"lessonStep", state.settings.app.lesson_step}};
}

}  // namespace gradlab::ui
