// The page's pacing of the frames training changes (platform/redraw_pacing.h), fed frame times.
#include <catch2/catch.hpp>

#include "platform/redraw_pacing.h"

using gradlab::platform::RedrawPacer;

namespace {

// Frames every 16.7 ms that each change something; `late` makes the frame after a drawing start
// a whole frame later, as when drawing costs more than a frame. Returns how many drew.
int RunFrames(RedrawPacer& pacer, double& now, int frames, bool late, bool student = false) {
  int drawn = 0;
  bool drew = false;
  for (int i = 0; i < frames; ++i) {
    now += drew && late ? 33.3 : 16.7;
    pacer.FrameStarted(now);
    drew = pacer.Draw(now, student, true);
    drawn += drew;
  }
  return drawn;
}

}  // namespace

TEST_CASE("Redraw pacing: where drawings keep their time, every change is drawn at once", "[platform]") {
  RedrawPacer pacer;
  double now = 0;
  pacer.FrameStarted(now);
  CHECK(pacer.Draw(now, false, true));
  CHECK(RunFrames(pacer, now, 120, false) == 120);
  CHECK(pacer.interval_ms() == 0);
}

TEST_CASE("Redraw pacing: drawings that make frames late are spaced out, up to a limit, and come back", "[platform]") {
  RedrawPacer pacer;
  double now = 0;
  for (int i = 0; i < 10; ++i) pacer.FrameStarted(now += 16.7);  // frames that draw nothing: the display's pace
  const int drawn = RunFrames(pacer, now, 600, true);  // ten seconds of frames
  CHECK(pacer.interval_ms() == RedrawPacer::kMostIntervalMs);
  CHECK(drawn >= 30);   // at least every kMostIntervalMs (and its late frame), so the views move on
  CHECK(drawn <= 60);
  // The student's input is drawn at once, however wide the spacing.
  pacer.FrameStarted(now += 16.7);
  CHECK(pacer.Draw(now, true, true));
  // Not paced (training paused or on the page's own thread): drawn at once too.
  pacer.FrameStarted(now += 33.3);
  CHECK(pacer.Draw(now, false, false));
  // Drawings on time narrow the spacing again, to none.
  RunFrames(pacer, now, 2000, false);
  CHECK(pacer.interval_ms() == 0);
}
