// exp, log, tanh and pow that give the same bits natively and in WebAssembly, for the graph
// lessons' numbers (a student compares the web page with the CLI, down to the gradient check's
// relative error). The C library's versions differ in the last bit between glibc, which picks
// an FMA variant on CPUs that have it, and Emscripten's musl: exp(-1.00003...) is one such case.
//
// These are plain IEEE double arithmetic (+ - * / and exact scaling by powers of two), compiled
// without fused multiply-add (no_fma.h), so every platform rounds every step the same way.
// Accuracy (checked by the tests against the C library): Exp, Log, Expm1 within 2 ulp, Tanh
// within 3. Pow uses repeated squaring for integer exponents (x^2 is x * x, so 2^3^2 is exactly
// 512) and Exp(b * Log(a)) otherwise, which loses about |b ln a| ulp more. sqrt and fabs need
// nothing: IEEE defines them exactly.
//
// Deliberately not here: speed (scalar graphs of a few hundred nodes), float, other functions.
#pragma once

namespace gradlab::graph {

double Exp(double x);
double Expm1(double x);  // exp(x) - 1, accurate near 0
double Log(double x);    // natural logarithm
double Tanh(double x);
double Pow(double a, double b);  // real powers: NaN for a < 0 with a fractional b

}  // namespace gradlab::graph
