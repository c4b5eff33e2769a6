// Included first by every src/graph .cpp that does arithmetic: turns off the contraction of
// a * b + c into one fused multiply-add. GCC does it by default when the target has FMA (as with
// -march=native on x86-64); WebAssembly has no FMA, so without this the same source would round
// differently natively and in the browser. The graph's numbers must be the same bits in both.
//
// Deliberately not here: anything else. (A header of pragmas, not an API.)
#pragma once

#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
