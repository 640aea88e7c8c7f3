#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace rx::core {

// The id of one kind of row. Two ids of different kinds do not convert into each other, so a
// call that takes (ShopId, ContactId, BillId) cannot be handed its arguments in the wrong order;
// the value is read only where the id leaves the program (SQL parameters, JSON).
template <class Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t value) : value_(value) {}

  constexpr std::int64_t value() const { return value_; }

  friend constexpr bool operator==(Id, Id) = default;
  friend constexpr auto operator<=>(Id, Id) = default;

 private:
  std::int64_t value_ = 0;
};

struct ShopTag;
struct StaffTag;
struct ContactTag;
struct CustomerTag;
struct BillTag;
struct UploadTag;
struct InteractionTag;
struct FollowUpTag;
struct RefillReminderTag;
struct MessageTag;

using ShopId = Id<ShopTag>;
using StaffId = Id<StaffTag>;
using ContactId = Id<ContactTag>;
using CustomerId = Id<CustomerTag>;
using BillId = Id<BillTag>;
using UploadId = Id<UploadTag>;
using InteractionId = Id<InteractionTag>;
using FollowUpId = Id<FollowUpTag>;
using RefillReminderId = Id<RefillReminderTag>;
using MessageId = Id<MessageTag>;

}  // namespace rx::core

template <class Tag>
struct std::hash<rx::core::Id<Tag>> {
  std::size_t operator()(rx::core::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value());
  }
};
