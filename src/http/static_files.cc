#include "http/static_files.h"

#include "http/error_response.h"

#include <fstream>
#include <sstream>

namespace rx::http {
namespace {

std::string_view content_type_for(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// Any "..", backslash or NUL in the decoded path is refused before touching the disk.
bool is_safe_relative(std::string_view path) {
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  return true;
}

bool read_file(const std::filesystem::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root)
    : root_(std::filesystem::weakly_canonical(std::move(root))) {}

void StaticFiles::serve(const httplib::Request& req, httplib::Response& res) const {
  std::string_view path = req.path;
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!is_safe_relative(path)) {
    write_error(res, core::ErrorCode::kNotFound, "not found");
    return;
  }
  std::filesystem::path file = root_ / std::filesystem::path(std::string(path));
  std::error_code ec;
  file = std::filesystem::weakly_canonical(file, ec);
  const std::string root_text = root_.string() + "/";
  if (ec || (file != root_ && file.string().rfind(root_text, 0) != 0)) {
    write_error(res, core::ErrorCode::kNotFound, "not found");
    return;
  }
  const bool is_file = std::filesystem::is_regular_file(file, ec);
  if (!is_file) {
    if (std::filesystem::path(std::string(path)).has_extension()) {
      write_error(res, core::ErrorCode::kNotFound, "not found");
      return;
    }
    file = root_ / "index.html";
  }
  std::string body;
  if (!read_file(file, body)) {
    write_error(res, core::ErrorCode::kNotFound,
                "the web app is not built; run the setup command or npm run build in web/");
    return;
  }
  const bool hashed_asset = path.rfind("assets/", 0) == 0;
  res.set_header("Cache-Control",
                 hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  res.set_content(std::move(body), std::string(content_type_for(file)));
}

}  // namespace rx::http
