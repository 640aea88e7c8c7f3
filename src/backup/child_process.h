#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rx::backup {

// The full path of `program` found on PATH, or nullopt.
std::optional<std::string> find_on_path(const std::string& program);

struct ChildResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string error_output;
};

// Runs `program` (a full path) with `args`, adding `environment` to this process's own. Standard
// output is inherited; standard error is captured. Blocks until the child exits.
ChildResult run_child(const std::string& program, const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& environment);

}  // namespace rx::backup
