#include "messaging/outreach_approval_service.h"

#include "audit/audit_log.h"
#include "core/error.h"
#include "messaging/message_repository.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>

namespace rx::messaging {
namespace {

constexpr std::string_view kMessagesApproved = "message.approve";

nlohmann::json id_list(const std::vector<core::MessageId>& ids) {
  nlohmann::json out = nlohmann::json::array();
  for (core::MessageId id : ids) out.push_back(id.value());
  return out;
}

// 409 naming the listed messages that no longer await approval, with their statuses.
[[noreturn]] void not_awaiting(storage::Connection& c, core::ShopId shop,
                               const std::vector<core::MessageId>& ids) {
  std::vector<core::MessageId> named;
  nlohmann::json statuses = nlohmann::json::object();
  for (const auto& [id, status] : MessageRepository::statuses(c, shop, ids)) {
    if (status == MessageStatus::kAwaitingApproval) continue;
    named.push_back(id);
    statuses[std::to_string(id.value())] = std::string(core::enum_name(status));
  }
  throw core::AppError(
      core::ErrorCode::kConflict,
      fmt::format("{} of the messages no longer await approval (expired, approved or sent)",
                  named.size()),
      {{"ids", id_list(named)}, {"statuses", statuses}});
}

std::vector<core::MessageId> approve_listed(storage::Connection& c, core::ShopId shop,
                                            const std::vector<core::MessageId>& ids,
                                            std::int64_t now) {
  std::set<std::int64_t> missing;
  for (core::MessageId id : ids) missing.insert(id.value());
  bool all_awaiting = true;
  for (const auto& [id, status] : MessageRepository::statuses(c, shop, ids)) {
    missing.erase(id.value());
    if (status != MessageStatus::kAwaitingApproval) all_awaiting = false;
  }
  if (!missing.empty()) {
    throw core::AppError(core::ErrorCode::kNotFound, "message not found",
                         {{"ids", nlohmann::json(missing)}});
  }
  if (!all_awaiting) not_awaiting(c, shop, ids);
  std::vector<core::MessageId> approved = MessageRepository::approve(c, shop, ids, now);
  // Fewer moved than were awaiting a moment ago: an expiry (or another approval) took some
  // meanwhile. The whole request is refused and rolled back.
  if (approved.size() != ids.size()) not_awaiting(c, shop, ids);
  return approved;
}

}  // namespace

std::vector<core::MessageId> OutreachApprovalService::approve(const auth::Principal& actor,
                                                              const ApprovalRequest& request) {
  const core::ShopId shop(actor.shop_id);
  std::vector<core::MessageId> approved;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    approved = request.all ? MessageRepository::approve_all(c, shop, now)
                           : approve_listed(c, shop, request.ids, now);
    std::sort(approved.begin(), approved.end(),
              [](core::MessageId a, core::MessageId b) { return a.value() < b.value(); });
    if (approved.empty()) return;
    audit::record(c, actor, kMessagesApproved, "message", std::nullopt,
                  {{"count", approved.size()}, {"all", request.all}, {"ids", id_list(approved)}},
                  now);
  });
  return approved;
}

}  // namespace rx::messaging
