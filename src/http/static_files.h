#pragma once

#include <httplib.h>

#include <filesystem>

namespace rx::http {

// Serves the built web app from one folder: real files as they are, any other path without a
// file extension as index.html (client-side routes). Nothing outside the folder is ever read.
class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  void serve(const httplib::Request& req, httplib::Response& res) const;

 private:
  std::filesystem::path root_;
};

}  // namespace rx::http
