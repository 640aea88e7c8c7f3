#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace rx::bench {

// The admin commands of the rxtrack binary, run as child processes exactly as an operator
// would run them. The database URL goes to the children in RXTRACK_DB (set in this process's
// environment by the constructor; create one RxtrackCli, before starting threads), so it never
// shows in `ps`.
class RxtrackCli {
 public:
  RxtrackCli(std::string binary, const std::string& db_url);

  // `rxtrack shop create` (password on standard input); answers the new shop's id.
  std::int64_t create_shop(const std::string& name, const std::string& owner_email,
                           const std::string& password) const;

  // `rxtrack import --shop ID FILE`; answers the upload's JSON (imported, duplicates, ...).
  nlohmann::json import_sheet(std::int64_t shop_id, const std::string& path) const;

 private:
  std::string run(const std::string& arguments, const std::string& input) const;

  std::string binary_;
};

}  // namespace rx::bench
