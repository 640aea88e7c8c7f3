#include "contacts/upload_repository.h"

namespace rx::contacts {
namespace {

constexpr std::string_view kSelectUpload = R"(
SELECT u.id, u.file_name, u.file_format, u.uploaded_by, s.name, u.total_rows, u.imported,
       u.duplicates, u.invalid_rows, u.created_at
FROM contact_uploads u LEFT JOIN staff s ON s.shop_id = u.shop_id AND s.id = u.uploaded_by)";

Upload upload_from_row(const storage::Row& r) {
  return Upload{r.int_at(0), r.text_at(1), r.text_at(2), r[3].as_opt_int(), r[4].as_opt_text(),
                r.int_at(5), r.int_at(6),  r.int_at(7),  r.int_at(8),       r.int_at(9)};
}

constexpr std::size_t kErrorsPerInsert = 100;

}  // namespace

std::int64_t UploadRepository::insert(storage::Connection& c, std::int64_t shop_id,
                                      const std::string& file_name, const std::string& file_format,
                                      std::optional<std::int64_t> uploaded_by,
                                      std::int64_t now_ms) {
  return c.insert_returning_id(
      "INSERT INTO contact_uploads (shop_id, file_name, file_format, uploaded_by, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {shop_id, file_name, file_format, uploaded_by, now_ms});
}

void UploadRepository::set_counts(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                  std::int64_t total_rows, std::int64_t imported,
                                  std::int64_t duplicates, std::int64_t invalid_rows) {
  c.query(
      "UPDATE contact_uploads SET total_rows = ?, imported = ?, duplicates = ?, invalid_rows = ? "
      "WHERE shop_id = ? AND id = ?",
      {total_rows, imported, duplicates, invalid_rows, shop_id, id});
}

std::int64_t UploadRepository::last_contact_id(storage::Connection& c) {
  return c.query_int("SELECT COALESCE(MAX(id), 0) FROM contact_records");
}

void UploadRepository::set_contact_range(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t id, std::int64_t first_contact_id) {
  c.query(
      "UPDATE contact_uploads SET first_contact_id = ?, "
      "last_contact_id = (SELECT COALESCE(MAX(id), 0) FROM contact_records) "
      "WHERE shop_id = ? AND id = ?",
      {first_contact_id, shop_id, id});
}

// An upload without a range (imported by an rxtrack from before migration 0010, still running
// beside a newer one on PostgreSQL) is searched over all ids: slower, still right.
void UploadRepository::add_contacts_of(storage::Conditions& where, std::int64_t shop_id,
                                       std::int64_t upload_id) {
  where.add(
      "cr.id BETWEEN COALESCE((SELECT u.first_contact_id FROM contact_uploads u WHERE "
      "u.shop_id = ? AND u.id = ?), 0) AND COALESCE((SELECT u.last_contact_id FROM "
      "contact_uploads u WHERE u.shop_id = ? AND u.id = ?), 9223372036854775807) AND "
      "cr.upload_id = ?",
      {shop_id, upload_id, shop_id, upload_id, upload_id});
}

void UploadRepository::insert_errors(storage::Connection& c, std::int64_t shop_id,
                                     std::int64_t upload_id,
                                     const std::vector<UploadError>& errors) {
  for (std::size_t start = 0; start < errors.size(); start += kErrorsPerInsert) {
    const std::size_t n = std::min(kErrorsPerInsert, errors.size() - start);
    std::string sql =
        "INSERT INTO contact_upload_errors (shop_id, upload_id, row_number, value, reason) VALUES ";
    storage::Params params;
    params.reserve(n * 5);
    for (std::size_t i = 0; i < n; ++i) {
      const UploadError& e = errors[start + i];
      sql += i ? ", (?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)";
      params.insert(params.end(), {shop_id, upload_id, e.row_number, e.value, e.reason});
    }
    c.query(sql, params);
  }
}

std::optional<Upload> UploadRepository::find(storage::Connection& c, std::int64_t shop_id,
                                             std::int64_t id) {
  auto row =
      c.query_one(std::string(kSelectUpload) + " WHERE u.shop_id = ? AND u.id = ?", {shop_id, id});
  if (!row) return std::nullopt;
  return upload_from_row(*row);
}

std::vector<Upload> UploadRepository::list(storage::Connection& c, std::int64_t shop_id,
                                           std::int64_t limit, std::int64_t offset) {
  storage::ResultSet rows = c.query(
      std::string(kSelectUpload) + " WHERE u.shop_id = ? ORDER BY u.id DESC LIMIT ? OFFSET ?",
      {shop_id, limit, offset});
  std::vector<Upload> out;
  for (const auto& r : rows.rows) out.push_back(upload_from_row(r));
  return out;
}

std::int64_t UploadRepository::count(storage::Connection& c, std::int64_t shop_id) {
  return c.query_int("SELECT COUNT(*) FROM contact_uploads WHERE shop_id = ?", {shop_id});
}

std::vector<UploadError> UploadRepository::errors(storage::Connection& c, std::int64_t shop_id,
                                                  std::int64_t upload_id) {
  return errors(c, shop_id, upload_id, -1, 0);
}

// A negative limit reads them all.
std::vector<UploadError> UploadRepository::errors(storage::Connection& c, std::int64_t shop_id,
                                                  std::int64_t upload_id, std::int64_t limit,
                                                  std::int64_t offset) {
  const bool all = limit < 0;
  storage::ResultSet rows = c.query(
      std::string("SELECT row_number, value, reason FROM contact_upload_errors WHERE shop_id = ? "
                  "AND upload_id = ? ORDER BY row_number, id") +
          (all ? "" : " LIMIT ? OFFSET ?"),
      all ? storage::Params{shop_id, upload_id}
          : storage::Params{shop_id, upload_id, limit, offset});
  std::vector<UploadError> out;
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows) out.push_back({r.int_at(0), r.text_at(1), r.text_at(2)});
  return out;
}

std::int64_t UploadRepository::count_errors(storage::Connection& c, std::int64_t shop_id,
                                            std::int64_t upload_id) {
  return c.query_int(
      "SELECT COUNT(*) FROM contact_upload_errors WHERE shop_id = ? AND upload_id = ?",
      {shop_id, upload_id});
}

}  // namespace rx::contacts
