#include "import/xml_part_parser.h"

#include <expat.h>

#include <cstring>
#include <memory>

#include "import/import_limits.h"

namespace rx::import {
namespace {

// Namespace processing is off: it costs a third of the parse (expat builds "uri name" strings
// for every element and attribute) and OOXML readers match local names anyway. A prefix
// ("x:row", "r:id") is cut at the colon.
constexpr char kPrefixSeparator = ':';

// The name after its last prefix separator, in one pass (this runs for every element).
std::string_view local_name(const char* name) {
  const char* start = name;
  const char* p = name;
  for (; *p != '\0'; ++p) {
    if (*p == kPrefixSeparator) start = p + 1;
  }
  return std::string_view(start, static_cast<std::size_t>(p - start));
}

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

struct Context {
  XML_Parser parser;
  XmlHandler* handler;
  bool doctype = false;
};

void halt_if_stopped(Context& context) {
  if (context.handler->stopped()) XML_StopParser(context.parser, XML_FALSE);
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& context = *static_cast<Context*>(data);
  if (context.handler->stopped()) return;
  context.handler->start_element(local_name(name), attributes);
  halt_if_stopped(context);
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto& context = *static_cast<Context*>(data);
  if (context.handler->stopped()) return;
  context.handler->end_element(local_name(name));
  halt_if_stopped(context);
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  auto& context = *static_cast<Context*>(data);
  if (context.handler->stopped()) return;
  context.handler->characters(std::string_view(text, static_cast<std::size_t>(length)));
  halt_if_stopped(context);
}

// Spreadsheet parts never carry a DTD; one is refused before any entity it declares can expand.
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto& context = *static_cast<Context*>(data);
  context.doctype = true;
  XML_StopParser(context.parser, XML_FALSE);
}

void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                       const XML_Char*, const XML_Char*, const XML_Char*) {
  auto& context = *static_cast<Context*>(data);
  context.doctype = true;
  XML_StopParser(context.parser, XML_FALSE);
}

tl::unexpected<ImportFailure> malformed(std::string message) {
  return refused(ImportFailure::Kind::kMalformed, std::move(message));
}

}  // namespace

std::optional<std::string_view> XmlHandler::attribute(const char** attributes,
                                                      std::string_view name, bool namespaced) {
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    const std::string_view local = local_name(a[0]);
    if (local != name) continue;
    if (namespaced && local.data() == a[0]) continue;  // no prefix
    return std::string_view(a[1]);
  }
  return std::nullopt;
}

tl::expected<void, ImportFailure> parse_xml_part(
    const ZipArchive& archive, std::uint64_t index, InflateBudget& budget, XmlHandler& handler,
    const std::function<void(std::uint64_t)>& progress) {
  const std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate(nullptr));
  if (!parser) return malformed("Out of memory while reading the Excel file.");
  Context context{parser.get(), &handler};
  XML_SetUserData(parser.get(), &context);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  XML_SetEntityDeclHandler(parser.get(), on_entity);
  // Never fetch or read external entities, whatever the document asks for.
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

  std::uint64_t inflated = 0;
  std::uint64_t reported = 0;
  bool xml_error = false;
  auto feed = [&](std::string_view chunk) {
    inflated += chunk.size();
    if (XML_Parse(parser.get(), chunk.data(), static_cast<int>(chunk.size()), XML_FALSE) ==
        XML_STATUS_ERROR) {
      xml_error = true;
      return false;
    }
    if (progress && inflated - reported >= kProgressStepBytes) {
      reported = inflated;
      progress(inflated);
    }
    return true;
  };
  if (auto read = archive.read(index, budget, feed); !read) return read;

  auto explain = [&]() -> tl::expected<void, ImportFailure> {
    if (context.doctype) {
      return malformed("The Excel file contains a DTD, which spreadsheets never need; refused.");
    }
    if (handler.failure()) return tl::unexpected<ImportFailure>(*handler.failure());
    if (handler.stopped()) return {};
    return malformed(std::string("The Excel file is damaged (XML error: ") +
                     XML_ErrorString(XML_GetErrorCode(parser.get())) + " at line " +
                     std::to_string(XML_GetCurrentLineNumber(parser.get())) + ").");
  };
  if (xml_error) return explain();
  if (handler.stopped() || context.doctype) return explain();
  if (XML_Parse(parser.get(), nullptr, 0, XML_TRUE) == XML_STATUS_ERROR) return explain();
  return {};
}

}  // namespace rx::import
