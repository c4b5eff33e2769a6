// Catch2's main for the unit tests (natively and as WebAssembly under Node.js).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
