# Finds the third-party pieces that scripts/setup installed from Debian's archive.
# Nothing here downloads anything.

# ---- header-only packages -------------------------------------------------------------------
# Eigen, nlohmann-json, stb and Catch2 are headers under /usr/include. The WebAssembly build must
# not put /usr/include itself on its include path (glibc's headers would shadow Emscripten's
# libc), so each package's folder is linked into a small shim folder used by both builds.
set(GRADLAB_HOST_INCLUDE /usr/include CACHE PATH "Where Debian's header-only packages live")
set(shim "${CMAKE_BINARY_DIR}/third-party-include")
foreach(pkg eigen3/Eigen nlohmann stb catch2)
  get_filename_component(name "${pkg}" NAME)
  if(NOT EXISTS "${GRADLAB_HOST_INCLUDE}/${pkg}")
    message(FATAL_ERROR "${GRADLAB_HOST_INCLUDE}/${pkg} not found: run scripts/setup first.")
  endif()
  file(MAKE_DIRECTORY "${shim}")
  file(CREATE_LINK "${GRADLAB_HOST_INCLUDE}/${pkg}" "${shim}/${name}" SYMBOLIC)
endforeach()
add_library(gradlab_third_party_headers INTERFACE)
target_include_directories(gradlab_third_party_headers SYSTEM INTERFACE "${shim}")
include("/usr/lib/cmake/Catch2/Catch.cmake")   # catch_discover_tests()

if(GRADLAB_BUILD_APP)
  # ---- Dear ImGui: compiled from Debian's source package so both builds run the same version.
  set(GRADLAB_IMGUI_DIR "${GRADLAB_CACHE}/imgui-1.86" CACHE PATH "Dear ImGui source (apt-get source imgui)")
  if(NOT EXISTS "${GRADLAB_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ${GRADLAB_IMGUI_DIR}: run scripts/setup first.")
  endif()
  add_library(imgui_core STATIC
    ${GRADLAB_IMGUI_DIR}/imgui.cpp ${GRADLAB_IMGUI_DIR}/imgui_draw.cpp
    ${GRADLAB_IMGUI_DIR}/imgui_tables.cpp ${GRADLAB_IMGUI_DIR}/imgui_widgets.cpp
    ${GRADLAB_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)  # InputText on std::string
  target_include_directories(imgui_core SYSTEM PUBLIC ${GRADLAB_IMGUI_DIR} ${GRADLAB_IMGUI_DIR}/misc/cpp)
  target_link_libraries(imgui_core PUBLIC gradlab_flags)
  target_compile_options(imgui_core PRIVATE -w)  # third-party code: its warnings are not ours
  # ImGui's item hooks (meant for its test engine) tell the page's text layer which control has the
  # keyboard focus (src/ui/focused_control.cpp). Public: every file must see the same structs.
  target_compile_definitions(imgui_core PUBLIC IMGUI_ENABLE_TEST_ENGINE)

  # ---- SDL2 and OpenGL
  add_library(gradlab_sdl2 INTERFACE)
  if(EMSCRIPTEN)
    # SDL2 2.26.5 built for WebAssembly by scripts/setup (Emscripten's own SDL2 port is too old).
    # The threaded build needs its copy compiled with -pthread.
    if(GRADLAB_WASM_THREADS)
      set(GRADLAB_SDL2_WASM_DIR "${GRADLAB_CACHE}/sdl2-wasm-threads-2.26.5" CACHE PATH "SDL2 built with emcmake -pthread")
    else()
      set(GRADLAB_SDL2_WASM_DIR "${GRADLAB_CACHE}/sdl2-wasm-2.26.5" CACHE PATH "SDL2 built with emcmake")
    endif()
    if(NOT EXISTS "${GRADLAB_SDL2_WASM_DIR}/lib/libSDL2.a")
      message(FATAL_ERROR "SDL2 for WebAssembly not found in ${GRADLAB_SDL2_WASM_DIR}: run scripts/setup first.")
    endif()
    target_include_directories(gradlab_sdl2 SYSTEM INTERFACE "${GRADLAB_SDL2_WASM_DIR}/include/SDL2")
    target_link_libraries(gradlab_sdl2 INTERFACE "${GRADLAB_SDL2_WASM_DIR}/lib/libSDL2.a")
  else()
    find_package(SDL2 REQUIRED CONFIG)
    find_package(OpenGL REQUIRED)
    target_link_libraries(gradlab_sdl2 INTERFACE SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
  endif()

  add_library(imgui_backends STATIC
    ${GRADLAB_IMGUI_DIR}/backends/imgui_impl_sdl.cpp
    ${GRADLAB_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(imgui_backends SYSTEM PUBLIC ${GRADLAB_IMGUI_DIR}/backends)
  target_link_libraries(imgui_backends PUBLIC imgui_core gradlab_sdl2)
  target_compile_options(imgui_backends PRIVATE -w)

  # ---- the UI font, from Debian's fonts-dejavu-core, copied beside the app at build time.
  set(GRADLAB_FONT_FILE /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf CACHE FILEPATH "UI font")
  if(NOT EXISTS "${GRADLAB_FONT_FILE}")
    message(FATAL_ERROR "${GRADLAB_FONT_FILE} not found: run scripts/setup first.")
  endif()
endif()
