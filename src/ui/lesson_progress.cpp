#include "ui/lesson_progress.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace gradlab::ui {

LessonProgress& ProgressOf(LessonProgressBook& book, const lessons::Lesson& lesson) {
  LessonProgress& p = book.lessons[lessons::LessonKey(lesson.file)];
  p.seen.resize(lesson.steps.size(), false);
  return p;
}

const LessonProgress* FindProgress(const LessonProgressBook& book, const lessons::Lesson& lesson) {
  const auto kept = book.lessons.find(lessons::LessonKey(lesson.file));
  return kept != book.lessons.end() ? &kept->second : nullptr;
}

int Score(const lessons::Lesson& lesson, const LessonProgress& progress) {
  int scored = 0, right = 0;
  for (size_t i = 0; i < lesson.steps.size(); ++i) {
    if (!lesson.steps[i].question || !lesson.steps[i].question->scored()) continue;
    ++scored;
    const auto it = progress.answers.find(static_cast<int>(i));
    if (it != progress.answers.end() && it->second.right) ++right;
  }
  if (scored == 0) {
    if (lesson.steps.empty()) return 0;
    const auto seen = std::count(progress.seen.begin(), progress.seen.end(), true);
    return static_cast<int>(std::lround(100.0 * static_cast<double>(seen) / static_cast<double>(lesson.steps.size())));
  }
  return static_cast<int>(std::lround(100.0 * right / scored));
}

void Answer(LessonProgressBook& book, const lessons::Lesson& lesson, int step, double value) {
  if (step < 0 || step >= static_cast<int>(lesson.steps.size()) || !lesson.steps[step].question) return;
  const lessons::Question& q = *lesson.steps[step].question;
  QuestionAttempt& a = ProgressOf(book, lesson).answers[step];
  if (a.revealed) return;  // answered: the record stands
  const bool right = q.kind == lessons::Question::Kind::kNumber ? q.IsRight(value) : static_cast<int>(value) == q.right;
  if (q.kind != lessons::Question::Kind::kNumber) a.chosen = static_cast<int>(value);
  if (right) {
    a.right = a.revealed = true;
  } else if (++a.wrong >= 2) {
    a.revealed = true;  // the hint did not do it: the worked answer
  }
  ++book.revision;
}

void Commit(LessonProgressBook& book, const lessons::Lesson& lesson, int step, int choice) {
  if (step < 0 || step >= static_cast<int>(lesson.steps.size()) || !lesson.steps[step].question) return;
  const lessons::Question& q = *lesson.steps[step].question;
  if (choice < 0 || choice >= static_cast<int>(q.choices.size())) return;
  QuestionAttempt& a = ProgressOf(book, lesson).answers[step];
  if (a.committed) return;
  a.chosen = choice;
  a.committed = a.revealed = true;
  a.right = q.right >= 0 && choice == q.right;
  ++book.revision;
}

std::string ProgressToJson(const LessonProgressBook& book) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, p] : book.lessons) {
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [step, a] : p.answers)
      answers[std::to_string(step)] = {{"wrong", a.wrong}, {"right", a.right}, {"revealed", a.revealed},
                                       {"chosen", a.chosen}, {"committed", a.committed}};
    std::vector<int> seen(p.seen.begin(), p.seen.end());
    j[key] = {{"seen", seen}, {"answers", answers}, {"finished", p.finished}};
  }
  return j.dump();
}

LessonProgressBook ProgressFromJson(const std::string& text, const lessons::LessonLibrary& library) {
  LessonProgressBook book;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return book;
  std::map<std::string, const nlohmann::json*> by_key;  // older files kept progress by the whole file name
  for (auto entry = j.begin(); entry != j.end(); ++entry) by_key[lessons::LessonKey(entry.key())] = &entry.value();
  for (const lessons::Lesson& lesson : library.lessons) {
    const auto found = by_key.find(lessons::LessonKey(lesson.file));
    if (found == by_key.end() || !found->second->is_object()) continue;
    const nlohmann::json* it = found->second;
    LessonProgress& p = ProgressOf(book, lesson);
    const int steps = static_cast<int>(lesson.steps.size());
    if (const auto seen = it->find("seen"); seen != it->end() && seen->is_array())
      for (int i = 0; i < std::min(steps, static_cast<int>(seen->size())); ++i) p.seen[i] = (*seen)[i] == 1;
    if (const auto f = it->find("finished"); f != it->end() && f->is_boolean()) p.finished = f->get<bool>();
    const auto answers = it->find("answers");
    if (answers == it->end() || !answers->is_object()) continue;
    for (auto entry = answers->begin(); entry != answers->end(); ++entry) {  // no structured binding: clang 14's lambdas cannot capture one
      const std::string& key = entry.key();
      const nlohmann::json& a = entry.value();
      const int step = key.size() <= 4 && !key.empty() && std::all_of(key.begin(), key.end(), [](unsigned char c) { return c >= '0' && c <= '9'; }) ? std::stoi(key) : -1;
      if (step < 0 || step >= steps || !lesson.steps[step].question || !a.is_object()) continue;
      const auto number = [&](const char* k, int lo, int hi) {
        const auto v = a.find(k);
        return v != a.end() && v->is_number_integer() ? std::clamp(v->get<int>(), lo, hi) : lo;
      };
      const auto flag = [&](const char* k) {
        const auto v = a.find(k);
        return v != a.end() && v->is_boolean() && v->get<bool>();
      };
      QuestionAttempt& q = p.answers[step];
      q.wrong = number("wrong", 0, 1000);
      q.chosen = number("chosen", -1, static_cast<int>(lesson.steps[step].question->choices.size()) - 1);
      q.right = flag("right");
      q.revealed = flag("revealed");
      q.committed = flag("committed");
    }
  }
  return book;
}

}  // namespace gradlab::ui
