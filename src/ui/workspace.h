// The top-level UI: menu bar, tabbed workspace, status bar, About box.
// Drawing functions read AppState and change it; they do no math and know no platform.
#pragma once
#include "ui/app_state.h"

namespace gradlab::ui {

void ApplyTheme(settings::Theme theme);
void DrawWorkspace(AppState& state);

}  // namespace gradlab::ui
