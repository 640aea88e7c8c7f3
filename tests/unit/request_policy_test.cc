// What the HTTP front decides from a request's headers alone (body_policy), and what the logs
// may hold of a request (access_log) and of a database error (driver_error).
#include "http/access_log.h"
#include "http/body_policy.h"
#include "storage/driver_error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rx {
namespace {

using http::BodyKind;

constexpr http::BodyLimits kLimits{1000, 5000};

httplib::Request post(httplib::Headers headers) {
  httplib::Request req;
  req.method = "POST";
  req.path = "/api/x";
  req.headers = std::move(headers);
  return req;
}

std::optional<core::ErrorCode> refusal(const httplib::Request& req,
                                       std::optional<BodyKind> kind = BodyKind::kJson) {
  const http::BodyVerdict verdict = http::judge_body(req, kind, kLimits);
  if (!verdict.refusal) return std::nullopt;
  return verdict.refusal->code();
}

TEST(BodyPolicyTest, AnyContentCodingIsRefusedOnAnyRoute) {
  for (const char* coding : {"gzip", "br", "deflate", "x-gzip", "identity, gzip"}) {
    const auto req = post({{"Content-Type", "application/json"},
                           {"Content-Encoding", coding},
                           {"Content-Length", "10"}});
    for (const auto kind : {std::optional(BodyKind::kJson), std::optional(BodyKind::kUpload),
                            std::optional(BodyKind::kAnyType), std::optional<BodyKind>()}) {
      EXPECT_EQ(refusal(req, kind), core::ErrorCode::kUnsupportedMediaType) << coding;
    }
  }
  EXPECT_EQ(refusal(post({{"Content-Type", "application/json"},
                          {"Content-Encoding", "Identity"},
                          {"Content-Length", "10"}})),
            std::nullopt);
  EXPECT_EQ(
      refusal(post({{"Content-Type", "application/json"}, {"Transfer-Encoding", "gzip, chunked"}})),
      core::ErrorCode::kUnsupportedMediaType);
}

TEST(BodyPolicyTest, EachRouteKindHasItsLimit) {
  const auto big =
      post({{"Content-Type", "multipart/form-data; boundary=b"}, {"Content-Length", "2000"}});
  EXPECT_EQ(refusal(big, BodyKind::kUpload), std::nullopt);
  EXPECT_EQ(refusal(big, BodyKind::kAnyType), core::ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(refusal(big, std::nullopt), core::ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(refusal(post({{"Content-Length", "6000"}}), BodyKind::kUpload),
            core::ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(http::judge_body(post({{"Transfer-Encoding", "chunked"}}), BodyKind::kUpload, kLimits)
                .max_bytes,
            5000u);
  EXPECT_EQ(http::judge_body(post({{"Content-Type", "application/json"}}), BodyKind::kJson, kLimits)
                .max_bytes,
            1000u);
}

TEST(BodyPolicyTest, JsonRoutesTakeJsonOrNothing) {
  EXPECT_EQ(
      refusal(post({{"Content-Type", "application/json; charset=utf-8"}, {"Content-Length", "2"}})),
      std::nullopt);
  EXPECT_EQ(refusal(post({{"Content-Length", "0"}})), std::nullopt) << "a bodyless POST";
  for (const char* type : {"application/x-www-form-urlencoded", "text/plain",
                           "multipart/form-data; boundary=b", "application/jsonp", ""}) {
    EXPECT_EQ(refusal(post({{"Content-Type", type}, {"Content-Length", "2"}})),
              core::ErrorCode::kUnsupportedMediaType)
        << type;
  }
  EXPECT_EQ(refusal(post({{"Content-Length", "2"}})), core::ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(refusal(post({{"Transfer-Encoding", "chunked"}})),
            core::ErrorCode::kUnsupportedMediaType);
  // Other kinds leave the type to the handler.
  EXPECT_EQ(refusal(post({{"Content-Type", "application/x-www-form-urlencoded"},
                          {"Content-Length", "2"}}),
                    BodyKind::kAnyType),
            std::nullopt);
}

TEST(AccessLogTest, ALineIsOneJsonObjectWhateverTheRequestHolds) {
  const std::string line =
      http::access_log_line("GE\"T\n", "/api/x/{id}", 404, 12.345, 17, "10.0.0.1");
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["method"], "GE\"T\n");
  EXPECT_EQ(parsed["route"], "/api/x/{id}");
  EXPECT_EQ(parsed["status"], 404);
  EXPECT_DOUBLE_EQ(parsed["ms"].get<double>(), 12.35);
  EXPECT_EQ(parsed["bytes"], 17);
  const std::string quick = http::access_log_line("GET", "/", 200, 0.004, 0, "::1");
  EXPECT_NE(quick.find("\"ms\":0.00,"), std::string::npos) << quick;
}

TEST(DriverErrorTest, LoggedPostgresErrorsKeepNamesAndDropValues) {
  const std::string unique = storage::loggable_postgres_error(
      {"23505", "duplicate key value violates unique constraint \"staff_email_key\"",
       "staff_email_key", "staff", ""});
  EXPECT_EQ(unique, "sqlstate 23505, constraint staff_email_key, table staff");
  const std::string data = storage::loggable_postgres_error(
      {"22P02", "invalid input syntax for type bigint: \"+919876543210\"", "", "", ""});
  EXPECT_EQ(data.find("+919876543210"), std::string::npos) << data;
  EXPECT_EQ(
      storage::loggable_postgres_error({"42P01", "relation \"x\" does not exist", "", "", ""}),
      "sqlstate 42P01, message relation \"x\" does not exist");
}

}  // namespace
}  // namespace rx
