#include "ui/services.h"

namespace gradlab::ui {

static Services* g_services = nullptr;

void SetServices(Services* s) { g_services = s; }
Services& services() { return *g_services; }

}  // namespace gradlab::ui
