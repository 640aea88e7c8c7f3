#include "import/header_matcher.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <unordered_map>

#include "import/cell_text.h"

namespace rx::import {
namespace {

// A header is a few words; a longer cell is a title or a note that merely mentions a phone.
constexpr int kMaxHeaderWords = 6;

enum class Word { kStrongPhone, kWeakPhone, kName, kPerson, kFiller };

// The words a header is read as, in English and in the scripts of India's most spoken languages
// (Hindi and Marathi in Devanagari, Gujarati, Tamil, Telugu, Kannada, Bengali), as people head
// their columns: "मोबाइल नंबर", "ग्राहक का नाम", "கைபேசி எண்", "ఫోన్ నంబర్". Written here as typed;
// the table holds their NFC forms, as the cells are compared in NFC.
struct WordList {
  Word kind;
  std::initializer_list<std::string_view> words;
};
const WordList kWordLists[] = {
    {Word::kStrongPhone,
     {
         "phone",
         "mobile",
         "mob",
         "cell",
         "whatsapp",
         // Hindi, Marathi
         "मोबाइल",
         "मोबाईल",
         "फोन",
         "फ़ोन",
         "व्हाट्सएप",
         "व्हाट्सऐप",
         "दूरभाष",
         "भ्रमणध्वनी",
         "दूरध्वनी",
         // Gujarati
         "મોબાઇલ",
         "મોબાઈલ",
         "ફોન",
         "વોટ્સએપ",
         // Tamil
         "கைபேசி",
         "அலைபேசி",
         "மொபைல்",
         "தொலைபேசி",
         "போன்",
         "ஃபோன்",
         // Telugu
         "ఫోన్",
         "మొబైల్",
         "సెల్",
         "చరవాణి",
         "సెల్‌ఫోన్",
         // Kannada
         "ಮೊಬೈಲ್",
         "ಫೋನ್",
         "ದೂರವಾಣಿ",
         "ಸೆಲ್",
         // Bengali
         "মোবাইল",
         "ফোন",
         "মুঠোফোন",
     }},
    {Word::kWeakPhone,
     {
         "contact",
         "number",
         // Hindi, Marathi
         "नंबर",
         "नम्बर",
         "संपर्क",
         "सम्पर्क",
         "संख्या",
         "क्रमांक",
         // Gujarati
         "નંબર",
         "સંપર્ક",
         // Tamil
         "எண்",
         "தொடர்பு",
         // Telugu
         "నంబర్",
         "నెంబర్",
         "నంబరు",
         "సంఖ్య",
         "సంప్రదింపు",
         // Kannada
         "ಸಂಖ್ಯೆ",
         "ನಂಬರ್",
         "ಸಂಪರ್ಕ",
         // Bengali
         "নম্বর",
         "নাম্বার",
         "যোগাযোগ",
     }},
    {Word::kName,
     {
         "name",
         // Hindi, Gujarati, Bengali "naam"; Marathi "naav"
         "नाम",
         "नाव",
         "નામ",
         "নাম",
         // Tamil, Telugu, Kannada
         "பெயர்",
         "పేరు",
         "ಹೆಸರು",
     }},
    {Word::kPerson,
     {
         "customer",
         "patient",
         // Hindi, Marathi
         "ग्राहक",
         "मरीज",
         "मरीज़",
         "रोगी",
         "रुग्ण",
         // Gujarati
         "ગ્રાહક",
         "દર્દી",
         // Tamil
         "வாடிக்கையாளர்",
         "நோயாளி",
         // Telugu
         "కస్టమర్",
         "వినియోగదారు",
         "రోగి",
         // Kannada
         "ಗ್ರಾಹಕ",
         "ಗ್ರಾಹಕರ",
         "ರೋಗಿ",
         // Bengali
         "গ্রাহক",
         "গ্রাহকের",
         "ক্রেতা",
         "ক্রেতার",
         "রোগী",
     }},
    {Word::kFiller,
     {
         "no",
         "num",
         "nos",
         // "of" and "No." in the languages above: "ग्राहक का नाम", "मोबाइल नं"
         "का",
         "की",
         "के",
         "नं",
         "चा",
         "ची",
         "चे",
         "क्र",
         "નો",
         "ની",
         "નું",
         "નં",
         "নং",
     }},
};

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || normalizer == nullptr) throw std::runtime_error("ICU NFC unavailable");
  return *normalizer;
}

