# Every web-versus-native decision lives here.
add_library(gradlab_flags INTERFACE)

if(EMSCRIPTEN)
  set(GRADLAB_TARGET_NAME "web")
  target_compile_options(gradlab_flags INTERFACE -msimd128)
  # The page comes in two builds (cmake/ThreadedSite.cmake): this option makes the threaded one,
  # with shared memory, which browsers run only in a cross-origin isolated page.
  option(GRADLAB_WASM_THREADS "WebAssembly with threads (the site's gradlab-threads.js)" OFF)
  set(GRADLAB_THREADS_DIR "${CMAKE_BINARY_DIR}/threads")  # where the single-thread build makes it
  if(GRADLAB_WASM_THREADS)
    target_compile_options(gradlab_flags INTERFACE -pthread)
    target_link_options(gradlab_flags INTERFACE -pthread)
  endif()
  # The page's memory grows up to this (2 GB, also Emscripten's default); the engine reads it
  # (GetBuildInfo().memory_limit_bytes) to report it and to check that its budgets fit in it.
  set(GRADLAB_MEMORY_LIMIT_BYTES 2147483648)
  target_compile_definitions(gradlab_flags INTERFACE GRADLAB_MEMORY_LIMIT_BYTES=${GRADLAB_MEMORY_LIMIT_BYTES})
  target_link_options(gradlab_flags INTERFACE -msimd128 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=${GRADLAB_MEMORY_LIMIT_BYTES})

  # Tools run under Node.js with the host file system. SINGLE_FILE embeds the .wasm, so plain
  # `node gradlab-cli.js` works (quirk 2: Node 18+ would otherwise try to fetch() a file path).
  function(gradlab_node_executable target)
    target_link_options(${target} PRIVATE
      -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sSINGLE_FILE=1
      "--pre-js=${PROJECT_SOURCE_DIR}/cmake/node-env.js")
    if(GRADLAB_WASM_THREADS)
      # main() runs on a pthread: Node's own thread must stay free to start the others, or a
      # main() that waits for them never returns. One worker per core is ready from the start.
      target_link_options(${target} PRIVATE -sPROXY_TO_PTHREAD=1
        "-sPTHREAD_POOL_SIZE=Math.min(require('os').cpus().length,8)+1")
    endif()
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/cmake/node-env.js")
  endfunction()

  # The app is a static site: site/index.html + gradlab.js + gradlab.wasm + gradlab-assets.data +
  # sw.js, and the threaded build beside it (gradlab-threads.*), made by a second build of these
  # sources. The packed assets (the UI font, the name 한국어, the lessons) are one file that both
  # builds fetch: Emscripten's file packager writes it and its loader once, and each build links
  # the loader in as --preload-file would (it does nothing in a pthread's worker), so a student
  # downloads and the service worker keeps them once, not once per build.
  function(gradlab_app_executable target)
    target_link_options(${target} PRIVATE
      -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
      -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,writeArrayToMemory -sEXPORTED_FUNCTIONS=_main,_malloc,_free
      -sFORCE_FILESYSTEM=1)  # what --preload-file would set: the loader needs FS_createPath and its kin
    if(GRADLAB_WASM_THREADS)
      # Into the single-thread build's site; the pthreads run in workers. One worker per core
      # less one (the page's own thread), at most 8, is started with the page.
      set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${GRADLAB_SITE_DIR}" OUTPUT_NAME "gradlab-threads")
      target_link_options(${target} PRIVATE -sENVIRONMENT=web,worker "--pre-js=${GRADLAB_ASSETS_JS}"
        "-sPTHREAD_POOL_SIZE=Math.max(1,Math.min((navigator.hardwareConcurrency||2)-1,8))")
      set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${GRADLAB_ASSETS_JS}")
      return()
    endif()
    set(site "${CMAKE_BINARY_DIR}/site")
    set(GRADLAB_ASSETS_JS "${CMAKE_BINARY_DIR}/gradlab-assets.js")  # also read by ThreadedSite.cmake
    file(GLOB lesson_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/assets/lessons/*.json")
    add_custom_command(OUTPUT "${site}/gradlab-assets.data" "${GRADLAB_ASSETS_JS}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${site}"
      COMMAND "${EMSCRIPTEN_ROOT_PATH}/tools/file_packager.py" "${site}/gradlab-assets.data"
              --preload "${GRADLAB_FONT_FILE}@/assets/fonts/ui.ttf" "${GRADLAB_I18N_DIR}/ko-name.otf@/assets/fonts/ko-name.otf"
                        "${PROJECT_SOURCE_DIR}/assets/lessons@/assets/lessons"
              "--js-output=${GRADLAB_ASSETS_JS}"
      DEPENDS "${GRADLAB_FONT_FILE}" "${GRADLAB_I18N_DIR}/ko-name.otf" ${lesson_files}
      COMMENT "Packing the app's assets into gradlab-assets.data")
    add_custom_target(gradlab_assets DEPENDS "${site}/gradlab-assets.data")
    add_dependencies(${target} gradlab_assets gradlab_translations)
    target_link_options(${target} PRIVATE "--pre-js=${GRADLAB_ASSETS_JS}")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${GRADLAB_ASSETS_JS}")
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${site}")
    target_link_options(${target} PRIVATE -sENVIRONMENT=web)
    include("${PROJECT_SOURCE_DIR}/cmake/ThreadedSite.cmake")  # the target gradlab_threads
    file(GLOB web_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/web/*")
    # The page's own files, whenever they or the app change (a rebuild after editing web/ alone
    # updates the site too). Last, the service worker (offline after one visit): its version
    # hashes the files written before it, both builds' among them.
    set(worker_scripts "${PROJECT_SOURCE_DIR}/cmake/LessonIndex.cmake" "${PROJECT_SOURCE_DIR}/cmake/OfflineWorker.cmake"
                       "${PROJECT_SOURCE_DIR}/cmake/sw.js.in")
    add_custom_command(OUTPUT "${site}/sw.js"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different ${web_files} "${site}/"
      # A language's catalogue and font beside the page, fetched only when a student picks it.
      COMMAND ${CMAKE_COMMAND} -E make_directory "${site}/assets/i18n"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${GRADLAB_I18N_DIR}/ko.mo" "${GRADLAB_I18N_DIR}/ko-terms.tsv" "${site}/assets/i18n/"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${GRADLAB_I18N_DIR}/ko.otf" "${site}/assets/fonts/ko.otf"
      COMMAND ${CMAKE_COMMAND} "-DLESSONS=${PROJECT_SOURCE_DIR}/assets/lessons" "-DOUT=${site}/lesson-titles.json"
              -P "${PROJECT_SOURCE_DIR}/cmake/LessonIndex.cmake"
      COMMAND ${CMAKE_COMMAND} "-DSITE=${site}" "-DTEMPLATE=${PROJECT_SOURCE_DIR}/cmake/sw.js.in"
              -P "${PROJECT_SOURCE_DIR}/cmake/OfflineWorker.cmake"
      DEPENDS ${target} gradlab_threads "${site}/gradlab-threads.wasm" ${web_files} ${lesson_files} ${worker_scripts}
              "${GRADLAB_I18N_DIR}/ko.mo" "${GRADLAB_I18N_DIR}/ko.otf" "${GRADLAB_I18N_DIR}/ko-terms.tsv"
      COMMENT "Copying the web shell into ${site}, writing lesson-titles.json and sw.js")
    add_custom_target(${target}_site ALL DEPENDS "${site}/sw.js")
  endfunction()
else()
  set(GRADLAB_TARGET_NAME "native")
  # The desktop app trains on a thread of its own (train/trainer_thread.h).
  find_package(Threads REQUIRED)
  target_link_libraries(gradlab_flags INTERFACE Threads::Threads)
  # The desktop app and CLI are built on the machine that runs them, so use all of its SIMD
  # (AVX2/AVX-512 for Eigen's GEMM). Turn off to build a binary for other machines.
  option(GRADLAB_NATIVE_ARCH "Compile for this machine's instruction set (-march=native)" ON)
  if(GRADLAB_NATIVE_ARCH)
    # No implicit a*b+c -> fma contraction: keeps results equal to WebAssembly (which has no FMA)
    # wherever our own loops compute them; Eigen still uses FMA explicitly inside its GEMM.
    target_compile_options(gradlab_flags INTERFACE -march=native -ffp-contract=off)
  endif()
  if(GRADLAB_SANITIZE)
    target_compile_options(gradlab_flags INTERFACE
      -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(gradlab_flags INTERFACE -fsanitize=address,undefined)
  endif()

  function(gradlab_node_executable target)
  endfunction()

  # The desktop app finds its assets beside the executable. Copied on every build (a lesson edit
  # relinks nothing), the lessons folder afresh: a renamed lesson must not stay behind as a copy.
  function(gradlab_app_executable target)
    add_custom_target(${target}-assets ALL
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${GRADLAB_FONT_FILE}"
              "$<TARGET_FILE_DIR:${target}>/assets/fonts/ui.ttf"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${GRADLAB_I18N_DIR}/ko.otf" "${GRADLAB_I18N_DIR}/ko-name.otf"
              "$<TARGET_FILE_DIR:${target}>/assets/fonts/"
      COMMAND ${CMAKE_COMMAND} -E make_directory "$<TARGET_FILE_DIR:${target}>/assets/i18n"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${GRADLAB_I18N_DIR}/ko.mo" "${GRADLAB_I18N_DIR}/ko-terms.tsv"
              "$<TARGET_FILE_DIR:${target}>/assets/i18n/"
      COMMAND ${CMAKE_COMMAND} -E rm -rf "$<TARGET_FILE_DIR:${target}>/assets/lessons"
      COMMAND ${CMAKE_COMMAND} -E copy_directory "${PROJECT_SOURCE_DIR}/assets/lessons"
              "$<TARGET_FILE_DIR:${target}>/assets/lessons"
      VERBATIM)
    add_dependencies(${target}-assets gradlab_translations)
    add_dependencies(${target} ${target}-assets)
  endfunction()
endif()
target_compile_definitions(gradlab_flags INTERFACE GRADLAB_TARGET="${GRADLAB_TARGET_NAME}")

# Warnings for the project's own code (third-party sources are built with -w). The test command
# turns them into errors (GRADLAB_WERROR), so a warning cannot land.
option(GRADLAB_WERROR "Treat warnings in the project's own code as errors" OFF)
add_library(gradlab_warnings INTERFACE)
target_compile_options(gradlab_warnings INTERFACE -Wall -Wextra -Wshadow $<$<BOOL:${GRADLAB_WERROR}>:-Werror>
  # Structs with default member initializers are filled in part on purpose ({key, group, ...}).
  -Wno-missing-field-initializers
  # GCC 12 warns inside its own <string>, <vector>, <functional> and <regex> code (GCC bugs
  # 105329 and 107852; "maybe uninitialized" with the sanitizers' -O1), not in ours. Definite
  # uses of uninitialized values (-Wuninitialized) stay on, and AddressSanitizer checks bounds.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict -Wno-array-bounds -Wno-stringop-overread -Wno-maybe-uninitialized>)
