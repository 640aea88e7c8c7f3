#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace rx::audit {

// What the audit log records (DPDP Act 2023): who signed in, who viewed or changed a customer's
// medical details or consent, and who took data out of rxtrack. Rows are never updated or
// deleted (migration 0004 makes the database refuse it) and are kept at least a year.
inline constexpr std::string_view kSignIn = "auth.sign_in";
inline constexpr std::string_view kSignInFailed = "auth.sign_in_failed";
inline constexpr std::string_view kCustomerCreated = "customer.create";
inline constexpr std::string_view kCustomerViewed = "customer.view";
inline constexpr std::string_view kMedicalChanged = "customer.medical_update";
inline constexpr std::string_view kProfileChanged = "customer.profile_update";
inline constexpr std::string_view kConsentChanged = "customer.consent_change";
inline constexpr std::string_view kCustomerExported = "customer.export";
inline constexpr std::string_view kCustomerErased = "customer.erase";
inline constexpr std::string_view kDataExported = "data.export";  // any file download

struct Entry {
  std::int64_t shop_id = 0;
  std::optional<std::int64_t> staff_id;
  std::string_view action;
  std::string_view entity;  // "customer", "upload", "report"...; empty for none
  std::optional<std::int64_t> entity_id;
  // Names and counts only: never a medical value, a password or a token.
  nlohmann::json details;
  std::string_view client_ip;
  std::int64_t at_ms = 0;
};

// Appends one entry in the caller's transaction, so that it commits or rolls back with the work
// it describes.
void append(storage::Connection& c, const Entry& entry);

// The same for a signed-in principal (its shop, its staff id and its client address).
void record(storage::Connection& c, const auth::Principal& who, std::string_view action,
            std::string_view entity, std::optional<std::int64_t> entity_id,
            const nlohmann::json& details, std::int64_t at_ms);

// In a transaction of its own, for reads and downloads that write nothing else. A report export
// is one line:
//   audit::record(db_, clock_, actor, audit::kDataExported, "report", std::nullopt,
//                 {{"report", "conversions"}, {"format", "csv"}});
void record(storage::Database& db, const core::Clock& clock, const auth::Principal& who,
            std::string_view action, std::string_view entity, std::optional<std::int64_t> entity_id,
            const nlohmann::json& details);

}  // namespace rx::audit
