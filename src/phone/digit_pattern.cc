#include "phone/digit_pattern.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>

namespace rx::phone {
namespace {

using DigitMask = std::uint16_t;
constexpr DigitMask kAllDigits = 0x3FF;
// Nested groups deeper than this are not in libphonenumber's data and would only risk the stack.
constexpr int kMaxDepth = 64;
constexpr int kMaxRepeat = 64;

struct Node {
  enum class Kind { kDigits, kConcat, kAlternation, kRepeat };
  Kind kind = Kind::kConcat;
  DigitMask mask = 0;
  int min = 1;
  int max = 1;
  std::vector<std::unique_ptr<Node>> children;
};

// Recursive-descent parser for the subset; any other syntax makes parse() fail.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::unique_ptr<Node> parse() {
    auto node = alternation(0);
    if (!node || pos_ != text_.size()) return nullptr;
    return node;
  }

 private:
  bool eat(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::unique_ptr<Node> alternation(int depth) {
    if (depth > kMaxDepth) return nullptr;
    auto alt = std::make_unique<Node>();
    alt->kind = Node::Kind::kAlternation;
    do {
      auto branch = concatenation(depth);
      if (!branch) return nullptr;
      alt->children.push_back(std::move(branch));
    } while (eat('|'));
    return alt;
  }

  std::unique_ptr<Node> concatenation(int depth) {
    auto seq = std::make_unique<Node>();
    seq->kind = Node::Kind::kConcat;
    while (pos_ < text_.size() && text_[pos_] != '|' && text_[pos_] != ')') {
      auto item = atom(depth);
      if (!item) return nullptr;
      item = quantified(std::move(item));
      if (!item) return nullptr;
      seq->children.push_back(std::move(item));
    }
    return seq;
  }

  std::unique_ptr<Node> atom(int depth) {
    const char c = text_[pos_++];
    if (c >= '0' && c <= '9') return digits(static_cast<DigitMask>(1u << (c - '0')));
    if (c == '\\') return eat('d') ? digits(kAllDigits) : nullptr;
    if (c == '[') return char_class();
    if (c == '(') {
      if (eat('?') && !eat(':')) return nullptr;
      auto inner = alternation(depth + 1);
      if (!inner || !eat(')')) return nullptr;
      return inner;
    }
    return nullptr;
  }

  std::unique_ptr<Node> char_class() {
    DigitMask mask = 0;
    while (!eat(']')) {
      if (pos_ >= text_.size()) return nullptr;
      const char c = text_[pos_++];
      if (c == '\\') {
        if (!eat('d')) return nullptr;
        mask |= kAllDigits;
        continue;
      }
      if (c < '0' || c > '9') return nullptr;
      char last = c;
      if (pos_ + 1 < text_.size() && text_[pos_] == '-' && text_[pos_ + 1] != ']') {
        last = text_[pos_ + 1];
        pos_ += 2;
        if (last < c || last > '9') return nullptr;
      }
      for (char d = c; d <= last; ++d) mask |= static_cast<DigitMask>(1u << (d - '0'));
    }
    return digits(mask);
  }

  std::unique_ptr<Node> quantified(std::unique_ptr<Node> item) {
    int min = 1;
    int max = 1;
    if (eat('?')) {
      min = 0;
    } else if (eat('{')) {
      if (!number(min)) return nullptr;
      max = min;
      if (eat(',') && !number(max)) return nullptr;
      if (!eat('}') || max < min || max > kMaxRepeat) return nullptr;
    } else {
      return item;
    }
    auto repeat = std::make_unique<Node>();
    repeat->kind = Node::Kind::kRepeat;
    repeat->min = min;
    repeat->max = max;
    repeat->children.push_back(std::move(item));
    return repeat;
  }

  bool number(int& value) {
    const std::size_t start = pos_;
    value = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9' && value <= kMaxRepeat) {
      value = value * 10 + (text_[pos_++] - '0');
    }
    return pos_ > start;
  }

