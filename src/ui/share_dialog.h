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
  // The Embed tab: the iframe snippet's size and when the embed loads the engine.
  int embed_width = 800, embed_height = 560;
  int embed_start = 0;  // click, visible, now
};

void DrawShareButton(AppState& state);  // in the menu bar
void DrawShareDialog(AppState& state);

// The link for `s` as someone else would open it: the page's address and the fragment in the
// browser; the desktop app's --link option natively.
std::string ShareLink(const settings::Settings& s);

// An <iframe> that embeds `s` in a course page (docs/embed.md), with a title naming the set-up.
std::string EmbedSnippet(const settings::Settings& s, const std::string& title, int width, int height);

}  // namespace gradlab::ui
