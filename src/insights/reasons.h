#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace rx::insights {

// The phrases of the features that push a score most (by size of their contribution to the
// log-odds, largest first), at most `most`, without repeats; a feature whose phrase is empty or
// whose push is under 0.05 (a few percent of odds) gives no reason.
std::vector<std::string> top_reasons(
    std::span<const double> contributions,
    const std::function<std::string(std::size_t feature, double contribution)>& phrase,
    std::size_t most = 3);

// Appends `text` unless it is empty or already there.
void add_reason(std::vector<std::string>& reasons, std::string text);

}  // namespace rx::insights
