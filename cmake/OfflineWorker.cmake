# Writes SITE/sw.js, the service worker, from cmake/sw.js.in: the site's top-level files (the app:
# page, scripts, style, wasm, packed assets; not data/, not sw.js) and the files under assets/ (a
# language's catalogue and font, so Korean works offline too) with their SHA-256, and a
# version that is a short hash over them (and this worker's source), so any change to an app
# file changes sw.js too.
# Run after the web files are copied (POST_BUILD of the app, cmake/Platform.cmake):
#   cmake -DSITE=build/wasm/site -DTEMPLATE=cmake/sw.js.in -P cmake/OfflineWorker.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT IS_DIRECTORY "${SITE}" OR NOT EXISTS "${TEMPLATE}")
  message(FATAL_ERROR "usage: cmake -DSITE=<site folder> -DTEMPLATE=<sw.js.in> -P OfflineWorker.cmake")
endif()

file(GLOB names RELATIVE "${SITE}" "${SITE}/*")
file(GLOB_RECURSE assets RELATIVE "${SITE}" "${SITE}/assets/*")
list(APPEND names ${assets})
list(SORT names)
set(listing "")
set(GRADLAB_SW_FILES "")
foreach(name IN LISTS names)
  if(IS_DIRECTORY "${SITE}/${name}" OR name STREQUAL "sw.js" OR name MATCHES "^\\.")
    continue()
  endif()
  if(NOT name MATCHES "^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")  # keeps the JavaScript below well-formed
    message(WARNING "sw.js: ${name} is not precached (only letters, digits, '.', '_', '-' and '/' in names)")
    continue()
  endif()
  file(SHA256 "${SITE}/${name}" hash)
  string(APPEND listing "${name} ${hash}\n")
  string(APPEND GRADLAB_SW_FILES "  '${name}': '${hash}',\n")
endforeach()
if(NOT listing MATCHES "(^|\n)index.html ")
  message(FATAL_ERROR "sw.js: ${SITE} has no index.html")
endif()

# The worker's own source counts too: a new sw.js must never share a cache name with the old one.
file(SHA256 "${TEMPLATE}" template_hash)
file(SHA256 "${CMAKE_CURRENT_LIST_FILE}" script_hash)
string(SHA256 all "${listing}sw.js.in ${template_hash}\nOfflineWorker.cmake ${script_hash}\n")
string(SUBSTRING "${all}" 0 12 GRADLAB_SW_VERSION)
# configure_file writes only when the text changes, so an unchanged site keeps its sw.js as is.
configure_file("${TEMPLATE}" "${SITE}/sw.js" @ONLY)
message(STATUS "sw.js: version ${GRADLAB_SW_VERSION}")
