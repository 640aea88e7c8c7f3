#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace rx::http {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = std::filesystem::temp_directory_path() / ("rxstatic_" + std::to_string(getpid()));
    std::filesystem::create_directories(base_ / "web" / "assets");
    std::ofstream(base_ / "web" / "index.html") << "<html>app</html>";
    std::ofstream(base_ / "web" / "assets" / "app.js") << "console.log(1)";
    std::ofstream(base_ / "secret.txt") << "secret";
  }
  void TearDown() override { std::filesystem::remove_all(base_); }

  httplib::Response get(const std::string& path) {
    httplib::Request req;
    req.path = path;
    httplib::Response res;
    res.status = 200;
    StaticFiles(base_ / "web").serve(req, res);
    return res;
  }
  std::filesystem::path base_;
};

TEST_F(StaticFilesTest, ServesFilesAndFallsBackToIndex) {
  EXPECT_EQ(get("/assets/app.js").body, "console.log(1)");
  EXPECT_EQ(get("/").body, "<html>app</html>");
  EXPECT_EQ(get("/staff/12").body, "<html>app</html>");
  EXPECT_EQ(get("/missing.png").status, 404);
}

TEST_F(StaticFilesTest, NeverLeavesTheWebFolder) {
  for (const char* path :
       {"/../secret.txt", "/assets/../../secret.txt", "/..", "/a\\..\\secret.txt"}) {
    httplib::Response res = get(path);
    EXPECT_EQ(res.body.find("secret"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace rx::http
