#include "core/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>

namespace rx::core {
namespace {

TEST(JsonWriterTest, WritesNestedValuesWithCommasInTheRightPlaces) {
  JsonWriter w;
  w.begin_object()
      .field("id", 7)
      .field("name", std::optional<std::string>{})
      .field("ok", true)
      .key("items")
      .begin_array()
      .number(-1)
      .string("a")
      .begin_object()
      .end_object()
      .begin_array()
      .end_array()
      .end_array()
      .key("extra")
      .raw(R"({"k":"v"})")
      .end_object();
  EXPECT_EQ(w.text(), R"({"id":7,"name":null,"ok":true,"items":[-1,"a",{},[]],"extra":{"k":"v"}})");
  EXPECT_TRUE(nlohmann::json::accept(w.text()));
}

TEST(JsonWriterTest, EscapesWhatJsonRequires) {
  JsonWriter w;
  w.string(std::string("q\"b\\n\nr\rt\tnul\x01\x1f\0", 16));  // ends in a NUL byte
  EXPECT_EQ(w.text(), R"("q\"b\\n\nr\rt\tnul\u0001\u001f\u0000")");
}

TEST(JsonWriterTest, KeysFromDataAreEscaped) {
  JsonWriter w;
  w.begin_object().key_text("Mob. \"No\"").string("1").key_text("\xC0").null().end_object();
  EXPECT_EQ(w.text(), "{\"Mob. \\\"No\\\"\":\"1\",\"\xEF\xBF\xBD\":null}");
  EXPECT_TRUE(nlohmann::json::accept(w.text()));
}

TEST(JsonWriterTest, ReplacesBytesThatAreNotUtf8) {
  JsonWriter w;
  // Devanagari ९ stays; a lone continuation byte, a truncated sequence, an overlong '/' and a
  // surrogate each become U+FFFD.
  w.string("\xE0\xA5\xAF|\x80|\xE0\xA5|\xC0\xAF|\xED\xA0\x80");
  EXPECT_EQ(nlohmann::json::parse(w.text()).get<std::string>(),
            "\xE0\xA5\xAF|\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|"
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

// Any valid UTF-8 string comes back unchanged through a JSON parser.
TEST(JsonWriterTest, RandomTextRoundTripsThroughAParser) {
  std::mt19937 random(42);
  std::uniform_int_distribution<int> code_point(0, 0x10FFFF);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = 0; i < 12; ++i) {
      int cp = code_point(random) % (round % 3 == 0 ? 0x80 : 0x110000);
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0x41;
      // Encode by hand: nlohmann has no code point -> UTF-8 helper.
      if (cp < 0x80) {
        text += static_cast<char>(cp);
      } else if (cp < 0x800) {
        text += static_cast<char>(0xC0 | (cp >> 6));
        text += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        text += static_cast<char>(0xE0 | (cp >> 12));
        text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        text += static_cast<char>(0xF0 | (cp >> 18));
        text += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
    JsonWriter w;
    w.begin_object().field("t", text).end_object();
    EXPECT_EQ(nlohmann::json::parse(w.text())["t"].get<std::string>(), text);
  }
}

}  // namespace
}  // namespace rx::core
