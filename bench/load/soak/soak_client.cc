#include "soak_client.h"

#include "activity_plan.h"
#include "upload_sheet.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string_view>

namespace rx::bench {
namespace {

constexpr int kConnectTimeoutSeconds = 10;
// An answer slower than this counts as no answer: far beyond any latency the soak accepts.
constexpr int kReadTimeoutSeconds = 60;
constexpr std::array<const char*, 3> kListQueries = {"?limit=50", "?status=pending&limit=50",
                                                     "?sort=updated&limit=50"};

std::string url_encode(const std::string& text) {
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      out.append(escaped);
    }
  }
  return out;
}

// "/api/customer-tracking" followed by the parts.
std::string tracking(std::string_view first, std::string_view second = {},
                     std::string_view third = {}) {
  std::string path = "/api/customer-tracking";
  path.append(first).append(second).append(third);
  return path;
}

void require(bool condition, const char* problem) {
  if (!condition) throw std::runtime_error(problem);
}

}  // namespace

SoakClient::SoakClient(int id, const std::string& server, const Account& account,
                       const ShopFixture& shop, double uploads_per_mille)
    : id_(id),
      account_(account),
      http_(server),
      rng_(0x5eed0000ULL + static_cast<std::uint64_t>(id)),
      mix_(account.manages(), uploads_per_mille),
      bills_(id, shop) {
  http_.set_keep_alive(true);
  http_.set_tcp_nodelay(true);
  http_.set_connection_timeout(kConnectTimeoutSeconds);
  http_.set_read_timeout(kReadTimeoutSeconds);
  http_.set_write_timeout(kReadTimeoutSeconds);
  http_.set_bearer_token_auth(account.token);
}

void SoakClient::run(const std::atomic<bool>& stop) {
  while (!stop.load(std::memory_order_relaxed)) {
    switch (mix_.pick(rng_)) {
      case RequestKind::kContactList:
        contact_list();
        break;
      case RequestKind::kContactDetail:
        contact_detail();
        break;
      case RequestKind::kCustomerLookup:
        customer_lookup();
        break;
      case RequestKind::kRefillDue:
        refill_due();
        break;
      case RequestKind::kConversionReport:
        conversion_report();
        break;
      case RequestKind::kBillCreate:
        bill_create();
        break;
      case RequestKind::kInteraction:
        interaction();
        break;
      case RequestKind::kUpload:
        upload();
        break;
    }
  }
}

SoakClient::Outcome SoakClient::send(
    RequestKind kind, int expected_status, const std::function<httplib::Result()>& call,
    const std::function<void(const httplib::Response&)>& on_expected) {
  const auto started = std::chrono::steady_clock::now();
  const httplib::Result result = call();
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (!result) {
    stats_.record_connection_error(kind, httplib::to_string(result.error()));
    return Outcome::kNoAnswer;
  }
  stats_.record(kind, result->status, expected_status, ms, result->body);
  if (result->status != expected_status) return Outcome::kOtherStatus;
  if (on_expected) {
    try {
      on_expected(*result);
    } catch (const std::exception& e) {
      std::string problem = e.what();
      problem.append(" in ").append(result->body.substr(0, 300));
      stats_.record_bad_answer(kind, problem);
    }
  }
  return Outcome::kExpected;
}

void SoakClient::get(RequestKind kind, const std::string& path) {
  send(kind, 200, [&] { return http_.Get(path); });
}

void SoakClient::contact_list() {
  // A staff-role account's list holds only its own contacts, whatever the filters.
  get(RequestKind::kContactList, tracking("/contacts", kListQueries[rng_() % kListQueries.size()]));
}

void SoakClient::contact_detail() {
  const auto& ids = account_.contact_ids;
  get(RequestKind::kContactDetail,
      tracking("/contacts/", std::to_string(ids[rng_() % ids.size()])));
}

void SoakClient::customer_lookup() {
  get(RequestKind::kCustomerLookup,
      tracking("/customers/phone/", url_encode(bills_.known_phone(rng_))));
}

void SoakClient::refill_due() {
  get(RequestKind::kRefillDue, tracking("/refill-reminders?limit=50"));
}

void SoakClient::conversion_report() {
  get(RequestKind::kConversionReport, tracking("/reports/conversion"));
}

void SoakClient::bill_create() {
  const std::string body = bills_.next(rng_).dump();
  const Outcome outcome = send(
      RequestKind::kBillCreate, 201,
      [&] { return http_.Post("/api/bills", body, "application/json"); },
      [&](const httplib::Response& res) {
        const auto answer = nlohmann::json::parse(res.body);
        AckedBill bill;
        bill.shop = account_.shop;
        bill.id = answer.at("bill").at("id").get<std::int64_t>();
        bill.customer_id = answer.at("customer").at("id").get<std::int64_t>();
        bill.total_paise = answer.at("total_paise").get<std::int64_t>();
        require(answer.at("bill").at("total_paise") == bill.total_paise,
                "the bill's total_paise differs from the answer's");
        const auto& conversion = answer.at("conversion");
        if (!conversion.is_null()) {
          bill.converted_contact_id = conversion.at("contact_id").get<std::int64_t>();
        }
        ledger_.bills.push_back(bill);
        if (answer.at("customer_created").get<bool>()) {
          bills_.remember(answer.at("customer").at("phone").get<std::string>());
        }
      });
  if (outcome == Outcome::kNoAnswer) ++ledger_.unanswered_bills[account_.shop];
}

void SoakClient::interaction() {
  const auto& ids = account_.contact_ids;
  const std::int64_t contact = ids[rng_() % ids.size()];
  const std::string body = plan_interactions(1, static_cast<unsigned>(rng_())).front().dump();
  send(
      RequestKind::kInteraction, 201,
      [&] {
        return http_.Post(tracking("/contacts/", std::to_string(contact), "/interactions"), body,
                          "application/json");
      },
      [&](const httplib::Response& res) {
        const auto answer = nlohmann::json::parse(res.body);
        require(answer.at("contact_id").get<std::int64_t>() == contact,
                "the interaction names another contact");
        ledger_.interactions.push_back(
            {account_.shop, contact, answer.at("id").get<std::int64_t>()});
      });
}

void SoakClient::upload() {
  const UploadSheet sheet = make_upload_sheet(id_, uploads_++, rng_);
  const httplib::MultipartFormDataItems form = {
      {"file", sheet.bytes, sheet.file_name, sheet.content_type}};
  send(
      RequestKind::kUpload, 201, [&] { return http_.Post(tracking("/contacts/upload"), form); },
      [&](const httplib::Response& res) {
        const auto answer = nlohmann::json::parse(res.body);
        const auto imported = answer.at("imported").get<std::int64_t>();
        require(answer.at("total_rows").get<std::int64_t>() == sheet.rows,
                "total_rows is not the number of rows sent");
        require(answer.at("invalid").get<std::int64_t>() == sheet.invalid,
                "invalid is not the number of rows without a valid phone");
        require(imported + answer.at("duplicates").get<std::int64_t>() == sheet.valid,
                "imported + duplicates is not the number of valid rows");
        ledger_.uploads.push_back({account_.shop, answer.at("id").get<std::int64_t>(), imported});
      });
}

}  // namespace rx::bench
