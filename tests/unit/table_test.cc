// The typed table description (storage/table.h): the SELECT list, the row reader and the
// parameters all come from one list of columns, and a round trip through a real SQLite database
// gives back the record it stored.
#include "storage/table.h"
#include "core/enum_names.h"
#include "core/error.h"
#include "core/strong_id.h"
#include "storage/database.h"
#include "storage/sql_text.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rx::storage {
namespace {

enum class Colour { kRed, kGreen };

}  // namespace
}  // namespace rx::storage

template <>
struct rx::core::EnumNames<rx::storage::Colour> {
  static constexpr std::array kNames = {
      std::pair{rx::storage::Colour::kRed, std::string_view("red")},
      std::pair{rx::storage::Colour::kGreen, std::string_view("green")},
  };
};

namespace rx::storage {
namespace {

struct Widget {
  core::Id<struct WidgetTag> id;
  core::ShopId shop_id;
  std::string name;
  std::optional<std::string> note;
  Colour colour = Colour::kRed;
  std::optional<Colour> previous_colour;
  std::int64_t price_paise = 0;
  std::optional<std::int64_t> sold_at;
  bool archived = false;
};

constexpr Table kWidgetKey(column("id", &Widget::id));
constexpr Table kWidgetFields(column("shop_id", &Widget::shop_id), column("name", &Widget::name),
                              column("note", &Widget::note), column("colour", &Widget::colour),
                              column("previous_colour", &Widget::previous_colour),
                              column("price_paise", &Widget::price_paise),
                              column("sold_at", &Widget::sold_at),
                              column("archived", &Widget::archived));

// A row held in memory, as an engine's RowView would present it.
class FakeRow final : public RowView {
 public:
  explicit FakeRow(std::vector<Value> cells) : cells_(std::move(cells)) {}
  std::size_t size() const override { return cells_.size(); }
  bool is_null(std::size_t i) const override { return cells_.at(i).is_null(); }
  std::int64_t int_at(std::size_t i) const override { return cells_.at(i).as_int(); }
  std::string_view text_at(std::size_t i) const override {
    text_ = cells_.at(i).as_text();
    return text_;
  }

