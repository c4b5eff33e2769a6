#include "ui/hook_items.h"

#include <imgui.h>

namespace gradlab::ui {

namespace {
std::map<std::string, ItemRect>& Items() {
  static std::map<std::string, ItemRect> items;
  return items;
}
}  // namespace

void NoteLastItem(const char* name) {
  if (!ImGui::IsItemVisible()) return;  // scrolled away or clipped: a click would miss it
  const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
  Items()[name] = {min.x, min.y, size.x, size.y};
}

void ForgetNotedItems() { Items().clear(); }

const std::map<std::string, ItemRect>& NotedItems() { return Items(); }

}  // namespace gradlab::ui
