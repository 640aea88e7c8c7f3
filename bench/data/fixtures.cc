#include "fixtures.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rx::bench {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

template <typename T, typename Parse>
std::vector<T> list(const std::string& field, Parse parse) {
  std::vector<T> out;
  if (field.empty()) return out;
  for (const auto& item : split(field, ',')) out.push_back(parse(item));
  return out;
}

}  // namespace

std::vector<ShopFixture> read_fixtures(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<ShopFixture> shops;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    const auto fields = split(line, '\t');
    if (fields.size() != 6) {
      std::string message = path;
      message.append(":").append(std::to_string(number)).append(": expected 6 fields, found ");
      message.append(std::to_string(fields.size()));
      throw std::runtime_error(message);
    }
    ShopFixture shop;
    shop.id = std::stoll(fields[0]);
    shop.owner_token = fields[1];
    shop.contact_ids = list<std::int64_t>(fields[2], [](const auto& s) { return std::stoll(s); });
    shop.customer_phones = list<std::string>(fields[3], [](const auto& s) { return s; });
    shop.fresh_numbers =
        list<std::uint64_t>(fields[4], [](const auto& s) { return std::stoull(s); });
    shop.staff_emails = list<std::string>(fields[5], [](const auto& s) { return s; });
    shops.push_back(std::move(shop));
  }
  if (shops.empty()) throw std::runtime_error(path + " names no shop");
  return shops;
}

}  // namespace rx::bench
