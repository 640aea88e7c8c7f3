#include "messaging_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>

namespace rx::test {

TestServer* MessagingTest::server_ = nullptr;

std::string ist_instant(int days, const std::string& hh_mm) {
  std::string out = ist_date(days);
  out += "T";
  out += hh_mm;
  out += ":00+05:30";
  return out;
}

std::string readable(const std::string& date) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int day = std::stoi(date.substr(8, 2));
  const int month = std::stoi(date.substr(5, 2));
  return std::to_string(day) + " " + kMonths[month - 1] + " " + date.substr(0, 4);
}

std::string plus_minutes(const std::string& iso_instant, int minutes) {
  std::tm tm{};
  if (!strptime(iso_instant.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) {
    throw std::runtime_error("not an instant: " + iso_instant);
  }
  const std::time_t t = timegm(&tm) + static_cast<std::time_t>(minutes) * 60;
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S", &tm);
  std::string result = out;
  result += iso_instant.substr(19);
  return result;
}

BackgroundCommand::BackgroundCommand(const std::vector<std::string>& args) {
  int out_pipe[2];
  if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> all = {RXTRACK_BIN};
  all.insert(all.end(), args.begin(), args.end());
  const std::string log =
      (std::filesystem::temp_directory_path() / "rxtrack-remind-tests.log").string();
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    close(out_pipe[0]);
    close(out_pipe[1]);
    const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (err >= 0) dup2(err, STDERR_FILENO);
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  out_fd_ = out_pipe[0];
}

BackgroundCommand::~BackgroundCommand() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (out_fd_ >= 0) close(out_fd_);
}

CommandResult BackgroundCommand::finish() {
  CommandResult result;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(out_fd_, buffer, sizeof buffer)) > 0) result.out.append(buffer, n);
  close(out_fd_);
  out_fd_ = -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

void BackgroundCommand::kill_now() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::vector<std::string> allow_fake_providers() { return {"--allow-provider-host", "127.0.0.1"}; }

std::vector<std::string> with_fake_providers(std::vector<std::string> extra) {
  for (std::string& arg : allow_fake_providers()) extra.push_back(std::move(arg));
  return extra;
}

std::pair<CommandResult, CommandResult> remind_twice_at_once(TestServer& server,
                                                             const std::string& now_iso) {
  BackgroundCommand first(
      with_fake_providers({"remind", "--db", server.db_url(), "--now", now_iso}));
  BackgroundCommand second(
      with_fake_providers({"remind", "--db", server.db_url(), "--now", now_iso}));
  CommandResult a = first.finish();
  CommandResult b = second.finish();
  return {std::move(a), std::move(b)};
}

RemindSummary remind(TestServer& server, const std::string& now_iso,
                     const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {"remind", "--db", server.db_url(), "--now", now_iso};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  BackgroundCommand command(args);
  CommandResult result = command.finish();
  RemindSummary summary;
  summary.exit_code = result.exit_code;
  summary.counts = nlohmann::json::parse(result.out, nullptr, false);
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_TRUE(summary.counts.is_object()) << result.out;
  return summary;
}

nlohmann::json MessagingTest::whatsapp_settings(const FakeGraphApi& graph) {
  return {{"whatsapp_base_url", graph.base_url()},
          {"whatsapp_api_version", "v23.0"},
          {"whatsapp_phone_number_id", "106540352242922"},
          {"whatsapp_access_token", "test-access-token"},
          {"whatsapp_app_secret", "test-app-secret"},
          {"whatsapp_verify_token", "test-verify-token"},
          {"whatsapp_template_refill", "refill_reminder"},
          {"whatsapp_template_language", "en"}};
}

nlohmann::json MessagingTest::sms_settings(const FakeMsg91& sms) {
  return {{"sms_base_url", sms.base_url()},
          {"sms_auth_key", "test-auth-key"},
          {"sms_template_id", "6543210fedcba"},
          {"sms_sender", "RXSHOP"}};
}

