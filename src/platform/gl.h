// The OpenGL headers for each target: desktop GL 3 natively, WebGL2 (GLES 3) in the browser.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif
