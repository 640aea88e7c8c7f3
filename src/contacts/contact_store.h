#pragma once

#include "contacts/background_sheet_reader.h"
#include "core/strong_id.h"
#include "storage/database.h"

#include <cstdint>
#include <memory>

namespace rx::contacts {

// SQL for an import's new contact_records, written in bulk. The unique key (shop_id, phone)
// decides what duplicates a stored phone; finish() answers how many were really inserted.
// Driver failures are thrown as core::AppError (storage/driver_error.h) and leave the
// transaction to roll back.
class ContactStore {
 public:
  virtual ~ContactStore() = default;
  virtual void add(PreparedContact&& contact) = 0;
  virtual std::int64_t finish() = 0;
};

// The fastest way the engine has: COPY through a staging table on PostgreSQL, multi-row
// INSERTs on SQLite. Each new contact is pending, unassigned, from `upload_id`, stamped `now_ms`.
std::unique_ptr<ContactStore> contact_store_for(storage::Connection& c, core::ShopId shop_id,
                                                core::UploadId upload_id, std::int64_t now_ms);

}  // namespace rx::contacts
