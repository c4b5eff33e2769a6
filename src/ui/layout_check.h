// Controls drawn cut off: a button, tab, header or field that runs past the right or left edge of
// the area it is drawn in (its panel, its table column), in a window that does not scroll sideways,
// so part of its label cannot be seen (8 pixels or more). Found from ImGui's item hooks as each frame is drawn and
// reported by the page hook ("clipped"), so tests can look at every tab at every screen size.
#pragma once
#include <string>
#include <vector>

namespace gradlab::ui {

struct ClippedItem {
  std::string label, window;
  float x = 0, y = 0, w = 0, h = 0;  // the item's rectangle, logical pixels
  float visible_w = 0;               // how much of its width can be seen
};

void BeginLayoutCheck();                          // at the start of a frame
const std::vector<ClippedItem>& ClippedItems();   // as of the last frame drawn

// A widget's label as it is shown: without the "##id" part ImGui hides.
std::string VisibleLabel(const char* label);

// From the item hooks (focused_control.cpp, which owns them).
void CheckItemRect(unsigned int id, float min_x, float min_y, float max_x, float max_y);
void NameCheckedItem(unsigned int id, const char* label);

}  // namespace gradlab::ui
