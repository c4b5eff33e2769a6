// Screen rectangles of a few named items (the buttons a test clicks as a student would),
// noted each frame they are drawn and reported by the test hook as "items". Logical pixels,
// the same as the page's CSS pixels.
#pragma once
#include <map>
#include <string>

namespace gradlab::ui {

struct ItemRect {
  float x = 0, y = 0, w = 0, h = 0;
};

void NoteLastItem(const char* name);        // the item ImGui drew last, if it is visible
void ForgetNotedItems();                    // at the start of a frame: only drawn items count
const std::map<std::string, ItemRect>& NotedItems();

}  // namespace gradlab::ui
