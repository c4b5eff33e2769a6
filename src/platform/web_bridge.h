// Glue between the app and the page hosting it. In the browser: URL parameters, the
// loading indicator, the canvas pixel ratio and the test hook (window.gradlab.state()).
// Natively every function is a harmless no-op, so main.cpp needs no #ifdef for them.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "ui/app_state.h"

namespace gradlab::platform {

// Lets the JS test hook read the state; call once at start-up.
void ConnectWebBridge(ui::AppState* state);

// key=value pairs from the page's query string (?tab=backprop&theme=light), decoded.
std::vector<std::pair<std::string, std::string>> ReadUrlParameters();

// Hides the page's loading indicator (called after the first frame is on screen).
void NotifyFirstFrame();

// Device pixels per CSS pixel of the canvas backing store (1 natively).
float CanvasPixelRatio(int logical_width);

}  // namespace gradlab::platform
