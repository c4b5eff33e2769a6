# cmake -DLESSONS=<dir> -DOUT=<file> -P LessonIndex.cmake
# Writes the lessons' titles and summaries, in the app's order (file names), as a small JSON file
# beside the page: an embed's poster names its lesson without loading the engine.
file(GLOB files "${LESSONS}/*.json")
list(SORT files COMPARE NATURAL)  # 2-... before 10-..., as the app numbers them (lessons::LessonOrder)
set(index "[]")
set(i 0)
foreach(f IN LISTS files)
  file(READ "${f}" text)
  # A file without a title or steps is not listed by the app, so it takes no number here either
  # (as in scripts/lms-package; the app's fuller checks are gradlab-cli lesson check's).
  string(JSON title ERROR_VARIABLE bad GET "${text}" title)
  string(JSON steps ERROR_VARIABLE no_steps LENGTH "${text}" steps)
  if(bad OR no_steps OR title STREQUAL "" OR steps EQUAL 0)
    continue()
  endif()
  string(JSON summary ERROR_VARIABLE bad GET "${text}" summary)
  if(bad)
    set(summary "")
  endif()
  # SET takes JSON values: the strings are quoted, their backslashes and quotes escaped.
  set(item "{}")
  string(REPLACE "\\" "\\\\" t "${title}")
  string(REPLACE "\"" "\\\"" t "${t}")
  string(REPLACE "\\" "\\\\" s "${summary}")
  string(REPLACE "\"" "\\\"" s "${s}")
  string(JSON item SET "${item}" title "\"${t}\"")
  string(JSON item SET "${item}" summary "\"${s}\"")
  string(JSON index SET "${index}" ${i} "${item}")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUT}" "${index}\n")
