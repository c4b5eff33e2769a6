# Runs one command and checks its exit code and output, for CLI and smoke tests:
#   cmake -DCMD="prog|arg1|arg2" -DEXPECT_CODE=2 -DEXPECT_OUTPUT="regex" -P expect.cmake
# Arguments are separated by "|" so that they survive CTest's list handling.
string(REPLACE "|" ";" command "${CMD}")
execute_process(COMMAND ${command} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
message("${all}")
if(NOT "${code}" STREQUAL "${EXPECT_CODE}")
  message(FATAL_ERROR "expected exit code ${EXPECT_CODE}, got ${code}")
endif()
if(DEFINED EXPECT_OUTPUT AND NOT all MATCHES "${EXPECT_OUTPUT}")
  message(FATAL_ERROR "output does not match: ${EXPECT_OUTPUT}")
endif()
