#include "ui/hook_items.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace gradlab::ui {

namespace {
std::map<std::string, ItemRect>& Items() {
  static std::map<std::string, ItemRect> items;
  return items;
}
}  // namespace

void NoteLastItem(const char* name) {
  // Noted only where a click on its centre reaches it: not scrolled away, and not half under the
  // edge of its panel (a click there would land on whatever is beside the panel).
  const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
  const ImVec2 centre(min.x + size.x / 2, min.y + size.y / 2);
  if (!ImGui::GetCurrentWindow()->ClipRect.Contains(centre)) return;
  Items()[name] = {min.x, min.y, size.x, size.y};
}

void ForgetNotedItems() { Items().clear(); }

const std::map<std::string, ItemRect>& NotedItems() { return Items(); }

}  // namespace gradlab::ui
