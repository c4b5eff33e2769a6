// The Share button and its dialog: the link that reproduces what the student sees, to copy, and
// for instructors the choice of what an exercise link hides or shows read-only.
#pragma once
#include <string>

#include "settings/settings.h"

namespace gradlab::ui {

struct AppState;

struct ShareUi {
  bool open = false;
  std::string hide, lock;      // the exercise's choices, as settings lists
  settings::Tab tab = settings::Tab::kTrain;
  bool copied = false;
};

void DrawShareButton(AppState& state);  // in the menu bar
void DrawShareDialog(AppState& state);

// The link for `s` as someone else would open it: the page's address and the fragment in the
// browser; the desktop app's --link option natively.
std::string ShareLink(const settings::Settings& s);

}  // namespace gradlab::ui
