#include "contacts/upload_mapping_repository.h"

namespace rx::contacts {
namespace {

constexpr std::string_view kAll =
    "SELECT signature, sheet_name, header_row, phone_column, name_column, updated_at "
    "FROM upload_mappings WHERE shop_id = ?";

constexpr std::string_view kSave =
    "INSERT INTO upload_mappings (shop_id, signature, sheet_name, header_row, phone_column, "
    "name_column, saved_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (shop_id, signature) DO UPDATE SET sheet_name = excluded.sheet_name, "
    "header_row = excluded.header_row, phone_column = excluded.phone_column, "
    "name_column = excluded.name_column, saved_by = excluded.saved_by, "
    "updated_at = excluded.updated_at";

}  // namespace

SavedMappings UploadMappingRepository::all(storage::Connection& c, std::int64_t shop_id) {
  SavedMappings out;
  c.for_each_row(kAll, {shop_id}, [&](const storage::RowView& row) {
    SavedMapping m;
    m.signature = std::string(row.text_at(0));
    m.sheet_name = std::string(row.text_at(1));
    m.layout.header_row = static_cast<int>(row.int_at(2));
    m.layout.phone_column = static_cast<std::size_t>(row.int_at(3));
    if (!row.is_null(4)) m.layout.name_column = static_cast<std::size_t>(row.int_at(4));
    m.updated_at = row.int_at(5);
    out.emplace(m.signature, std::move(m));
  });
  return out;
}

void UploadMappingRepository::save(storage::Connection& c, std::int64_t shop_id,
                                   const SavedMapping& mapping,
                                   std::optional<std::int64_t> saved_by) {
  std::optional<std::int64_t> name_column;
  if (mapping.layout.name_column) {
    name_column = static_cast<std::int64_t>(*mapping.layout.name_column);
  }
  c.query(kSave, {shop_id, mapping.signature, mapping.sheet_name,
                  static_cast<std::int64_t>(mapping.layout.header_row),
                  static_cast<std::int64_t>(mapping.layout.phone_column), name_column, saved_by,
                  mapping.updated_at});
}

// Spelled rx::import: a line that starts with `import` reads to clang-format as a C++20 module
// import, which it then lays out as one.
rx::import::LayoutLookup lookup_in(const SavedMappings& mappings) {
  return [&mappings](std::string_view signature) {
    const auto it = mappings.find(std::string(signature));
    return it == mappings.end() ? std::optional<import::SavedLayout>()
                                : std::optional<import::SavedLayout>(it->second.layout);
  };
}

}  // namespace rx::contacts
