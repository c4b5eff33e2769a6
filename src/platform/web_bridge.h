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

// Whether the page called into the app since the last call (a setting, a link, typed text, a
// lesson, a dropped file): the host page's or a test's doing counts as the student's (RedrawPacer).
bool TakeHostCalls();

// The page's link: its query string and then its fragment ("?tab=backprop", "#v=1&..."), as
// written; settings::ParseQuery decodes them, the same way natively and in the page.
std::string ReadPageLink();

// Puts the settings' fragment in the address bar (history.replaceState, debounced in the page,
// so neither the history nor the browser is flooded). Natively a no-op.
void PublishLink(const std::string& fragment);

// The address of the page without query or fragment ("https://host/course/"), "" natively.
std::string PageAddress();

// Hands an event for the page embedding the app to web/shell.js (docs/embed.md). Natively a no-op.
void EmitEvent(const std::string& name, const std::string& json);

// Hides the page's loading indicator (called after the first frame is on screen).
void NotifyFirstFrame();

// Device pixels per CSS pixel of the canvas backing store (1 natively).
float CanvasPixelRatio(int logical_width);

// Input methods (Korean, Japanese, Chinese...): while a text field is being edited the page gives
// the keyboard to a hidden text input at the caret (web/ime.js), which hands the composed text
// to ImGui. Call once a frame, after ImGui::Render. Natively SDL's text input does this.
void InstallTextInputBridge();
void SyncTextInput();

}  // namespace gradlab::platform
