// docs/openapi.yaml must describe every route the server registers, with the same method.
#include "test_server.h"

#include <gtest/gtest.h>

#include <sstream>

namespace rx::test {
namespace {

// The lines of one path's block: from "  /path:" up to the next path key.
std::string path_block(const std::string& yaml, const std::string& path) {
  const std::string key = "\n  " + path + ":\n";
  const std::size_t start = yaml.find(key);
  if (start == std::string::npos) return {};
  std::size_t end = start + key.size();
  while (end < yaml.size()) {
    const std::size_t next = yaml.find('\n', end);
    const std::string line =
        yaml.substr(end, next == std::string::npos ? std::string::npos : next - end);
    if (line.size() > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ') break;
    if (!line.empty() && line[0] != ' ') break;
    if (next == std::string::npos) {
      end = yaml.size();
      break;
    }
    end = next + 1;
  }
  return yaml.substr(start, end - start);
}

TEST(OpenApiTest, DescribesEveryRegisteredRoute) {
  const std::string yaml = "\n" + read_file(std::string(RXTRACK_SOURCE_DIR) + "/docs/openapi.yaml");
  CommandResult routes = run_rxtrack({"serve", "--db", fresh_database_url(), "--print-routes"});
  ASSERT_EQ(routes.exit_code, 0);
  std::istringstream lines(routes.out);
  int checked = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    const std::size_t space = line.find(' ');
    std::string method = line.substr(0, space);
    const std::string path = line.substr(space + 1);
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string block = path_block(yaml, path);
    EXPECT_FALSE(block.empty()) << path << " is missing from docs/openapi.yaml";
    EXPECT_NE(block.find("\n    " + method + ":"), std::string::npos)
        << method << " " << path << " is missing from docs/openapi.yaml";
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

}  // namespace
}  // namespace rx::test
