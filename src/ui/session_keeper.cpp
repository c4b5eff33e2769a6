#include "ui/session_keeper.h"

#include "i18n/translate.h"
#include "settings/registry.h"
#include "ui/app_state.h"
#include "ui/services.h"
#include "ui/train_controller.h"

namespace gradlab::ui {

namespace {

constexpr double kStoreEverySeconds = 3;
constexpr const char* kSessionFile = "gradlab.gradlab-session";

// The defaults, but for what is the student's own rather than their work: the theme and the
// language stay as they are.
settings::Settings FreshSettings(const settings::Settings& now) {
  settings::Settings fresh;
  fresh.app.theme = now.app.theme;
  fresh.app.locale = now.app.locale;
  fresh.app.terms = now.app.terms;
  return fresh;
}

std::string StepsText(long steps) { return steps == 1 ? tr("1 training step") : Fill(tr("{0} training steps"), {std::to_string(steps)}); }

}  // namespace

std::vector<uint8_t> SessionBytes(AppState& state) {
  train::SessionFile file;
  file.link = settings::FormatFragment(state.settings);
  TrainUi& t = state.train;
  if (t.session) {
    if (auto progress = t.session->SaveProgress()) {
      const auto& d = t.session->train_data();
      file.model = train::SerializeModel(t.session->model(), d.class_names, d.mean, d.std, t.session->config(),
                                   data::DescribeData(d, t.session->test_data()));
      file.progress = std::move(*progress);
    }
  }
  file.lessons = ProgressToJson(state.lessons.progress);
  return train::SerializeSession(file);
}

void OpenSessionBytes(AppState& state, const std::vector<uint8_t>& bytes, const std::string& name) {
  auto file = train::DeserializeSession(bytes, name);
  if (!file) {
    state.status_message = file.error();
    return;
  }
  std::unique_ptr<train::SavedModel> model;
  if (!file->model.empty()) {
    auto saved = train::DeserializeModel(file->model, name);
    if (!saved) {
      state.status_message = saved.error();
      return;
    }
    model = std::make_unique<train::SavedModel>(std::move(*saved));
  }
  // The whole set-up, from the defaults: a session file is a complete account of it.
  state.lessons.progress = ProgressFromJson(file->lessons, LoadedLessons(state.lessons));
  state.settings = settings::Settings{};
  ResetTraining(state.train);
  ApplyLink(state, settings::ParseQuery(file->link));
  SessionKeeperUi& k = state.session_keeper;
  k.pending_model = std::move(model);
  k.pending_progress = std::move(file->progress);
}

void RestoreStoredSession(AppState& state, bool opened_with_link) {
  // An embed is the instructor's figure: it neither shows nor overwrites the student's own work.
  if (!services().is_browser() || state.settings.app.embed) return;
  const std::string link = settings::FormatFragment(state.settings);
  // What the link could not apply stays said, before what the stored session adds.
  const std::string link_problems = state.status_message;
  services().LoadStoredSession([&state, opened_with_link, link, link_problems](Result<std::vector<uint8_t>> bytes) {
    SessionKeeperUi& k = state.session_keeper;
    auto say = [&](const std::string& message) { state.status_message = (link_problems.empty() ? "" : link_problems + " ") + message; };
    if (!bytes) {
      k.storage_broken = true;
      say(Fill(tr("Your work is not kept in this browser: {0}. Gradlab > Save session keeps it as a file."), {bytes.error()}));
      return;
    }
    if (bytes->empty()) {
      state.first_visit = !opened_with_link;
      return;
    }
    auto file = train::DeserializeSession(*bytes, tr("the session kept in this browser"));
    if (!file) {
      say(Fill(tr("{0}; starting fresh."), {file.error()}));
      services().ForgetStoredSession();
      return;
    }
    if (opened_with_link && file->link != link) {  // someone's link: it wins, and replaces the stored work as it changes
      state.lessons.progress = ProgressFromJson(file->lessons, LoadedLessons(state.lessons));  // but the lessons taken stay
      return;
    }
    OpenSessionBytes(state, *bytes, tr("the session kept in this browser"));
    k.stored_link = file->link;
    k.stored_steps = file->progress.steps;
    k.stored_lessons = state.lessons.progress.revision;
    say(file->model.empty() ? std::string(tr("Your session is back (the set-up)."))
                            : Fill(tr("Your session is back (the set-up and {0})."), {StepsText(file->progress.steps)}));
    k.offer_fresh_start = true;
  });
}

void KeepSession(AppState& state) {
  SessionKeeperUi& k = state.session_keeper;
  TrainUi& t = state.train;
  if (k.pending_model && t.data.state == TrainData::State::kError) {
    k.pending_model.reset();
    state.status_message = Fill(tr("The saved session's data could not be loaded: {0}"), {t.data.message});
  }
  if (k.pending_model && t.data.state == TrainData::State::kReady && t.plan_key.size() > 0) {
    std::unique_ptr<train::SavedModel> saved = std::move(k.pending_model);
    if (saved->class_names != t.data.train->class_names) {
      state.status_message = tr("The saved session was trained on other classes than its settings name; its weights were left out.");
    } else if (Status s = RestoreTraining(t, saved->config, *saved->model, std::move(k.pending_progress)); !s) {
      state.status_message = Fill(tr("The saved session's weights could not be restored: {0}"), {s.message()});
    }
  }
  if (!services().is_browser() || state.settings.app.embed || k.storage_broken || k.storing || k.pending_model) return;
  const double now = services().Seconds();
  if (now - k.last_store < kStoreEverySeconds) return;
  const long steps = t.session ? t.session->steps() : -1;
  const std::string& link = state.link;  // kept up to date by UpdateLink
  const int lessons = state.lessons.progress.revision;
  if (steps == k.stored_steps && link == k.stored_link && lessons == k.stored_lessons) return;
  if (t.session && !t.session->between_steps()) return;  // part-way through a step: next frame
  k.last_store = now;
  if (!t.session && state.settings == FreshSettings(state.settings) && state.lessons.progress.lessons.empty()) {  // nothing to keep (after Start fresh, say)
    services().ForgetStoredSession();
    k.stored_steps = steps;
    k.stored_link = link;
    k.stored_lessons = lessons;
    return;
  }
  k.storing = true;
  services().StoreSession(SessionBytes(state), [&state, steps, link = link, lessons](Status s) {
    SessionKeeperUi& keeper = state.session_keeper;
    keeper.storing = false;
    if (s) {
      keeper.stored_steps = steps;
      keeper.stored_link = link;
      keeper.stored_lessons = lessons;
      return;
    }
    keeper.storage_broken = true;  // said once; the app goes on without it
    state.status_message = Fill(tr("Your work is not kept in this browser: {0}. Gradlab > Save session keeps it as a file."), {s.message()});
  });
}

void SaveSessionFile(AppState& state) {
  Status s = services().SaveUserFile(kSessionFile, SessionBytes(state));
  state.status_message = s ? (services().is_browser() ? std::string(tr("Session saved as a download."))
                                                      : Fill(tr("Session saved to {0}."), {kSessionFile}))
                           : s.message();
}

void OpenSessionFile(AppState& state) {
  services().OpenUserFile(".gradlab-session", kSessionFile, [&state](std::string name, Result<std::vector<uint8_t>> bytes) {
    if (!bytes) {
      state.status_message = bytes.error();
      return;
    }
    OpenSessionBytes(state, *bytes, name);
    if (state.status_message.empty()) state.status_message = Fill(tr("Opened {0}."), {name});
  });
}

void StartFresh(AppState& state) {
  state.settings = FreshSettings(state.settings);
  ResetTraining(state.train);
  state.train.kept.clear();
  state.session_keeper.pending_model.reset();
  state.session_keeper.offer_fresh_start = false;
  state.status_message.clear();
  services().ForgetStoredSession();
}

}  // namespace gradlab::ui
