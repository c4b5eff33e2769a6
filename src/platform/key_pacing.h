// Paces the keyboard for Dear ImGui 1.86, which reads keys once a frame and whose text field acts
// on one key a frame (InputTextEx tests End, then Enter, in one else-if chain). Two keys pressed
// within one frame (a fast typist on a slow frame, a script, End then Enter) would lose all but
// one; a key pressed and released within one frame would not be seen at all, nor one released
// and pressed again. So each frame lets one key press through, and not that of a key released in
// the same frame; the keyboard events from a press held back on (its characters, the releases and
// keys after it) wait for the next frame, in order; and a key released in the frame it was
// pressed in is released a frame later. Modifier keys and auto-repeat pass without counting as a
// press. Events other than the keyboard's are never held.
#pragma once
#include <SDL.h>

#include <vector>

namespace gradlab::platform {

class KeyPacer {
 public:
  // Starts a frame: returns the events held back in the last one, to be put through Pass first.
  std::vector<SDL_Event> StartFrame();
  // True when `event` should reach ImGui now; false when it is held for the next frame.
  bool Pass(const SDL_Event& event);

 private:
  std::vector<SDL_Event> held_;
  SDL_Scancode pressed_ = SDL_SCANCODE_UNKNOWN;  // the key pressed this frame, if one was
  std::vector<SDL_Scancode> released_;           // the keys released this frame
  bool holding_ = false;  // a second press came this frame: the keyboard waits for the next
};

}  // namespace gradlab::platform
