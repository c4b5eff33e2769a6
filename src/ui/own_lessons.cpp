#include "ui/own_lessons.h"

#include "i18n/translate.h"
#include "lessons/lesson.h"
#include "ui/app_state.h"
#include "ui/services.h"

namespace gradlab::ui {

namespace {

// Adds (or, for the same source, replaces) an added lesson, `fetched` from lesson_url or read from
// a file; returns its 1-based number, or 0 with the reason in own_problem.
int AddLesson(LessonsUi& l, const std::string& source, bool fetched, const Result<std::vector<uint8_t>>& bytes) {
  LoadedLessons(l);
  l.own_problem.clear();
  if (!bytes && !fetched) {
    l.own_problem = source + " could not be read: " + bytes.error();
    return 0;
  }
  if (!bytes) {
    // The browser reports a refused cross-site request as HTTP 0: say what it means.
    const std::string why = bytes.error().rfind("HTTP 0", 0) == 0 ? "blocked, or no answer" : bytes.error();
    l.own_problem = source + " could not be fetched (" + why +
                    "); a lesson on another site is read only when that site allows it (Access-Control-Allow-Origin)";
    return 0;
  }
  if (bytes->size() > lessons::kMaxLessonBytes) {
    l.own_problem = source + ": larger than 1 MB, which no lesson needs";
    return 0;
  }
  auto lesson = lessons::ParseLesson(std::string(bytes->begin(), bytes->end()), source);
  if (!lesson) {
    l.own_problem = lesson.error();
    return 0;
  }
  auto& all = l.library.lessons;
  for (size_t i = l.builtin; i < all.size(); ++i)
    if (all[i].file == source) {
      all[i] = std::move(*lesson);
      return static_cast<int>(i) + 1;
    }
  all.push_back(std::move(*lesson));
  return static_cast<int>(all.size());
}

}  // namespace

void FetchLessonUrl(AppState& state, const std::string& url) {
  LessonsUi& l = state.lessons;
  if (url.empty() || url == l.url_fetched) return;
  l.url_fetched = url;
  l.url_loading = true;
  services().FetchUrl(url, [&state, url](Result<std::vector<uint8_t>> bytes) {
    LessonsUi& lessons = state.lessons;
    if (url != lessons.url_fetched) return;  // another address was asked for meanwhile
    lessons.url_loading = false;
    AddLesson(lessons, url, true, bytes);
    if (!lessons.own_problem.empty()) state.status_message = "lesson_url: " + lessons.own_problem;
    std::string pending;
    pending.swap(lessons.pending_lesson);
    if (!pending.empty()) ApplyLink(state, {{"lesson", pending}});
  });
}

void UpdateOwnLessons(AppState& state) { FetchLessonUrl(state, state.settings.app.lesson_url); }

void OpenOwnLessonFile(AppState& state) {
  services().OpenUserFile(".json", "lesson.json", [&state](std::string name, Result<std::vector<uint8_t>> bytes) {
    const int number = AddLesson(state.lessons, name, false, bytes);
    if (number > 0) OpenLessonStep(state, number, 1);
  });
}

void OpenDroppedFile(AppState& state, const std::string& name, const Result<std::vector<uint8_t>>& bytes) {
  const bool json = name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0;
  if (!json) {
    state.status_message = Fill(tr("{0}: only a lesson file (.json) opens by dropping it here; a model opens with Load model... in the "
                                   "Train tab, a session from the Gradlab menu"),
                                {name});
    return;
  }
  const int number = AddLesson(state.lessons, name, false, bytes);
  if (number > 0) OpenLessonStep(state, number, 1);
  else state.status_message = state.lessons.own_problem;
}

}  // namespace gradlab::ui
