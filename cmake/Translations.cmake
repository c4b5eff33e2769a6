# The translation catalogues and the Korean font (docs: po/README.md), made into
# ${GRADLAB_I18N_DIR} by the gradlab_translations target:
#   ko.mo         po/ko.po compiled by msgfmt --check (a broken catalogue fails the build)
#   ko.otf        Noto Sans CJK KR (Debian's fonts-noto-cjk, SIL OFL) cut by pyftsubset to the
#                 glyphs the catalogue and lessons use plus KS X 1001's 2,350 common syllables;
#                 fetched only when a student picks Korean
#   ko-name.otf   the three syllables of 한국어, packed with the app, so the Language menu can
#                 name Korean before its font is fetched
#   ko-terms.tsv  the glossary's (Korean, English) pairs, for the terms mode (po/glossary.py)
set(GRADLAB_I18N_DIR "${CMAKE_BINARY_DIR}/i18n")
find_program(GRADLAB_MSGFMT msgfmt REQUIRED)
find_program(GRADLAB_PYFTSUBSET pyftsubset REQUIRED)
set(GRADLAB_CJK_FONT /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc CACHE FILEPATH "Noto Sans CJK collection")
if(NOT EXISTS "${GRADLAB_CJK_FONT}")
  message(FATAL_ERROR "${GRADLAB_CJK_FONT} not found: run scripts/setup first (fonts-noto-cjk).")
endif()
set(kr_face 1)  # Noto Sans CJK KR in the collection (0 JP, 1 KR, 2 SC, 3 TC, 4 HK)
set(subset_options --font-number=${kr_face} --layout-features= --no-hinting --desubroutinize --name-IDs=*)

file(GLOB lesson_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/assets/lessons/*.json")
set(ko_po "${PROJECT_SOURCE_DIR}/po/ko.po")
add_custom_command(OUTPUT "${GRADLAB_I18N_DIR}/ko.mo"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${GRADLAB_I18N_DIR}"
  COMMAND ${GRADLAB_MSGFMT} --check -o "${GRADLAB_I18N_DIR}/ko.mo" "${ko_po}"
  DEPENDS "${ko_po}"
  COMMENT "Compiling po/ko.po")
add_custom_command(OUTPUT "${GRADLAB_I18N_DIR}/ko.otf"
  COMMAND /usr/bin/python3 "${PROJECT_SOURCE_DIR}/cmake/korean_glyphs.py" "${GRADLAB_I18N_DIR}/korean-glyphs.txt" "${ko_po}" ${lesson_files}
  COMMAND ${GRADLAB_PYFTSUBSET} "${GRADLAB_CJK_FONT}" ${subset_options} "--text-file=${GRADLAB_I18N_DIR}/korean-glyphs.txt"
          "--output-file=${GRADLAB_I18N_DIR}/ko.otf"
  DEPENDS "${ko_po}" ${lesson_files} "${PROJECT_SOURCE_DIR}/cmake/korean_glyphs.py" "${GRADLAB_I18N_DIR}/ko.mo"
  COMMENT "Cutting the Korean font to the glyphs Gradlab uses")
add_custom_command(OUTPUT "${GRADLAB_I18N_DIR}/ko-name.otf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${GRADLAB_I18N_DIR}"
  COMMAND ${GRADLAB_PYFTSUBSET} "${GRADLAB_CJK_FONT}" ${subset_options} --text=한국어 "--output-file=${GRADLAB_I18N_DIR}/ko-name.otf"
  COMMENT "Cutting the word 한국어 from the Korean font")
add_custom_command(OUTPUT "${GRADLAB_I18N_DIR}/ko-terms.tsv"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${GRADLAB_I18N_DIR}"
  COMMAND /usr/bin/python3 "${PROJECT_SOURCE_DIR}/po/glossary.py" --terms "${GRADLAB_I18N_DIR}/ko-terms.tsv"
          "${PROJECT_SOURCE_DIR}/docs/glossary-ko.md"
  DEPENDS "${PROJECT_SOURCE_DIR}/po/glossary.py" "${PROJECT_SOURCE_DIR}/docs/glossary-ko.md"
  COMMENT "Writing the terms mode's table from docs/glossary-ko.md")
add_custom_target(gradlab_translations ALL
  DEPENDS "${GRADLAB_I18N_DIR}/ko.mo" "${GRADLAB_I18N_DIR}/ko.otf" "${GRADLAB_I18N_DIR}/ko-name.otf" "${GRADLAB_I18N_DIR}/ko-terms.tsv")