  static std::unique_ptr<Node> digits(DigitMask mask) {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kDigits;
    node->mask = mask;
    return node;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// Thompson NFA, built back to front so each fragment knows its successor when it is made.
struct NfaState {
  DigitMask mask = 0;         // a digit transition to `out` (when mask != 0)
  std::vector<int> epsilons;  // otherwise epsilon moves
  int out = -1;
  bool accept = false;
};

class NfaBuilder {
 public:
  int add_accept() {
    states_.push_back({});
    states_.back().accept = true;
    return static_cast<int>(states_.size() - 1);
  }

  // Returns the start state of `node` whose successful end continues at `next`.
  int build(const Node& node, int next) {
    switch (node.kind) {
      case Node::Kind::kDigits: {
        NfaState s;
        s.mask = node.mask;
        s.out = next;
        return push(std::move(s));
      }
      case Node::Kind::kConcat: {
        int state = next;
        for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) {
          state = build(**it, state);
        }
        return state;
      }
      case Node::Kind::kAlternation: {
        if (node.children.size() == 1) return build(*node.children.front(), next);
        NfaState split;
        for (const auto& child : node.children) split.epsilons.push_back(build(*child, next));
        return push(std::move(split));
      }
      case Node::Kind::kRepeat: {
        const Node& item = *node.children.front();
        int state = next;
        for (int i = node.min; i < node.max; ++i) {
          NfaState optional;
          optional.epsilons = {build(item, state), next};
          state = push(std::move(optional));
        }
        for (int i = 0; i < node.min; ++i) state = build(item, state);
        return state;
      }
    }
    return next;
  }

  const std::vector<NfaState>& states() const { return states_; }

 private:
  int push(NfaState s) {
    states_.push_back(std::move(s));
    return static_cast<int>(states_.size() - 1);
  }

  std::vector<NfaState> states_;
};

// The digit-consuming and accepting states reachable from `seeds` by epsilon moves, sorted.
std::vector<int> closure(const std::vector<NfaState>& nfa, std::vector<int> stack,
                         std::vector<std::uint32_t>& seen, std::uint32_t stamp) {
  std::vector<int> out;
  while (!stack.empty()) {
    const int s = stack.back();
    stack.pop_back();
    if (seen[static_cast<std::size_t>(s)] == stamp) continue;
    seen[static_cast<std::size_t>(s)] = stamp;
    const NfaState& state = nfa[static_cast<std::size_t>(s)];
    if (state.mask != 0 || state.accept) out.push_back(s);
    for (int e : state.epsilons) stack.push_back(e);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::optional<DigitPattern> DigitPattern::compile(std::string_view pattern,
                                                  std::size_t max_states) {
  if (pattern.empty()) return std::nullopt;
  Parser parser(pattern);
  const std::unique_ptr<Node> root = parser.parse();
  if (!root) return std::nullopt;

  NfaBuilder builder;
  const int accept = builder.add_accept();
  const int start = builder.build(*root, accept);
  const std::vector<NfaState>& nfa = builder.states();

  DigitPattern dfa;
  dfa.next_.push_back({});  // the dead state: every digit stays dead
  dfa.accept_.push_back(0);
  std::map<std::vector<int>, std::int32_t> ids;
  std::vector<std::vector<int>> pending;
  std::vector<std::uint32_t> seen(nfa.size(), 0);
  std::uint32_t stamp = 0;

  auto intern = [&](std::vector<int> set) -> std::int32_t {
    if (set.empty()) return kDead;
    auto [it, inserted] = ids.emplace(std::move(set), static_cast<std::int32_t>(dfa.next_.size()));
    if (inserted) {
      dfa.next_.push_back({});
      const bool accepting = std::any_of(it->first.begin(), it->first.end(), [&](int s) {
        return nfa[static_cast<std::size_t>(s)].accept;
      });
      dfa.accept_.push_back(accepting ? 1 : 0);
      pending.push_back(it->first);
    }
    return it->second;
  };

  dfa.start_ = intern(closure(nfa, {start}, seen, ++stamp));
  for (std::size_t done = 0; done < pending.size(); ++done) {
    if (dfa.next_.size() > max_states) return std::nullopt;
    const std::vector<int> set = pending[done];
    const std::int32_t from = ids[set];
    for (int digit = 0; digit < 10; ++digit) {
      std::vector<int> targets;
      for (int s : set) {
        const NfaState& state = nfa[static_cast<std::size_t>(s)];
        if (state.mask & (1u << digit)) targets.push_back(state.out);
      }
      const std::int32_t to = intern(closure(nfa, std::move(targets), seen, ++stamp));
      dfa.next_[static_cast<std::size_t>(from)][static_cast<std::size_t>(digit)] = to;
    }
  }
  return dfa;
}

bool DigitPattern::full_match(std::string_view digits) const {
  std::int32_t state = start_;
  for (char c : digits) {
    state = next_[static_cast<std::size_t>(state)][static_cast<std::size_t>(c - '0')];
    if (state == kDead) return false;
  }
  return accept_[static_cast<std::size_t>(state)] != 0;
}

}  // namespace rx::phone
