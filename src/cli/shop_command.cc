#include "cli/commands.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/json_fields.h"
#include "messaging/webhook_key_repository.h"
#include "shops/shop_service.h"
#include "staff/staff_rules.h"
#include "storage/migrations.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace rx::cli {
namespace {

struct ShopCreateArgs {
  std::string db_url;
  std::string name;
  std::string owner_name;
  std::string owner_email;
};

// The owner's password comes from standard input (first line), never from the command line,
// where other users could read it in the process list.
std::string read_password_from_stdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int create_shop(const ShopCreateArgs& args) {
  nlohmann::json body = {{"shop_name", args.name},
                         {"owner_name", args.owner_name},
                         {"email", args.owner_email},
                         {"password", read_password_from_stdin()}};
  core::FieldReader fields(body);
  shops::NewShop shop;
  shop.shop_name = fields.text("shop_name", core::Presence::kRequired, 120).value_or("");
  shop.owner_name = fields.text("owner_name", core::Presence::kRequired, 120).value_or("");
  shop.owner_email = staff::read_email(fields, "email").value_or("");
  shop.owner_password = staff::read_password(fields, "password").value_or("");
  fields.finish();

  core::SystemClock clock;
  auto db = storage::open_database(args.db_url, 1);
  storage::migrate(*db, clock.now_ms());
  shops::ShopService service(*db, clock, messaging::WebhookKeyRepository::insert_new_shop_keys);
  shops::CreatedShop created = service.create(shop, false);
  std::printf("%s\n", nlohmann::json({{"shop_id", created.shop_id}, {"owner_id", created.owner_id}})
                          .dump()
                          .c_str());
  return 0;
}

}  // namespace

Action add_shop_command(CLI::App& app) {
  auto args = std::make_shared<ShopCreateArgs>();
  CLI::App* shop = app.add_subcommand("shop", "Manage shops");
  shop->require_subcommand(1);
  CLI::App* create =
      shop->add_subcommand("create", "Create a shop and its owner (password on stdin)");
  add_db_option(*create, args->db_url);
  create->add_option("--name", args->name, "the shop's name")->required();
  create->add_option("--owner-name", args->owner_name, "the owner's name")->required();
  create->add_option("--owner-email", args->owner_email, "the owner's sign-in email")->required();
  return [args, create] {
    if (!create->parsed()) return 0;
    return run_reporting_errors([&] { return create_shop(*args); });
  };
}

}  // namespace rx::cli
