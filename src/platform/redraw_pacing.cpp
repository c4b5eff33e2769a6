#include "platform/redraw_pacing.h"

#include <algorithm>

namespace gradlab::platform {

void RedrawPacer::FrameStarted(double now_ms) {
  if (last_start_ms_ >= 0) {
    const double gap = now_ms - last_start_ms_;
    if (!drew_) {
      usual_gap_ms_ = usual_gap_ms_ == 0 ? gap : 0.9 * usual_gap_ms_ + 0.1 * gap;
    } else if (usual_gap_ms_ > 0 && gap > 1.5 * usual_gap_ms_) {
      interval_ms_ = std::min(kMostIntervalMs, std::max(2 * usual_gap_ms_, 2 * interval_ms_));
    } else {
      // Slowly: one late frame doubles the interval, about 25 drawings on time halve it.
      interval_ms_ = interval_ms_ < 1 ? 0 : 0.97 * interval_ms_;
    }
  }
  last_start_ms_ = now_ms;
  drew_ = false;
}

bool RedrawPacer::Draw(double now_ms, bool student, bool paced) {
  if (paced && !student && now_ms - last_draw_ms_ < interval_ms_) return false;
  last_draw_ms_ = now_ms;
  drew_ = true;
  return true;
}

}  // namespace gradlab::platform
