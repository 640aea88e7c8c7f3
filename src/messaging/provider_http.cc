#include "messaging/provider_http.h"

#include <httplib.h>

namespace rx::messaging {
namespace {

constexpr int kConnectTimeoutSeconds = 10;
constexpr int kReadTimeoutSeconds = 30;
constexpr int kWriteTimeoutSeconds = 30;

// "https://host:port/prefix" -> {"https://host:port", "/prefix"}.
std::pair<std::string, std::string> split_origin(const std::string& url) {
  const std::size_t scheme_end = url.find("://");
  const std::size_t path_start =
      scheme_end == std::string::npos ? std::string::npos : url.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return {url, ""};
  std::string prefix = url.substr(path_start);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return {url.substr(0, path_start), prefix};
}

}  // namespace

HttpAnswer post_json(const std::string& base_url, const std::string& path,
                     const HeaderList& headers, const std::string& body) {
  const auto [origin, prefix] = split_origin(base_url);
  httplib::Client client(origin);
  client.set_connection_timeout(kConnectTimeoutSeconds, 0);
  client.set_read_timeout(kReadTimeoutSeconds, 0);
  client.set_write_timeout(kWriteTimeoutSeconds, 0);
  httplib::Headers request_headers;
  for (const auto& [name, value] : headers) request_headers.emplace(name, value);
  request_headers.emplace("Accept", "application/json");
  std::string target = prefix;
  target += path;
  httplib::Result result = client.Post(target, request_headers, body, "application/json");
  HttpAnswer answer;
  if (!result) {
    answer.transport_error = httplib::to_string(result.error());
    return answer;
  }
  answer.status = result->status;
  answer.body = result->body;
  return answer;
}

}  // namespace rx::messaging
