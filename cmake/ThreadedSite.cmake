# The site's threaded build: these same sources configured again with GRADLAB_WASM_THREADS
# (every object compiled with -pthread, for shared memory), in GRADLAB_THREADS_DIR (build/wasm/threads). It writes
# gradlab-threads.{js,wasm,worker.js} into this build's site (linking in the loader of the packed
# assets this build made, GRADLAB_ASSETS_JS), and a threaded gradlab-cli.js
# for Node.js into its own folder (the tests compare its losses with the single-thread one's).
# The page loads it where the browser allows threads (cross-origin isolation; web/shell.js).
include(ExternalProject)
ExternalProject_Add(gradlab_threads
  SOURCE_DIR "${PROJECT_SOURCE_DIR}"
  BINARY_DIR "${GRADLAB_THREADS_DIR}"
  CMAKE_GENERATOR "${CMAKE_GENERATOR}"
  CMAKE_CACHE_ARGS
    "-DCMAKE_TOOLCHAIN_FILE:FILEPATH=${CMAKE_TOOLCHAIN_FILE}"
    "-DCMAKE_BUILD_TYPE:STRING=${CMAKE_BUILD_TYPE}"
    "-DCMAKE_CXX_FLAGS_RELEASE:STRING=${CMAKE_CXX_FLAGS_RELEASE}"
    "-DGRADLAB_WERROR:BOOL=${GRADLAB_WERROR}"
    "-DGRADLAB_CACHE:PATH=${GRADLAB_CACHE}"
    "-DGRADLAB_WASM_THREADS:BOOL=ON"
    "-DGRADLAB_SITE_DIR:PATH=${site}"
    "-DGRADLAB_ASSETS_JS:FILEPATH=${GRADLAB_ASSETS_JS}"
  BUILD_COMMAND ${CMAKE_COMMAND} --build "${GRADLAB_THREADS_DIR}" --target gradlab gradlab-cli
  INSTALL_COMMAND ""
  DEPENDS gradlab_assets
  BUILD_ALWAYS ON  # its own build knows what changed
  BUILD_BYPRODUCTS "${site}/gradlab-threads.js" "${site}/gradlab-threads.wasm"
                   "${site}/gradlab-threads.worker.js" "${GRADLAB_THREADS_DIR}/gradlab-cli.js"
  USES_TERMINAL_BUILD ON)  # its progress shows as it goes (its own ninja runs beside the outer one's jobs)
