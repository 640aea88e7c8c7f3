#include "contacts/upload_repository.h"

#include "storage/table.h"

namespace rx::contacts {
namespace {

using storage::column;

// An upload's stored fields (its id is generated; who uploaded it is joined by name). The counts
// start at 0 and are set once the import has run (set_counts).
constexpr storage::Table kUploadKey{column("id", &Upload::id)};
constexpr storage::Table kUploadFields{
    column("file_name", &Upload::file_name),       column("file_format", &Upload::file_format),
    column("uploaded_by", &Upload::uploaded_by),   column("total_rows", &Upload::total_rows),
    column("imported", &Upload::imported),         column("duplicates", &Upload::duplicates),
    column("invalid_rows", &Upload::invalid_rows), column("created_at", &Upload::created_at)};
constexpr storage::Table kUploadJoined{column("s.name", &Upload::uploaded_by_name)};

const std::string& select_uploads() {
  static const std::string sql = "SELECT " + kUploadKey.select_list("u.") + ", " +
                                 kUploadFields.select_list("u.") + ", " +
                                 kUploadJoined.select_list() +
                                 " FROM contact_uploads u LEFT JOIN staff s ON s.shop_id = "
                                 "u.shop_id AND s.id = u.uploaded_by";
  return sql;
}

Upload upload_from_row(const storage::RowView& r) {
  Upload u;
  kUploadKey.read_into(u, r);
  kUploadFields.read_into(u, r, kUploadKey.size());
  kUploadJoined.read_into(u, r, kUploadKey.size() + kUploadFields.size());
  return u;
}

// A problem row of an upload (keyed by shop and upload).
constexpr storage::Table kUploadError{column("row_number", &UploadError::row_number),
                                      column("value", &UploadError::value),
                                      column("reason", &UploadError::reason)};

constexpr std::size_t kErrorsPerInsert = 100;

}  // namespace

core::UploadId UploadRepository::insert(storage::Connection& c, core::ShopId shop_id,
                                        const std::string& file_name,
                                        const std::string& file_format,
                                        std::optional<core::StaffId> uploaded_by,
                                        std::int64_t now_ms) {
  static const std::string sql = "INSERT INTO contact_uploads (shop_id, " +
                                 kUploadFields.select_list() + ") VALUES (?, " +
                                 kUploadFields.placeholders() + ")";
  Upload row;
  row.file_name = file_name;
  row.file_format = file_format;
  if (uploaded_by) row.uploaded_by = uploaded_by->value();
  row.created_at = now_ms;
  storage::Params params;
  params.reserve(1 + kUploadFields.size());
  params.emplace_back(shop_id.value());
  kUploadFields.bind(row, params);
  return core::UploadId(c.insert_returning_id(sql, params));
}

void UploadRepository::set_counts(storage::Connection& c, core::ShopId shop_id, core::UploadId id,
                                  std::int64_t total_rows, std::int64_t imported,
                                  std::int64_t duplicates, std::int64_t invalid_rows) {
  c.query(
      "UPDATE contact_uploads SET total_rows = ?, imported = ?, duplicates = ?, invalid_rows = ? "
      "WHERE shop_id = ? AND id = ?",
      {total_rows, imported, duplicates, invalid_rows, shop_id.value(), id.value()});
}

void UploadRepository::set_file_format(storage::Connection& c, core::ShopId shop_id,
                                       core::UploadId id, std::string_view file_format) {
  c.query("UPDATE contact_uploads SET file_format = ? WHERE shop_id = ? AND id = ?",
          {file_format, shop_id.value(), id.value()});
}

core::ContactId UploadRepository::last_contact_id(storage::Connection& c) {
  return core::ContactId(c.query_int("SELECT COALESCE(MAX(id), 0) FROM contact_records"));
}

void UploadRepository::set_contact_range(storage::Connection& c, core::ShopId shop_id,
                                         core::UploadId id, core::ContactId first_contact_id) {
  c.query(
      "UPDATE contact_uploads SET first_contact_id = ?, "
      "last_contact_id = (SELECT COALESCE(MAX(id), 0) FROM contact_records) "
      "WHERE shop_id = ? AND id = ?",
      {first_contact_id.value(), shop_id.value(), id.value()});
}

// An upload without a range (imported by an rxtrack from before migration 0010, still running
// beside a newer one on PostgreSQL) is searched over all ids: slower, still right.
void UploadRepository::add_contacts_of(storage::Conditions& where, core::ShopId shop_id,
                                       core::UploadId upload_id) {
  where.add(
      "cr.id BETWEEN COALESCE((SELECT u.first_contact_id FROM contact_uploads u WHERE "
      "u.shop_id = ? AND u.id = ?), 0) AND COALESCE((SELECT u.last_contact_id FROM "
      "contact_uploads u WHERE u.shop_id = ? AND u.id = ?), 9223372036854775807) AND "
      "cr.upload_id = ?",
      {shop_id.value(), upload_id.value(), shop_id.value(), upload_id.value(), upload_id.value()});
}

void UploadRepository::insert_errors(storage::Connection& c, core::ShopId shop_id,
                                     core::UploadId upload_id,
                                     const std::vector<UploadError>& errors) {
  for (std::size_t start = 0; start < errors.size(); start += kErrorsPerInsert) {
    const std::size_t n = std::min(kErrorsPerInsert, errors.size() - start);
    static const std::string head = "INSERT INTO contact_upload_errors (shop_id, upload_id, " +
                                    kUploadError.select_list() + ") VALUES ";
    static const std::string one_row = "(?, ?, " + kUploadError.placeholders() + ")";
    std::string sql = head;
    storage::Params params;
    params.reserve(n * (2 + kUploadError.size()));
    for (std::size_t i = 0; i < n; ++i) {
      if (i) sql += ", ";
      sql += one_row;
      params.emplace_back(shop_id.value());
      params.emplace_back(upload_id.value());
      kUploadError.bind(errors[start + i], params);
    }
    c.query(sql, params);
  }
}

std::optional<Upload> UploadRepository::find(storage::Connection& c, core::ShopId shop_id,
                                             core::UploadId id) {
  return storage::first_row_as(
      c, storage::join_sql(select_uploads(), " WHERE u.shop_id = ? AND u.id = ?"),
      {shop_id.value(), id.value()}, upload_from_row);
}

std::vector<Upload> UploadRepository::list(storage::Connection& c, core::ShopId shop_id,
                                           std::int64_t limit, std::int64_t offset) {
  return storage::rows_as(
      c,
      storage::join_sql(select_uploads(),
                        " WHERE u.shop_id = ? ORDER BY u.id DESC LIMIT ? OFFSET ?"),
      {shop_id.value(), limit, offset}, upload_from_row);
}

std::int64_t UploadRepository::count(storage::Connection& c, core::ShopId shop_id) {
  return c.query_int("SELECT COUNT(*) FROM contact_uploads WHERE shop_id = ?", {shop_id.value()});
}

std::vector<UploadError> UploadRepository::errors(storage::Connection& c, core::ShopId shop_id,
                                                  core::UploadId upload_id) {
  return errors(c, shop_id, upload_id, -1, 0);
}

// A negative limit reads them all.
std::vector<UploadError> UploadRepository::errors(storage::Connection& c, core::ShopId shop_id,
                                                  core::UploadId upload_id, std::int64_t limit,
                                                  std::int64_t offset) {
  static const std::string select = "SELECT " + kUploadError.select_list() +
                                    " FROM contact_upload_errors WHERE shop_id = ? AND "
                                    "upload_id = ? ORDER BY row_number, id";
  const bool all = limit < 0;
  return storage::rows_as(c, all ? select : select + " LIMIT ? OFFSET ?",
                          all ? storage::Params{shop_id.value(), upload_id.value()}
                              : storage::Params{shop_id.value(), upload_id.value(), limit, offset},
                          [](const storage::RowView& r) { return kUploadError.read(r); });
}

std::int64_t UploadRepository::count_errors(storage::Connection& c, core::ShopId shop_id,
                                            core::UploadId upload_id) {
  return c.query_int(
      "SELECT COUNT(*) FROM contact_upload_errors WHERE shop_id = ? AND upload_id = ?",
      {shop_id.value(), upload_id.value()});
}

}  // namespace rx::contacts
