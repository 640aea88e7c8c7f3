#include "rxtrack_cli.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace rx::bench {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out.append("'\\''");
    } else {
      out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

}  // namespace

RxtrackCli::RxtrackCli(std::string binary, const std::string& db_url) : binary_(std::move(binary)) {
  setenv("RXTRACK_DB", db_url.c_str(), 1);  // inherited by every child
}

std::int64_t RxtrackCli::create_shop(const std::string& name, const std::string& owner_email,
                                     const std::string& password) const {
  std::string arguments = "shop create --name ";
  arguments.append(quoted(name)).append(" --owner-name Owner --owner-email ");
  arguments.append(quoted(owner_email));
  const std::string out = run(arguments, password + "\n");
  return nlohmann::json::parse(out).at("shop_id").get<std::int64_t>();
}

nlohmann::json RxtrackCli::import_sheet(std::int64_t shop_id, const std::string& path) const {
  std::string arguments = "import --shop ";
  arguments.append(std::to_string(shop_id)).append(" ").append(quoted(path));
  return nlohmann::json::parse(run(arguments, ""));
}

// Runs `rxtrack ARGUMENTS` with `input` on its standard input (through a temporary file, so
// one popen can read the output) and answers its standard output; throws if it fails.
std::string RxtrackCli::run(const std::string& arguments, const std::string& input) const {
  char input_path[] = "/tmp/rxtrack-bench-input-XXXXXX";
  const int fd = mkstemp(input_path);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  const bool written = write(fd, input.data(), input.size()) == static_cast<ssize_t>(input.size());
  close(fd);
  std::string command = quoted(binary_);
  command.append(" ");
  command.append(arguments).append(" <").append(input_path);
  std::string out;
  int status = -1;
  if (written) {
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[4096];
      std::size_t n = 0;
      while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
      status = pclose(pipe);
    }
  }
  unlink(input_path);
  if (status != 0) {
    std::string message = "rxtrack ";
    message.append(arguments).append(" failed (see its message above)");
    throw std::runtime_error(message);
  }
  return out;
}

}  // namespace rx::bench
