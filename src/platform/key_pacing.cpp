#include "platform/key_pacing.h"

#include <algorithm>
#include <utility>

namespace gradlab::platform {

namespace {

bool IsModifier(SDL_Scancode key) { return key >= SDL_SCANCODE_LCTRL && key <= SDL_SCANCODE_RGUI; }

}  // namespace

std::vector<SDL_Event> KeyPacer::StartFrame() {
  pressed_ = SDL_SCANCODE_UNKNOWN;
  released_.clear();
  holding_ = false;
  return std::exchange(held_, {});
}

bool KeyPacer::Pass(const SDL_Event& event) {
  const bool keyboard = event.type == SDL_KEYDOWN || event.type == SDL_KEYUP || event.type == SDL_TEXTINPUT;
  if (!keyboard) return true;
  const SDL_Scancode key = event.type == SDL_TEXTINPUT ? SDL_SCANCODE_UNKNOWN : event.key.keysym.scancode;
  if (!holding_ && event.type == SDL_KEYDOWN && !event.key.repeat && !IsModifier(key)) {
    const bool released_now = std::find(released_.begin(), released_.end(), key) != released_.end();
    if (pressed_ == SDL_SCANCODE_UNKNOWN && !released_now) pressed_ = key;
    else holding_ = true;
  }
  const bool quick_release = event.type == SDL_KEYUP && key == pressed_;
  if (holding_ || quick_release) {
    held_.push_back(event);
    return false;
  }
  if (event.type == SDL_KEYUP) released_.push_back(key);
  return true;
}

}  // namespace gradlab::platform
