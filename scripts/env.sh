# Sourced by the other scripts (and by hand: `. scripts/env.sh`) so that a shell can run
# cmake/ctest with the same settings. Sets where the set-up cache lives and the
# Emscripten environment that works around Debian's frozen cache (see scripts/setup).
GRADLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export GRADLAB_ROOT
export GRADLAB_CACHE="${GRADLAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gradlab}"
# Emscripten's own config: a copy of Debian's with a writable cache (Debian ships Emscripten's
# cache read-only, with FROZEN_CACHE set, so any library not prebuilt there cannot be linked).
export EM_CONFIG="$GRADLAB_CACHE/emscripten/config"
# Debian's node modules (acorn) for emcc's JS passes: this machine's Node.js is not Debian's, so
# it would not find them.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

# Versions of the pieces the set-up prepares; a change of version makes a new cache folder.
GRADLAB_SDL2_VERSION=2.26.5
GRADLAB_IMGUI_VERSION=1.86
export GRADLAB_SDL2_WASM="$GRADLAB_CACHE/sdl2-wasm-$GRADLAB_SDL2_VERSION"
export GRADLAB_SDL2_WASM_THREADS="$GRADLAB_CACHE/sdl2-wasm-threads-$GRADLAB_SDL2_VERSION"
export GRADLAB_IMGUI_SRC="$GRADLAB_CACHE/imgui-$GRADLAB_IMGUI_VERSION"

# Run as root, or through sudo where it is installed.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

say() { printf '\033[1m[gradlab]\033[0m %s\n' "$*"; }
