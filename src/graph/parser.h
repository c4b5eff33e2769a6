// Reads an expression such as "f = (x + y) * z" into a Graph (graph.h), building one node per
// operation as it goes.
//
// Grammar, loosest binding first:
//   line    := [NAME "="] sum                        the output's name, "f" if left out
//   sum     := product (("+" | "-") product)*        left-associative: 1-2-3 = -4
//   product := unary (("*" | "/") unary)*            left-associative: 8/4/2 = 1
//   unary   := ("-" | "+") unary | power             -x^2 = -(x^2), as in maths
//   power   := atom ["^" unary]                      right-associative: 2^3^2 = 2^9; 2^-1 = 0.5
//   atom    := NUMBER | NAME | NAME "(" sum ["," sum] ")" | "(" sum ")"
// Numbers: 3, 0.5, .5, 5., 1e-3. Functions: exp, log (natural), sqrt, abs, sigmoid, tanh, relu,
// max(a, b), min(a, b). "**" is read as "^", and the slide symbols − × · ÷ as - * * /.
// A minus sign directly on a number makes a negative number (x * -1 has a leaf "-1", like the
// lecture's "*-1" gate), while -x and -(x + y) are negation nodes; -2^2 is still -(2^2) = -4.
//
// Errors are values: the message names the 1-based column (counted in characters) and shows the
// expression with a caret under it. Absurd inputs (over kMaxLength characters, or nesting deeper
// than kMaxDepth) are refused with a message: the parser recurses, so depth is bounded.
//
// Deliberately not here: input values (graph.h AssignInputs), evaluation.
#pragma once
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/graph.h"

namespace gradlab::graph {

constexpr int kMaxLength = 1000;  // characters
constexpr int kMaxDepth = 100;    // nested parentheses, functions, signs and powers
// A variable's name, which a link also carries as a key (x=-2, inputs=x:-2): a letter or _, then
// letters, digits and _, at most kMaxNameLength in all.
constexpr int kMaxNameLength = 16;
bool IsVariableName(std::string_view name);

struct ParseError {
  std::string message;  // "unexpected ')' at column 10"
  int column = 0;       // 1-based; 0 when the error is about the whole text (too long)
};

// On success the graph is finished (output and labels set), with every variable at 0. On
// failure the Result's error is the message plus the caret display:
//   unexpected ')' at column 10
//     f = (x + ) * z
//              ^
// and `detail`, if given, receives the message and the column separately.
Result<Graph> ParseExpression(std::string_view text, ParseError* detail = nullptr);

// The expression as the caret display shows it: on one line (tabs and line breaks as spaces).
std::string CaretLine(std::string_view text);
// The byte where a 1-based column starts (text.size() for a column past the end): the app's font
// is proportional, so the UI measures the text before it to put the caret under the character.
size_t ByteOfColumn(std::string_view text, int column);

}  // namespace gradlab::graph