 private:
  std::vector<Value> cells_;
  mutable std::string text_;
};

TEST(TableTest, SelectListAndAssignmentsFollowTheColumnsInOrder) {
  EXPECT_EQ(kWidgetKey.select_list("w."), "w.id");
  EXPECT_EQ(kWidgetFields.select_list(),
            "shop_id, name, note, colour, previous_colour, price_paise, sold_at, archived");
  EXPECT_EQ(kWidgetFields.select_list("w."),
            "w.shop_id, w.name, w.note, w.colour, w.previous_colour, w.price_paise, w.sold_at, "
            "w.archived");
  EXPECT_EQ(decltype(kWidgetFields)::placeholders(), "?, ?, ?, ?, ?, ?, ?, ?");
  EXPECT_EQ(kWidgetFields.assignments(),
            "shop_id = ?, name = ?, note = ?, colour = ?, previous_colour = ?, price_paise = ?, "
            "sold_at = ?, archived = ?");
  EXPECT_EQ(decltype(kWidgetFields)::size(), 8u);
}

TEST(TableTest, ReadsEachColumnFromItsPositionAfterTheKey) {
  const FakeRow row({Value(7), Value(3), Value("Crocin"), Value(), Value("green"), Value("red"),
                     Value(4500), Value(), Value(true)});
  Widget w = kWidgetKey.read(row);
  kWidgetFields.read_into(w, row, decltype(kWidgetKey)::size());
  EXPECT_EQ(w.id.value(), 7);
  EXPECT_EQ(w.shop_id, core::ShopId(3));
  EXPECT_EQ(w.name, "Crocin");
  EXPECT_EQ(w.note, std::nullopt);
  EXPECT_EQ(w.colour, Colour::kGreen);
  EXPECT_EQ(w.previous_colour, Colour::kRed);
  EXPECT_EQ(w.price_paise, 4500);
  EXPECT_EQ(w.sold_at, std::nullopt);
  EXPECT_TRUE(w.archived);
}

TEST(TableTest, SqlTextJoinsFragmentsWhenCompiling) {
  static constexpr auto kJoined = SqlText("a = ") + SqlText("rr.step") + SqlText(" AND b");
  static_assert(kJoined.view() == "a = rr.step AND b");
  constexpr Table kNamed(column(kJoined, &Widget::price_paise));
  EXPECT_EQ(kNamed.select_list(), "a = rr.step AND b");
}

TEST(TableTest, BindsEachMemberAsTheDatabaseStoresIt) {
  Widget w;
  w.shop_id = core::ShopId(9);
  w.name = "Dolo";
  w.note = "top shelf";
  w.colour = Colour::kGreen;
  w.price_paise = 123;
  w.sold_at = 1'700'000'000'000;
  const Params p = kWidgetFields.params(w);
  ASSERT_EQ(p.size(), 8u);
  EXPECT_EQ(p[0].as_int(), 9);
  EXPECT_EQ(p[1].as_text(), "Dolo");
  EXPECT_EQ(p[2].as_text(), "top shelf");
  EXPECT_EQ(p[3].as_text(), "green");
  EXPECT_TRUE(p[4].is_null());
  EXPECT_EQ(p[5].as_int(), 123);
  EXPECT_EQ(p[6].as_int(), 1'700'000'000'000);
  EXPECT_EQ(p[7].as_int(), 0);
}

TEST(TableTest, AnEnumNameTheProgramDoesNotKnowIsAnErrorNotAGuess) {
  const FakeRow row({Value("purple")});
  constexpr Table kColourOnly(column("colour", &Widget::colour));
  try {
    (void)kColourOnly.read(row);
    FAIL() << "an unknown enum name was read";
  } catch (const core::AppError& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::kInternal);
    EXPECT_EQ(e.details().at("value"), "purple");
  }
}

TEST(TableTest, RoundTripThroughSqlite) {
  const auto path =
      std::filesystem::temp_directory_path() / ("rxunit_table_" + std::to_string(getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto db = open_database("sqlite:" + path.string(), 1);
    db->with_connection([](Connection& c) {
      c.execute_script(
          "CREATE TABLE widgets (id INTEGER PRIMARY KEY, shop_id INTEGER NOT NULL, name TEXT NOT "
          "NULL, note TEXT, colour TEXT NOT NULL, previous_colour TEXT, price_paise INTEGER NOT "
          "NULL, sold_at INTEGER, archived INTEGER NOT NULL)");
      Widget w;
      w.shop_id = core::ShopId(4);
      w.name = "Azithral";
      w.colour = Colour::kGreen;
      w.previous_colour = Colour::kRed;
      w.price_paise = 9900;
      w.archived = true;
      const std::int64_t id =
          c.insert_returning_id("INSERT INTO widgets (" + kWidgetFields.select_list() +
                                    ") VALUES (" + decltype(kWidgetFields)::placeholders() + ")",
                                kWidgetFields.params(w));

      const auto read =
          first_row_as(c,
                       "SELECT " + kWidgetKey.select_list("w.") + ", " +
                           kWidgetFields.select_list("w.") + " FROM widgets w WHERE w.id = ?",
                       {id}, [](const RowView& r) {
                         Widget out = kWidgetKey.read(r);
                         kWidgetFields.read_into(out, r, decltype(kWidgetKey)::size());
                         return out;
                       });
      ASSERT_TRUE(read);
      EXPECT_EQ(read->id.value(), id);
      EXPECT_EQ(read->shop_id, core::ShopId(4));
      EXPECT_EQ(read->name, "Azithral");
      EXPECT_EQ(read->note, std::nullopt);
      EXPECT_EQ(read->colour, Colour::kGreen);
      EXPECT_EQ(read->previous_colour, Colour::kRed);
      EXPECT_EQ(read->price_paise, 9900);
      EXPECT_EQ(read->sold_at, std::nullopt);
      EXPECT_TRUE(read->archived);
    });
    db->close();
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

}  // namespace
}  // namespace rx::storage
