#pragma once

#include <tl/expected.hpp>

#include <string_view>

#include "import/contact_sink.h"
#include "import/import_types.h"
#include "import/sheet_choice.h"
#include "phone/phone_normalizer.h"

namespace rx::import {

// Reads a contact sheet held in memory (.xlsx, legacy .xls, or CSV/TSV/TXT in UTF-8, UTF-16 with
// BOM or Windows-1252; the format is recognised from the bytes, not the file name) and streams
// every valid phone number and every problem row to `sink`, in sheet order.
//
// The sheet read is the first worksheet with a phone column; its header row is the first row
// naming one (phone, mobile, mob, contact, cell, whatsapp, number); without a header, the column
// where most values are valid numbers. Duplicates are passed through: deduplication is the
// caller's job.
//
// Fails with kUnsupportedFormat for files that are not spreadsheets, kMalformed for damaged or
// hostile ones (truncated ZIP, bad XML, any DTD) and sheets without a phone column, kTooLarge when
// an .xlsx inflates past 200 MB. Contacts already sent to `sink` before a failure are not taken
// back: the caller should discard them (the usual case is a transaction it rolls back).
//
// `options` may choose the sheet, header row and columns (SheetChoice) and find a shop's saved
// mapping by the sheet's signature; a choice that does not fit the file is refused with
// ImportFailure::field naming it. The header row and columns chosen without a sheet apply to the
// first sheet.
tl::expected<ParseSummary, ImportFailure> parse_contact_sheet(
    std::string_view bytes, const phone::PhoneNormalizer& normalizer, ContactSink& sink,
    const ReadOptions& options = {});

}  // namespace rx::import
