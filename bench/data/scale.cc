#include "scale.h"

namespace rx::bench {

std::optional<Scale> scale_named(std::string_view name) {
  if (name == "smoke") return Scale{2, 400, 1, 12, 6};
  if (name == "small") return Scale{10, 100'000, 4, 500, 300};
  if (name == "full") return Scale{10, 1'000'000, 4, 2'000, 1'000};
  // bench/load/run-soak.sh: a few shops with a manager and three telecallers each.
  if (name == "soak") return Scale{4, 40'000, 4, 250, 200};
  return std::nullopt;
}

}  // namespace rx::bench