// Part of a word: letters, and the vowel signs and viramas (marks) Indian scripts build them
// with. Joiners (ZWJ, ZWNJ) are dropped without splitting a word.
bool is_word_part(UChar32 c) {
  if (u_isalpha(c)) return true;
  const std::int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}
bool is_joiner(UChar32 c) { return c == 0x200C || c == 0x200D; }

// The words of `text`: NFC, lower case, split at anything that is not part of a word.
template <typename Each>
void for_each_word(std::string_view text, Each each) {
  const icu::Normalizer2& normalizer = nfc();
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString normalized =
      normalizer.normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                               text.data(), static_cast<std::int32_t>(text.size()))),
                           status);
  if (U_FAILURE(status)) return;
  std::string word;
  const auto finish = [&] {
    if (!word.empty()) each(std::string_view(word));
    word.clear();
  };
  for (std::int32_t i = 0; i < normalized.length();) {
    const UChar32 c = normalized.char32At(i);
    i += U16_LENGTH(c);
    if (is_joiner(c)) continue;
    if (!is_word_part(c)) {
      finish();
      continue;
    }
    char bytes[U8_MAX_LENGTH];
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(bytes, length, U8_MAX_LENGTH, u_tolower(c), error);
    if (!error) word.append(bytes, static_cast<std::size_t>(length));
  }
  finish();
}

// Every word of kWordLists in the form for_each_word gives it.
const std::unordered_map<std::string, Word>& vocabulary() {
  static const std::unordered_map<std::string, Word> words = [] {
    std::unordered_map<std::string, Word> out;
    for (const WordList& list : kWordLists) {
      for (std::string_view entry : list.words) {
        for_each_word(entry, [&](std::string_view w) { out.emplace(std::string(w), list.kind); });
      }
    }
    return out;
  }();
  return words;
}

}  // namespace

HeaderMatch match_header(std::string_view header) {
  bool strong_phone = false;
  bool weak_phone = false;
  bool name = false;
  bool person = false;
  bool other = false;
  int words = 0;
  const auto& known = vocabulary();
  for_each_word(header, [&](std::string_view word) {
    ++words;
    const auto it = known.find(std::string(word));
    if (it == known.end()) {
      other = true;
      return;
    }
    switch (it->second) {
      case Word::kStrongPhone:
        strong_phone = true;
        break;
      case Word::kWeakPhone:
        weak_phone = true;
        break;
      case Word::kName:
        name = true;
        break;
      case Word::kPerson:
        person = true;
        break;
      case Word::kFiller:
        break;
    }
  });
  if (words == 0 || words > kMaxHeaderWords) return {};
  if (strong_phone) return {HeaderRole::kPhone, 2};
  if (name) return {HeaderRole::kName, 0};
  if (weak_phone) return {HeaderRole::kPhone, 1};
  // "Customer" or "Patient" alone (or with each other) is the person's name; "Customer ID" is not.
  if (person && !other) return {HeaderRole::kName, 0};
  return {};
}

std::string header_signature(std::span<const std::string_view> cells) {
  // FNV-1a over the cells' words (NFC, lower case), cells separated, trailing empty cells
  // ignored: "Mobile No." and "mobile no" sign alike.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  const auto mix = [&](std::string_view bytes) {
    for (unsigned char b : bytes) {
      hash ^= b;
      hash *= 0x100000001b3ULL;
    }
  };
  std::size_t last = cells.size();
  while (last > 0 && trim_cell(cells[last - 1]).empty()) --last;
  for (std::size_t c = 0; c < last; ++c) {
    for_each_word(cells[c], [&](std::string_view word) {
      mix(word);
      mix(" ");
    });
    mix("\x1f");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
    hash >>= 4;
  }
  return out;
}

std::string column_letters(std::size_t column) {
  std::string letters;
  std::size_t n = column + 1;
  while (n > 0) {
    const std::size_t rem = (n - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return letters;
}

std::string column_label(std::size_t column) { return "Column " + column_letters(column); }

}  // namespace rx::import
