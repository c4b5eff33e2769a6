// Tokenizer and recursive-descent parser for graph expressions (grammar in parser.h).
#include "graph/parser.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

#include "i18n/translate.h"

namespace gradlab::graph {
namespace {

// ---- tokens --------------------------------------------------------------------------------------

enum class Tok { kNumber, kName, kPlus, kMinus, kStar, kSlash, kCaret, kOpen, kClose, kComma, kEquals, kEnd };

struct Token {
  Tok kind;
  std::string text;  // as typed ("1e-3", "x", "×")
  int column;        // 1-based, in characters
  double number = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || IsDigit(c); }
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Columns count characters, not bytes, so a caret lines up under "×" or "é".
int ColumnAt(std::string_view text, size_t byte) {
  int column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i)
    if (!IsContinuationByte(text[i])) ++column;
  return column;
}

std::string Quoted(const Token& t) {
  return t.kind == Tok::kEnd ? tr("end of the expression") : "'" + t.text + "'";
}

// A whole sentence, translated, with the column as {0} and `values` as {1}, {2}: a translation
// may put the column where its grammar wants it.
ParseError At(int column, const char* pattern, std::initializer_list<std::string> values = {}) {
  const std::string at = std::to_string(column);
  std::vector<std::string_view> all = {at};
  all.insert(all.end(), values.begin(), values.end());
  return ParseError{Fill(tr(pattern), all), column};
}

struct Lexed {
  std::vector<Token> tokens;
  std::optional<ParseError> error;
};

Lexed Lex(std::string_view text) {
  // The slide symbols, read as their ASCII operators.
  static const std::pair<const char*, Tok> kUnicode[] = {
      {"\xE2\x88\x92", Tok::kMinus},  // − minus sign
      {"\xC3\x97", Tok::kStar},       // × multiplication sign
      {"\xC2\xB7", Tok::kStar},       // · middle dot
      {"\xE2\x8B\x85", Tok::kStar},   // ⋅ dot operator
      {"\xC3\xB7", Tok::kSlash},      // ÷ division sign
  };
  Lexed out;
  size_t i = 0;
  auto fail = [&](size_t at, const char* pattern, std::string value) {
    out.error = At(ColumnAt(text, at), pattern, {std::move(value)});
    return out;
  };
  while (i < text.size()) {
    const char c = text[i];
    const size_t start = i;
    const int column = ColumnAt(text, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (IsDigit(c) || (c == '.' && i + 1 < text.size() && IsDigit(text[i + 1]))) {
      while (i < text.size() && IsDigit(text[i])) ++i;
      if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && IsDigit(text[i])) ++i;
      }
      // An exponent only if digits follow: "2e" is 2 then the name e (an error later, with a hint).
      if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        size_t j = i + 1;
        if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
        if (j < text.size() && IsDigit(text[j])) {
          i = j;
          while (i < text.size() && IsDigit(text[i])) ++i;
        }
      }
      if (i < text.size() && text[i] == '.')
        return fail(start, N_("the number '{1}' has two decimal points at column {0}"),
                    std::string(text.substr(start, i + 1 - start)));
      const std::string s(text.substr(start, i - start));
      errno = 0;
      const double v = std::strtod(s.c_str(), nullptr);
      if (errno == ERANGE && std::isinf(v)) return fail(start, N_("the number '{1}' is too large at column {0}"), s);
      out.tokens.push_back({Tok::kNumber, s, column, v});
      continue;
    }
    if (IsNameStart(c)) {
      while (i < text.size() && IsNameChar(text[i])) ++i;
      out.tokens.push_back({Tok::kName, std::string(text.substr(start, i - start)), column});
      continue;
    }
    if (c == '*' && i + 1 < text.size() && text[i + 1] == '*') {  // Python's power
      out.tokens.push_back({Tok::kCaret, "**", column});
      i += 2;
      continue;
    }
    Tok kind = Tok::kEnd;
    switch (c) {
      case '+': kind = Tok::kPlus; break;
      case '-': kind = Tok::kMinus; break;
      case '*': kind = Tok::kStar; break;
      case '/': kind = Tok::kSlash; break;
      case '^': kind = Tok::kCaret; break;
      case '(': kind = Tok::kOpen; break;
      case ')': kind = Tok::kClose; break;
      case ',': kind = Tok::kComma; break;
      case '=': kind = Tok::kEquals; break;
      default: break;
    }
    size_t length = 1;
    if (kind == Tok::kEnd) {
      for (const auto& [symbol, k] : kUnicode) {
        if (text.substr(i).rfind(symbol, 0) == 0) {
          kind = k;
          length = std::string_view(symbol).size();
          break;
        }
      }
    }
    if (kind == Tok::kEnd) {
      size_t end = i + 1;  // the whole UTF-8 character, for the message
      while (end < text.size() && IsContinuationByte(text[end])) ++end;
      return fail(i, N_("unexpected character '{1}' at column {0}"), std::string(text.substr(i, end - i)));
    }
    out.tokens.push_back({kind, std::string(text.substr(i, length)), column});
    i += length;
  }
  out.tokens.push_back({Tok::kEnd, "", ColumnAt(text, text.size())});
  return out;
}

