// docs/openapi.yaml must describe every route the server registers, with the same method.
#include "test_server.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
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

const std::regex kPathParameter(R"(\{([^}/]+)\})");

// The names of a path's parameters, in order: "/a/{phone}/b/{id}" -> phone, id.
std::vector<std::string> parameter_names(const std::string& path) {
  std::vector<std::string> out;
  for (std::sregex_iterator it(path.begin(), path.end(), kPathParameter), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

// `--print-routes` writes every path parameter as {id}, whatever it stands for; the document
// names each one. A documented path matches a route when they agree once every name is {id}.
std::string unnamed(const std::string& path) {
  return std::regex_replace(path, kPathParameter, "{id}");
}

// The documented paths ("  /api/...:" at the top of `paths`), by their unnamed form.
std::map<std::string, std::string> documented_paths(const std::string& yaml) {
  std::map<std::string, std::string> out;
  const std::regex key(R"(\n  (/[^\s:]*):\n)");
  for (std::sregex_iterator it(yaml.begin(), yaml.end(), key), end; it != end; ++it) {
    const std::string path = (*it)[1];
    const bool fresh = out.emplace(unnamed(path), path).second;
    EXPECT_TRUE(fresh) << path << " and " << out[unnamed(path)] << " are the same route";
  }
  return out;
}

// The path parameters a path's block declares: inline (`- name: x` then `in: path`) or by a
// reference to components/parameters.
std::set<std::string> declared_path_parameters(const std::string& yaml, const std::string& block) {
  std::set<std::string> out;
  const std::regex inline_parameter(R"(- name: (\S+)\n\s+in: path\n)");
  for (std::sregex_iterator it(block.begin(), block.end(), inline_parameter), end; it != end; ++it)
    out.insert((*it)[1]);
  const std::regex reference(R"(\$ref: '#/components/parameters/(\w+)')");
  for (std::sregex_iterator it(block.begin(), block.end(), reference), end; it != end; ++it) {
    const std::regex component("\n    " + std::string((*it)[1]) +
                               R"(:\n\s+name: (\S+)\n\s+in: path\n)");
    std::smatch m;
    if (std::regex_search(yaml, m, component)) out.insert(m[1]);
  }
  return out;
}

TEST(OpenApiTest, DescribesEveryRegisteredRoute) {
  const std::string yaml = "\n" + read_file(std::string(RXTRACK_SOURCE_DIR) + "/docs/openapi.yaml");
  const std::map<std::string, std::string> documented = documented_paths(yaml);
  CommandResult routes = run_rxtrack({"serve", "--db", fresh_database_url(), "--print-routes"});
  ASSERT_EQ(routes.exit_code, 0);
  std::istringstream lines(routes.out);
  int checked = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    const std::size_t space = line.find(' ');
    std::string method = line.substr(0, space);
    const std::string route = line.substr(space + 1);
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto doc = documented.find(unnamed(route));
    if (doc == documented.end()) {
      ADD_FAILURE() << route << " is missing from docs/openapi.yaml";
      continue;
    }
    const std::string& path = doc->second;
    const std::string block = path_block(yaml, path);
    EXPECT_NE(block.find("\n    " + method + ":"), std::string::npos)
        << method << " " << path << " is missing from docs/openapi.yaml";
    const std::set<std::string> declared = declared_path_parameters(yaml, block);
    for (const std::string& name : parameter_names(path)) {
      EXPECT_TRUE(declared.count(name)) << path << " does not declare its path parameter " << name;
    }
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

TEST(OpenApiTest, ThePhoneLookupNamesItsParameterPhone) {
  const std::string yaml = "\n" + read_file(std::string(RXTRACK_SOURCE_DIR) + "/docs/openapi.yaml");
  const std::string block = path_block(yaml, "/api/customer-tracking/customers/phone/{phone}");
  ASSERT_FALSE(block.empty());
  EXPECT_EQ(declared_path_parameters(yaml, block), std::set<std::string>{"phone"});
  EXPECT_TRUE(path_block(yaml, "/api/customer-tracking/customers/phone/{id}").empty());
}

}  // namespace
}  // namespace rx::test
