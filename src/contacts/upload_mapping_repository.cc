#include "contacts/upload_mapping_repository.h"

#include "storage/table.h"

namespace rx::contacts {
namespace {

using storage::column;

// A row of upload_mappings as stored: the layout's positions are whole numbers there.
struct MappingRow {
  std::string signature;
  std::string sheet_name;
  int header_row = 0;
  std::int64_t phone_column = 0;
  std::optional<std::int64_t> name_column;
  std::optional<core::StaffId> saved_by;
  std::int64_t updated_at = 0;
};

constexpr storage::Table kMapping{column("signature", &MappingRow::signature),
                                  column("sheet_name", &MappingRow::sheet_name),
                                  column("header_row", &MappingRow::header_row),
                                  column("phone_column", &MappingRow::phone_column),
                                  column("name_column", &MappingRow::name_column),
                                  column("saved_by", &MappingRow::saved_by),
                                  column("updated_at", &MappingRow::updated_at)};

const std::string& select_all() {
  static const std::string sql =
      "SELECT " + kMapping.select_list() + " FROM upload_mappings WHERE shop_id = ?";
  return sql;
}

const std::string& save_sql() {
  static const std::string sql =
      "INSERT INTO upload_mappings (shop_id, " + kMapping.select_list() + ") VALUES (?, " +
      kMapping.placeholders() +
      ") ON CONFLICT (shop_id, signature) DO UPDATE SET sheet_name = excluded.sheet_name, "
      "header_row = excluded.header_row, phone_column = excluded.phone_column, "
      "name_column = excluded.name_column, saved_by = excluded.saved_by, "
      "updated_at = excluded.updated_at";
  return sql;
}

}  // namespace

SavedMappings UploadMappingRepository::all(storage::Connection& c, core::ShopId shop_id) {
  SavedMappings out;
  MappingRow row;
  storage::Params params;
  params.emplace_back(shop_id.value());
  c.for_each_row(select_all(), params, [&](const storage::RowView& r) {
    kMapping.read_into(row, r);
    SavedMapping m;
    m.signature = std::move(row.signature);
    m.sheet_name = std::move(row.sheet_name);
    m.layout.header_row = row.header_row;
    m.layout.phone_column = static_cast<std::size_t>(row.phone_column);
    if (row.name_column) m.layout.name_column = static_cast<std::size_t>(*row.name_column);
    m.updated_at = row.updated_at;
    out.emplace(m.signature, std::move(m));
  });
  return out;
}

void UploadMappingRepository::save(storage::Connection& c, core::ShopId shop_id,
                                   const SavedMapping& mapping,
                                   std::optional<core::StaffId> saved_by) {
  MappingRow row;
  row.signature = mapping.signature;
  row.sheet_name = mapping.sheet_name;
  row.header_row = mapping.layout.header_row;
  row.phone_column = static_cast<std::int64_t>(mapping.layout.phone_column);
  if (mapping.layout.name_column) {
    row.name_column = static_cast<std::int64_t>(*mapping.layout.name_column);
  }
  row.saved_by = saved_by;
  row.updated_at = mapping.updated_at;
  storage::Params params;
  params.reserve(1 + kMapping.size());
  params.emplace_back(shop_id.value());
  kMapping.bind(row, params);
  c.query(save_sql(), params);
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
