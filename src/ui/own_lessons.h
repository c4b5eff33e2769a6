// Lessons an instructor adds beside the built-in ones: from an address in a link
// (lesson_url=https://..., fetched as the browser allows: the host must send CORS headers) or
// from a file the student opens or drops on the page. They are listed after the built-in lessons and numbered on from
// them, so ?lesson_url=...&lesson=17 opens the first added one; a lesson asked for while its file
// is on its way opens when it arrives.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace gradlab::ui {

struct AppState;

// Fetches `url` unless it is the one already fetched (the lesson_url setting, as a link gives it).
void FetchLessonUrl(AppState& state, const std::string& url);
// Per frame: fetches lesson_url when it changed by other means (the host API, the desktop's --set).
void UpdateOwnLessons(AppState& state);
// The Lessons tab's "Open lesson file...": the file picker, then the lesson opens at step 1.
void OpenOwnLessonFile(AppState& state);
// A file dropped on the window or the page: a lesson (.json) is added and opens at step 1;
// anything else is refused with a message that says where it opens instead.
void OpenDroppedFile(AppState& state, const std::string& name, const Result<std::vector<uint8_t>>& bytes);

}  // namespace gradlab::ui
