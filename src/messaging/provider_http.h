#pragma once

#include <string>
#include <utility>
#include <vector>

namespace rx::messaging {

// What came back from a provider: an HTTP status and body, or status 0 when there was no
// answer at all (refused, reset, timed out).
struct HttpAnswer {
  int status = 0;
  std::string body;
  std::string transport_error;
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// POSTs a JSON body to `base_url` (http:// or https://, optionally with a path prefix) followed
// by `path`. HTTPS verifies the server's certificate against the system's CA store.
HttpAnswer post_json(const std::string& base_url, const std::string& path,
                     const HeaderList& headers, const std::string& body);

}  // namespace rx::messaging
