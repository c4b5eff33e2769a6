// Paces the frames the app changes by itself (a training thread's pictures, a progress bar) where
// drawing costs more than a frame has: headless Chromium's SwiftShader, a slow laptop. There a
// drawn frame makes the next one late, so the page stutters for everyone, the student's own
// pointer and keys too. A drawing that made the next frame late widens the least time between two
// such drawings (up to kMostIntervalMs); drawings that keep their time narrow it again, to none, so
// a machine that draws quickly never waits. A frame the student changed is drawn at once.
#pragma once

namespace gradlab::platform {

class RedrawPacer {
 public:
  static constexpr double kMostIntervalMs = 250;

  // Once a frame, at its start (milliseconds on a steady clock).
  void FrameStarted(double now_ms);
  // Whether a frame that changes what is on screen draws now. `student`: the student's input (or
  // the host page's call) changed it; `paced`: the app's own changes may wait (training runs).
  bool Draw(double now_ms, bool student, bool paced);
  double interval_ms() const { return interval_ms_; }

 private:
  double interval_ms_ = 0;  // least time between two drawings of the app's own changes
  double usual_gap_ms_ = 0;  // the display's pace, from frames that did not draw
  double last_start_ms_ = -1, last_draw_ms_ = -1e9;
  bool drew_ = false;  // the frame that just ended drew
};

}  // namespace gradlab::platform