void MessagingTest::configure(const SignedInStaff& owner, const nlohmann::json& settings) {
  Response res = client(owner).put("/api/shop/messaging", settings);
  ASSERT_EQ(res.status, 200) << res.raw;
}

nlohmann::json MessagingTest::due_bill(const SignedInStaff& who, const std::string& phone,
                                       const std::optional<std::string>& name,
                                       bool whatsapp_consent, bool sms_consent,
                                       const std::vector<std::string>& medicines) {
  nlohmann::json customer = {
      {"phone", phone}, {"whatsapp_consent", whatsapp_consent}, {"sms_consent", sms_consent}};
  if (name) customer["name"] = *name;
  nlohmann::json items = nlohmann::json::array();
  // The shop's lead is 5 days: a medicine that runs out in 5 days is due for a reminder today.
  for (const std::string& medicine : medicines) {
    items.push_back({{"medicine", medicine},
                     {"quantity", 1},
                     {"unit_price_paise", 1000},
                     {"duration_days", 5}});
  }
  Response res = client(who).post("/api/bills", {{"customer", customer},
                                                 {"customer_category", "regular_branded"},
                                                 {"was_contacted_before", false},
                                                 {"items", items}});
  EXPECT_EQ(res.status, 201) << res.raw;
  return res.body;
}

std::vector<std::int64_t> MessagingTest::call_list(const SignedInStaff& who) {
  Response res = client(who).get(kRefills + "?limit=500");
  EXPECT_EQ(res.status, 200) << res.raw;
  std::vector<std::int64_t> ids;
  for (const auto& item : res.body["items"]) ids.push_back(item["id"].get<std::int64_t>());
  return ids;
}

nlohmann::json MessagingTest::messages(const SignedInStaff& who, const std::string& query) {
  Response res = client(who).get("/api/messages?limit=500" + query);
  EXPECT_EQ(res.status, 200) << res.raw;
  return res.body;
}

Response MessagingTest::post_webhook(const std::string& key, const nlohmann::json& payload,
                                     const std::string& secret) {
  const std::string body = payload.dump();
  httplib::Headers headers;
  if (!secret.empty()) headers.emplace("X-Hub-Signature-256", hub_signature(body, secret));
  return ApiClient(server().port())
      .post_raw("/api/webhooks/whatsapp/" + key, body, "application/json", headers);
}

nlohmann::json webhook_payload(const std::vector<nlohmann::json>& statuses,
                               const std::vector<nlohmann::json>& messages,
                               const nlohmann::json& contacts) {
  nlohmann::json value = {
      {"messaging_product", "whatsapp"},
      {"metadata",
       {{"display_phone_number", "15550783881"}, {"phone_number_id", "106540352242922"}}}};
  if (!statuses.empty()) value["statuses"] = nlohmann::json(statuses);
  if (!messages.empty()) value["messages"] = nlohmann::json(messages);
  if (!contacts.empty()) value["contacts"] = contacts;
  return {
      {"object", "whatsapp_business_account"},
      {"entry",
       {{{"id", "102290129340398"}, {"changes", {{{"value", value}, {"field", "messages"}}}}}}}};
}

nlohmann::json status_report(const std::string& wamid, const std::string& status,
                             long long timestamp, std::optional<int> error_code) {
  nlohmann::json out = {{"id", wamid},
                        {"status", status},
                        {"timestamp", std::to_string(timestamp)},
                        {"recipient_id", "919876500000"}};
  if (error_code) {
    out["errors"] = {{{"code", *error_code},
                      {"title", "Message undeliverable."},
                      {"message", "Message undeliverable."}}};
  }
  return out;
}

nlohmann::json inbound_text(const std::string& wamid, const std::string& from_digits,
                            const std::string& text) {
  return {{"from", from_digits},
          {"id", wamid},
          {"timestamp", "1764000000"},
          {"type", "text"},
          {"text", {{"body", text}}}};
}

}  // namespace rx::test
