// The platform's side of ui::Services: OpenGL textures, data files (read from disk beside the
// executable natively, fetched beside the page in the browser), user files (paths natively,
// download/upload in the browser), and the clock.
#pragma once
#include "ui/services.h"

namespace gradlab::platform {

// Creates the services for this platform and registers them with the UI.
void InstallServices();
// Delivers finished file reads; call once per frame.
void PumpServices();
// True once after any texture was uploaded or deleted: the screen may differ even when the
// draw data does not (same texture id, new pixels).
bool TakeTexturesChanged();

}  // namespace gradlab::platform