// ---- parser --------------------------------------------------------------------------------------

// Each Parse* returns the id of the node it built, or -1 after recording the first error.
class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::optional<ParseError> Run(std::string_view text) {
    std::string output = "f";
    if (tokens_.size() > 2 && tokens_[0].kind == Tok::kName && tokens_[1].kind == Tok::kEquals) {
      if (FindFunction(tokens_[0].text))
        return Error(tokens_[0], N_("'{1}' is a function and cannot name the output at column {0}"), {tokens_[0].text});
      output = tokens_[0].text;
      output_column_ = tokens_[0].column;
      pos_ = 2;
    }
    output_ = output;
    const int root = ParseSum();
    if (root < 0) return error_;
    if (Peek().kind != Tok::kEnd) {
      const Token& t = Peek();
      const char* pattern = N_("unexpected {1} at column {0}");
      if (StartsOperand(t))
        pattern = N_("unexpected {1} at column {0}: is an operator (such as *) missing before it?");
      else if (t.kind == Tok::kClose)
        pattern = N_("unexpected {1} at column {0}: no '(' is open");
      else if (t.kind == Tok::kEquals)
        pattern = N_("unexpected {1} at column {0}: only the output can be named, at the start (f = ...)");
      return Error(t, pattern, {Quoted(t)});
    }
    graph_.Finish(output, std::string(text));
    return std::nullopt;
  }

  Graph& graph() { return graph_; }

 private:
  const Token& Peek() const { return tokens_[pos_]; }
  const Token& Next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }

  static bool StartsOperand(const Token& t) {
    return t.kind == Tok::kNumber || t.kind == Tok::kName || t.kind == Tok::kOpen;
  }

  // `pattern`: a whole sentence marked with N_(), the column as {0} (see At()).
  ParseError Error(const Token& at, const char* pattern, std::initializer_list<std::string> values = {}) {
    if (!error_) error_ = At(at.column, pattern, values);
    return *error_;
  }
  int Fail(const Token& at, const char* pattern, std::initializer_list<std::string> values = {}) {
    Error(at, pattern, values);
    return -1;
  }

  int ParseSum() {
    int left = ParseProduct();
    while (left >= 0 && (Peek().kind == Tok::kPlus || Peek().kind == Tok::kMinus)) {
      const Op op = Next().kind == Tok::kPlus ? Op::kAdd : Op::kSub;
      const int right = ParseProduct();
      if (right < 0) return -1;
      left = graph_.AddOp(op, left, right);
    }
    return left;
  }

  int ParseProduct() {
    int left = ParseUnary();
    while (left >= 0 && (Peek().kind == Tok::kStar || Peek().kind == Tok::kSlash)) {
      const Op op = Next().kind == Tok::kStar ? Op::kMul : Op::kDiv;
      const int right = ParseUnary();
      if (right < 0) return -1;
      left = graph_.AddOp(op, left, right);
    }
    return left;
  }

  // Every level of nesting passes through here (parentheses, function arguments, signs, powers),
  // so this is where the depth is bounded.
  int ParseUnary() {
    if (++depth_ > kMaxDepth) {
      return Fail(Peek(), N_("the expression nests more than {1} levels deep at column {0}"), {std::to_string(kMaxDepth)});
    }
    int result;
    if (Peek().kind == Tok::kMinus || Peek().kind == Tok::kPlus) {
      const bool minus = Next().kind == Tok::kMinus;
      // A minus sign right on a number is part of the number ("-1" is one leaf), unless a power
      // follows: -2^2 is -(2^2).
      if (minus && Peek().kind == Tok::kNumber && tokens_[pos_ + 1].kind != Tok::kCaret) {
        const Token& n = Next();
        result = graph_.AddConstant(-n.number, "-" + n.text);
      } else {
        result = ParseUnary();
        if (result >= 0 && minus) result = graph_.AddOp(Op::kNeg, result);
      }
    } else {
      result = ParsePower();
    }
    --depth_;
    return result;
  }

  int ParsePower() {
    const int base = ParseAtom();
    if (base < 0 || Peek().kind != Tok::kCaret) return base;
    Next();
    const int exponent = ParseUnary();  // right-associative, and 2^-1 works
    if (exponent < 0) return -1;
    return graph_.AddOp(Op::kPow, base, exponent);
  }

  int ParseAtom() {
    const Token& t = Next();
    switch (t.kind) {
      case Tok::kNumber: return graph_.AddConstant(t.number, t.text);
      case Tok::kOpen: {
        const int inner = ParseSum();
        if (inner < 0) return -1;
        return Close(t) ? inner : -1;
      }
      case Tok::kName: return Peek().kind == Tok::kOpen ? ParseCall(t) : Variable(t);
      case Tok::kEnd:
        return Fail(t, N_("the expression ends too early at column {0}: a number, a variable or '(' should follow"));
      default: return Fail(t, N_("unexpected {1} at column {0}"), {Quoted(t)});
    }
  }

  bool Close(const Token& open) {
    if (Peek().kind == Tok::kClose) {
      Next();
      return true;
    }
    const Token& t = Peek();
    if (t.kind == Tok::kEnd)
      Fail(t, N_("missing ')' at column {0} to close the '(' at column {1}"), {std::to_string(open.column)});
    else
      Fail(t,
           StartsOperand(t) ? N_("unexpected {1} at column {0}: is an operator (such as *) missing before it?")
                            : N_("unexpected {1} at column {0}: expected ')'"),
           {Quoted(t)});
    return false;
  }

  int Variable(const Token& t) {
    if (t.text.size() > static_cast<size_t>(kMaxNameLength))
      return Fail(t, N_("the name '{1}...' is too long at column {0}: a variable's name has at most {2} characters"),
                  {t.text.substr(0, kMaxNameLength), std::to_string(kMaxNameLength)});
    if (FindFunction(t.text)) return Fail(t, N_("'{1}' is a function at column {0}: write {1}(...)"), {t.text});
    if (t.text == output_)
      return Fail(t,
                  output_column_ ? N_("'{1}' is the output's name at column {0}: it cannot also be a variable")
                                 : N_("'{1}' is the output's name at column {0}: the output is called f unless named (g = ...)"),
                  {t.text});
    return graph_.AddInput(t.text);
  }

  int ParseCall(const Token& name) {
    const OpRule* rule = FindFunction(name.text);
    if (!rule)
      return Fail(name, N_("unknown function '{1}' at column {0} (functions: {2}; to multiply, write {1} * (...))"),
                  {name.text, std::string(FunctionList())});
    const Token& open = Next();
    int args[2] = {-1, -1};
    int count = 0;
    while (true) {
      const int arg = ParseSum();
      if (arg < 0) return -1;
      args[count++] = arg;
      if (Peek().kind != Tok::kComma) break;
      if (count == rule->arity) return WrongArity(*rule);
      Next();
    }
    if (count < rule->arity && Peek().kind == Tok::kClose) return WrongArity(*rule);
    if (!Close(open)) return -1;
    return graph_.AddOp(rule->op, args[0], args[1]);
  }

  int WrongArity(const OpRule& rule) {
    return Fail(Peek(), rule.arity == 1 ? N_("{1} takes 1 argument at column {0}: {1}(a)") : N_("{1} takes 2 arguments at column {0}: {1}(a, b)"),
                {rule.name});
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::string output_;
  int output_column_ = 0;
  Graph graph_;
  std::optional<ParseError> error_;
};

