#!/usr/bin/env python3
"""Writes the golden input files beside this script (the .expected.json files are written by
the test itself with RXTRACK_UPDATE_GOLDEN=1 and then reviewed by hand). freexl_memory_error.xls is
not generated: it is the input fuzz/fuzz_xls found that corrupts libfreexl's memory (legacy.xls
with two bits flipped); it must be refused as malformed without harming the process.

Text fixtures and .xlsx packages use only the standard library (the .xlsx XML is written by hand
so that every cell form is exactly controlled: shared strings, inline strings, rich text, numeric
text such as 9.876543210E9). The legacy .xls fixtures need Debian's python3-xlwt:
    apt-get install python3-xlwt && /usr/bin/python3 make_fixtures.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = (2024, 6, 1, 0, 0, 0)


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def text_fixtures():
    write("utf8_bom.csv", (
        "\ufeffName,Mobile No.,Area\r\n"
        "Meera Naidu,09965590172,Navrangpura\r\n"
        "Aarav Gupta,+91 97895 79280,Kothrud\r\n"
        "Aadhya Iyer,7095956249.0,Velachery\r\n").encode("utf-8"))

    unicode_text = (
        "Name\tPhone\tCity\r\n"
        "Rahul Verma\t+91-98765-43210\tपुणे\r\n"
        "Anjali Rao\t(0)80 2345 6789\tBengaluru\r\n"
        "Kiran Das\t919123456789\tकोलकाता\r\n")
    write("utf16le_bom.txt", b"\xff\xfe" + unicode_text.encode("utf-16-le"))
    write("utf16be_bom.txt", b"\xfe\xff" + unicode_text.encode("utf-16-be"))

    write("windows1252.csv", (
        "Customer;Mobile;Notes\r\n"
        "José Fernandes;9822012345;Café regular\r\n"
        "Zoë D'Souza;9822054321;Prefers “generic” brands\r\n"
        "Renée Pinto;98220 11111;€ 500 credit\r\n").encode("cp1252"))

    write("tab.tsv", (
        "Patient Name\tCell\tDoctor\n"
        "Suresh Menon\t9447012345\tDr. Nair\n"
        "Lakshmi Menon\t9447054321\t\n").encode())

    write("pipe.txt", (
        "Name|WhatsApp|Since\n"
        "Farhan Ali|+91 99300 12345|2019\n"
        "Sana Ali|99300 54321|2021\n").encode())

    write("quoted_newlines.csv", (
        'Name,Phone,Notes\n'
        '"Gupta, Ramesh",9810012345,"Diabetic\nNeeds reminders"\n'
        'Sunita Gupta,9810054321,"Says ""call after 6pm"""\n'
        '"Mohan\r\nLal",9810098765,\n').encode())

    write("title_rows.csv", (
        "Sharma Medical Store - Customer Contact List,,\n"
        "Exported 01/06/2024,,\n"
        ",,\n"
        "Name,Contact No,Area\n"
        "Vikram Singh,9829012345,Vaishali Nagar\n"
        ",,\n"
        "Pooja Singh,9829054321,Malviya Nagar\n").encode())

    write("headerless.csv", (
        "Arjun Reddy,9849012345,Banjara Hills\n"
        "Divya Reddy,9849054321,Jubilee Hills\n"
        "Kavya Rao,not known,Ameerpet\n"
        "Nikhil Rao,+91 98490 11111,Kukatpally\n").encode())

    write("multi_number.csv", (
        "Name,Phone,Area\n"
        "Asha Patel,9825012345 / 9825054321,Navrangpura\n"
        "Bhavin Patel,\"9825011111, 9825022222\",Maninagar\n"
        "Chirag Shah,9825033333; 12345,Satellite\n"
        "Deepa Shah,9825044444 or 079-2658 1234,Bopal\n"
        "Esha Mehta,9825055555 OR 9825066666 | 9825077777,Thaltej\n"
        "Farah Khan,12345 / abc,Paldi\n").encode())

    write("unicode_digits.csv", (
        "Name,Phone\n"
        "Devanagari,९८७६५४३२१०\n"
        "Arabic-Indic,٩٨٧٦٥٤٣٢١١\n"
        "Fullwidth,９８７６５４３２１２\n"
        "NBSP,98765\u00a043213\n"
        "Narrow NBSP,+91\u202f98765\u202f43214\n"
        "Figure space,98765\u200743215\n").encode())

    write("excel_damage.csv", (
        "Name,Phone\n"
        "Float text,9876543210.0\n"
        "Two zeros,9876543211.00\n"
        "Exact scientific,9.876543212E+09\n"
        "Shortened,9.87654E+09\n"
        "Lower e,9.876543213e9\n").encode())

    write("invalid_values.csv", (
        "Name,Mobile,Area\n"
        "Empty,,Andheri\n"
        "Spaces,   ,Bandra\n"
        "Letters,nil,Borivali\n"
        "Too short,98765,Dadar\n"
        "Too long,98765432101234567,Goregaon\n"
        "Invalid,5555555555,Juhu\n"
        "Valid,9820012345,Kurla\n").encode())

    # Only the phone column has a header; the lone "Phone" is a header, not a title.
    write("lone_header.csv", (
        ",Phone,\n"
        "Usha Kiran,9866012345,Secunderabad\n"
        "Ravi Kiran,9866054321,\n").encode())

    write("phone_last.csv", (
        "Sr No,Customer,Area,Visits,Phone Number\n"
        "1,Ritu Jain,Civil Lines,4,9414012345\n"
        "2,Amit Jain,,2,+919414054321\n").encode())


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(name, sheets, shared_strings=None, prefix=""):
    """sheets: list of (sheet name, part file name, sheetData XML) in workbook order."""
    p = prefix + ":" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<{p}workbook {ns} xmlns:r="{REL}"><{p}sheets>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
    parts = {}
    for i, (sheet_name, part, data) in enumerate(sheets, start=1):
        workbook += f'<{p}sheet name="{sheet_name}" sheetId="{i}" r:id="rId{i}"/>'
        rels += (f'<Relationship Id="rId{i}" Type="{REL}/worksheet" '
                 f'Target="worksheets/{part}"/>')
        parts["xl/worksheets/" + part] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<{p}worksheet {ns}><{p}sheetData>{data}</{p}sheetData></{p}worksheet>')
    workbook += f'</{p}sheets></{p}workbook>'
    if shared_strings is not None:
        n = len(sheets) + 1
        rels += f'<Relationship Id="rId{n}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        sst = "".join(shared_strings)
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{MAIN}" count="{len(shared_strings)}" '
            f'uniqueCount="{len(shared_strings)}">{sst}</sst>')
    rels += '</Relationships>'
    files = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
             "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels, **parts}
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for path, content in files.items():
            info = zipfile.ZipInfo(path, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8"))


def xlsx_fixtures():
    si = lambda s: f"<si><t>{s}</t></si>"
    # Shared strings, numeric cells (plain, scientific, float text), a rich-text name with a
    # phonetic run that must be skipped.
    xlsx("shared_strings.xlsx", [("Customers", "sheet1.xml",
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>9876543210</v></c><c r="C2" t="s"><v>4</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="n"><v>9.876543211E9</v></c><c r="C3"><v>42</v></c></row>'
        '<row r="4"><c r="A4" t="s"><v>6</v></c><c r="B4" t="n"><v>7095956249.0</v></c></row>'
        '<row r="5"><c r="A5" t="s"><v>7</v></c><c r="B5" t="s"><v>8</v></c></row>'
        '<row r="6"><c r="A6" t="s"><v>7</v></c><c r="B6"><v>98765</v></c></row>')],
        shared_strings=[si("Name"), si("Mobile"), si("Area"), si("Meera Naidu"), si("Kothrud"),
                        si("Aarav Gupta"), si("Aadhya Iyer"),
                        '<si><r><t>Ishaan </t></r><r><rPr><b/></rPr><t>Kapoor</t></r>'
                        '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>',
                        si("+91 98200 12345")])
    # Inline strings (what the samples use), a sparse row (cells skip columns), prefixed names.
    xlsx("inline_strings.xlsx", [("Sheet1", "sheet1.xml",
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c>'
        '<x:c r="B1" t="inlineStr"><x:is><x:t>Phone</x:t></x:is></x:c>'
        '<x:c r="D1" t="inlineStr"><x:is><x:t>Notes</x:t></x:is></x:c></x:row>'
        '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Rohan Das</x:t></x:is></x:c>'
        '<x:c r="B2" t="inlineStr"><x:is><x:t>098300 12345</x:t></x:is></x:c>'
        '<x:c r="D2" t="inlineStr"><x:is><x:t xml:space="preserve"> Asthma &amp; BP </x:t></x:is></x:c></x:row>'
        '<x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:t>+91 98300 54321</x:t></x:is></x:c>'
        '<x:c r="C4" t="inlineStr"><x:is><x:t>no header here</x:t></x:is></x:c></x:row>')],
        prefix="x")
    # The first sheet in workbook order has no phone column; the contacts sheet is second in
    # the workbook although its part is sheet1.xml.
    xlsx("first_sheet_without_phone.xlsx", [
        ("Summary", "sheet2.xml",
         '<row r="1"><c r="A1" t="inlineStr"><is><t>Month</t></is></c>'
         '<c r="B1" t="inlineStr"><is><t>Sales</t></is></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>May</t></is></c><c r="B2"><v>125000</v></c></row>'),
        ("Contacts", "sheet1.xml",
         '<row r="1"><c r="A1" t="inlineStr"><is><t>Customer Name</t></is></c>'
         '<c r="B1" t="inlineStr"><is><t>Mob. No.</t></is></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>Neha Joshi</t></is></c><c r="B2"><v>9960012345</v></c></row>'),
    ])
    # Title rows above the header and a headerless sheet.
    xlsx("xlsx_title_rows.xlsx", [("List", "sheet1.xml",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Apollo Pharmacy, Customer Contact List</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Name</t></is></c>'
        '<c r="B3" t="inlineStr"><is><t>Phone Number</t></is></c></row>'
        '<row r="4"><c r="A4" t="inlineStr"><is><t>Gita Iyer</t></is></c><c r="B4"><v>9444012345</v></c></row>'
        '<row r="6"><c r="A6" t="inlineStr"><is><t>Hari Iyer</t></is></c><c r="B6"><v>9.444054321E9</v></c></row>')])
    xlsx("xlsx_headerless.xlsx", [("Sheet1", "sheet1.xml",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Manoj Kumar</t></is></c><c r="B1"><v>9431012345</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Rekha Kumari</t></is></c><c r="B2"><v>9431054321</v></c></row>')])


def xls_fixtures():
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Customers")
    rows = [["Name", "Mobile", "Area"],
            ["José Fernandes", 9822012345, "Panjim"],
            ["Meera Naidu", "09965590172", "Navrangpura"],
            ["Aadhya Iyer", 7095956249.0, "Velachery"],
            ["Bad Number", 12345, ""]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value != "":
                sheet.write(r, c, value)
    book.save(os.path.join(HERE, "legacy.xls"))

    book = xlwt.Workbook(encoding="utf-8")
    summary = book.add_sheet("Summary")
    summary.write(0, 0, "Total customers")
    summary.write(0, 1, 2)
    contacts = book.add_sheet("Contacts")
    contacts.write(0, 0, "Sharma Medical Store")
    contacts.write(2, 0, "Patient")
    contacts.write(2, 1, "Contact")
    contacts.write(3, 0, "Kamla Devi")
    contacts.write(3, 1, "98290 12345 / 98290 54321")
    contacts.write(4, 0, "Ram Prasad")
    contacts.write(4, 1, 9829011111)
    book.save(os.path.join(HERE, "legacy_two_sheets.xls"))


if __name__ == "__main__":
    text_fixtures()
    xlsx_fixtures()
    try:
        xls_fixtures()
    except ImportError:
        print("python3-xlwt missing: .xls fixtures not regenerated")