// The caret display: the message, the expression indented by two, a caret under the column.
std::string WithCaret(std::string_view text, const ParseError& e) {
  if (e.column <= 0) return e.message;
  return e.message + "\n  " + CaretLine(text) + "\n  " + std::string(e.column - 1, ' ') + "^";
}

}  // namespace

bool IsVariableName(std::string_view name) {
  return !name.empty() && name.size() <= static_cast<size_t>(kMaxNameLength) && IsNameStart(name[0]) &&
         std::all_of(name.begin(), name.end(), IsNameChar);
}

std::string CaretLine(std::string_view text) {
  std::string line(text);
  for (char& c : line)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return line;
}

size_t ByteOfColumn(std::string_view text, int column) {
  size_t byte = 0;
  for (int c = 1; c < column && byte < text.size(); ++c)
    do ++byte;
    while (byte < text.size() && IsContinuationByte(text[byte]));
  return byte;
}

Result<Graph> ParseExpression(std::string_view text, ParseError* detail) {
  auto fail = [&](const ParseError& e) {
    if (detail) *detail = e;
    return Result<Graph>::Error(WithCaret(text, e));
  };
  const int length = ColumnAt(text, text.size()) - 1;
  if (length > kMaxLength)
    return fail({Fill(tr("the expression is {0} characters long; the limit is {1}"),
                      {std::to_string(length), std::to_string(kMaxLength)}),
                 0});
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return fail({tr("the expression is empty: type one such as f = (x + y) * z"), 0});
  Lexed lexed = Lex(text);
  if (lexed.error) return fail(*lexed.error);
  Parser parser(std::move(lexed.tokens));
  if (auto error = parser.Run(text)) return fail(*error);
  return std::move(parser.graph());
}

}  // namespace gradlab::graph
