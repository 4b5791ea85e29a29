"""Words of the package tools (python -m khcn_dash.packages, the Excel template): every message of the
validation report, the command line's texts, the template's notes. Each is a (vi, en) pair, or a
template of one filled by str.format with values (ids, cell values, numbers) that need no translation.

Length: over 400 lines because every check of the build and every refusal of a file has its own
message in two languages; there is no code here beyond the dictionaries and their look-ups.
"""
from __future__ import annotations

from . import Pair

# --- the report -----------------------------------------------------------------------------------

REPORT_HEAD: dict[str, Pair] = {
    "table": ("bảng", "table"),
    "row": ("dòng", "row"),
    "column": ("cột", "column"),
    "problem": ("lỗi", "problem"),
}
REPORT_TITLE: Pair = ("Kiểm tra {source}", "Checking {source}")
REPORT_VALID: Pair = (
    "Hợp lệ: gói {package} ({province}, kế hoạch năm {year}, văn bản số {number}{fictional}) qua mọi kiểm tra.",
    "Valid: package {package} ({province}, plan year {year}, document {number}{fictional}) passes every check.",
)
FICTIONAL: Pair = ("; dữ liệu hư cấu để thử", "; fictional test data")
REPORT_INVALID: Pair = ("Không hợp lệ: {n} lỗi. Không có gì được ghi.", "Not valid: {n} problem(s). Nothing was written.")
REPORT_MORE: Pair = ("… và {n} lỗi nữa.", "… and {n} more.")
ROWS_NOTE: Pair = (
    "Số dòng tính cả dòng tiêu đề là dòng 1, như trong bảng tính.",
    "Row numbers count the header as row 1, as a spreadsheet does.",
)
DOMAIN_SKIPPED: Pair = (
    "Các kiểm tra nội dung (câu trích có trong văn bản, tổng khớp các phần, giá trị có trong câu trích) "
    "chạy khi các lỗi trên đã được sửa.",
    "The content checks (quotes in the text, totals that reconcile, values in their quotes) run once "
    "the problems above are fixed.",
)
TYPE_WORDS: dict[str, Pair] = {
    "integer": ("số nguyên", "a whole number"),
    "number": ("số (dấu chấm thập phân, không dấu phân cách hàng nghìn, ví dụ 66769.9)",
               "a number (decimal point, no thousands separator, e.g. 66769.9)"),
    "date": ("ngày dạng NĂM-THÁNG-NGÀY (ví dụ {doc.issued_on})", "a date as YEAR-MONTH-DAY (e.g. {doc.issued_on})"),
    "string": ("chữ", "text"),
    "boolean": ("true hoặc false", "true or false"),
    "period": ("khoảng năm dạng NĂM-NĂM (ví dụ {doc.review_period})", "a span of years as YEAR-YEAR (e.g. {doc.review_period})"),
    "year": ("năm (số nguyên, ví dụ {doc.plan})", "a year (a whole number, e.g. {doc.plan})"),
    "text": ("chữ, không để trống", "text, not empty"),
    "id": ("mã viết thường không dấu, số và gạch nối (ví dụ {doc.province_id})",
           "an id of lower-case ASCII letters, digits and hyphens (e.g. {doc.province_id})"),
}

# Every problem the report can name: key -> (vi, en) template.
MESSAGES: dict[str, Pair] = {
    # what came in
    "path_missing": ("Không tìm thấy «{path}».", "«{path}» does not exist."),
    "path_unreadable": ("Không đọc được «{path}» ({reason}).", "«{path}» cannot be read ({reason})."),
    "path_not_file": ("«{path}» không phải tệp hay thư mục thường.", "«{path}» is not a regular file or folder."),
    "too_large": (
        "Tệp nặng {size} MB, quá giới hạn {limit} MB cho một gói.",
        "The file is {size} MB, over the {limit} MB limit for a package.",
    ),
    "not_zip_or_xlsx": (
        "Tệp không phải .zip hay sổ tính Excel .xlsx (xét theo nội dung tệp, không theo đuôi tên tệp).",
        "The file is neither a .zip nor an Excel .xlsx workbook (judged by its content, not its name).",
    ),
    "old_xls": (
        "Tệp là sổ tính Excel kiểu cũ (.xls) hoặc có đặt mật khẩu; hãy lưu thành .xlsx không mật khẩu.",
        "The file is an old-style Excel workbook (.xls) or a password-protected one; save it as .xlsx "
        "without a password.",
    ),
    "bad_zip": ("Tệp zip bị hỏng, không mở được.", "The zip file is damaged and cannot be opened."),
    "zip_too_many": (
        "Tệp zip có {n} mục, quá giới hạn {limit} mục.",
        "The zip file has {n} entries, over the limit of {limit}.",
    ),
    "zip_unsafe_path": (
        "Mục «{name}» trong tệp zip trỏ ra ngoài thư mục gói (đường dẫn tuyệt đối hoặc «..»); tệp bị từ chối, "
        "không giải nén gì.",
        "The zip entry «{name}» points outside the package folder (an absolute path or «..»); the file is "
        "refused and nothing is unpacked.",
    ),
    "zip_symlink": (
        "Mục «{name}» trong tệp zip là liên kết (symlink); gói chỉ được chứa tệp thường.",
        "The zip entry «{name}» is a symbolic link; a package holds regular files only.",
    ),
    "zip_special": (
        "Mục «{name}» trong tệp zip không phải tệp thường.",
        "The zip entry «{name}» is not a regular file.",
    ),
    "zip_encrypted": (
        "Mục «{name}» trong tệp zip có mật khẩu; hãy nén lại không mật khẩu.",
        "The zip entry «{name}» is password-protected; zip it again without a password.",
    ),
    "zip_duplicate": (
        "Tệp zip có hai mục cùng tên «{name}».",
        "The zip file has two entries named «{name}».",
    ),
    "zip_too_big": (
        "Giải nén ra {size} MB, quá giới hạn {limit} MB (nghi là «zip bomb»); không giải nén.",
        "It would unpack to {size} MB, over the {limit} MB limit (a likely zip bomb); nothing is unpacked.",
    ),
    "zip_ratio": (
        "Mục «{name}» nén với tỉ lệ {ratio}:1, quá tỉ lệ {limit}:1 cho phép (nghi là «zip bomb»); "
        "không giải nén.",
        "The entry «{name}» is compressed {ratio}:1, over the {limit}:1 allowed (a likely zip bomb); "
        "nothing is unpacked.",
    ),
    "zip_lies": (
        "Mục «{name}» giải nén ra nhiều hơn kích thước nó khai; tệp bị từ chối.",
        "The entry «{name}» unpacks to more than the size it declares; the file is refused.",
    ),
    "folder_symlink": (
        "«{name}» trong thư mục gói là liên kết (symlink); gói chỉ được chứa tệp thường.",
        "«{name}» in the package folder is a symbolic link; a package holds regular files only.",
    ),
    "folder_special": (
        "«{name}» trong thư mục gói không phải tệp thường.",
        "«{name}» in the package folder is not a regular file.",
    ),
    "folder_too_big": (
        "Thư mục gói nặng {size} MB, quá giới hạn {limit} MB.",
        "The package folder holds {size} MB, over the {limit} MB limit.",
    ),
    "no_descriptor": (
        "Thiếu tệp mô tả gói datapackage.json (ở thư mục gốc của gói hoặc của tệp zip).",
        "The package descriptor datapackage.json is missing (at the root of the package or of the zip).",
    ),
    # the workbook
    "workbook_unreadable": (
        "Không đọc được sổ tính Excel (tệp hỏng hoặc không phải .xlsx).",
        "The Excel workbook cannot be read (damaged, or not an .xlsx).",
    ),
    "sheet_missing": ("Thiếu trang tính «{sheet}».", "The sheet «{sheet}» is missing."),
    "sheet_missing_descriptor": (
        "Thiếu trang tính «datapackage»: mô tả gói (tỉnh, văn bản, năm kế hoạch).",
        "The sheet «datapackage» is missing: the package's descriptor (province, document, plan year).",
    ),
    "sheet_empty": (
        "Trang tính «{sheet}» trống (không có cả dòng tiêu đề).",
        "The sheet «{sheet}» is empty (not even a header row).",
    ),
    "sheet_too_long": (
        "Trang tính «{sheet}» có hơn {limit} dòng.",
        "The sheet «{sheet}» has more than {limit} rows.",
    ),
    "formula": (
        "Ô {cell} chứa công thức «{formula}»; gói chỉ nhận giá trị (hãy dán lại dạng «chỉ giá trị»).",
        "Cell {cell} holds the formula «{formula}»; a package takes values only (paste it again as values).",
    ),
    "descriptor_key_unknown": (
        "Trang «datapackage»: khoá «{key}» không có trong mẫu.",
        "Sheet «datapackage»: the key «{key}» is not one of the template's.",
    ),
    "descriptor_key_twice": (
        "Trang «datapackage»: khoá «{key}» xuất hiện hai lần.",
        "Sheet «datapackage»: the key «{key}» appears twice.",
    ),
    # the descriptor
    "descriptor_not_json": (
        "datapackage.json không phải JSON hợp lệ (dòng {line}, cột {col}).",
        "datapackage.json is not valid JSON (line {line}, column {col}).",
    ),
    "descriptor_not_object": (
        "datapackage.json phải là một đối tượng JSON {{…}}.",
        "datapackage.json must be a JSON object {{…}}.",
    ),
    "identity_missing": (
        "Mô tả gói thiếu «{key}».",
        "The descriptor lacks «{key}».",
    ),
    "identity_bad": (
        "Mô tả gói: «{key}» là «{value}», phải là {expected}.",
        "The descriptor's «{key}» is «{value}»; it must be {expected}.",
    ),
    "name_mismatch": (
        "Tên gói «{name}» phải là «{expected}» (mã tỉnh, gạch nối, năm kế hoạch).",
        "The package's name «{name}» must be «{expected}» (province id, hyphen, plan year).",
    ),
    "resources_missing": (
        "datapackage.json không có danh sách «resources» (các bảng và lược đồ); chạy "
        "python -m khcn_dash.packages descriptor ĐƯỜNG_DẪN để viết lại.",
        "datapackage.json has no «resources» (the tables and their schemas); run "
        "python -m khcn_dash.packages descriptor PATH to write them.",
    ),
    "resource_differs": (
        "datapackage.json: tài nguyên «{name}» khác lược đồ của phiên bản này; chạy "
        "python -m khcn_dash.packages descriptor ĐƯỜNG_DẪN để viết lại.",
        "datapackage.json: the resource «{name}» differs from this version's schema; run "
        "python -m khcn_dash.packages descriptor PATH to rewrite it.",
    ),
    "resource_absent": (
        "datapackage.json thiếu tài nguyên «{name}».",
        "datapackage.json lacks the resource «{name}».",
    ),
    "resource_extra": (
        "datapackage.json có tài nguyên «{name}» không thuộc lược đồ.",
        "datapackage.json has a resource «{name}» that is not in the schema.",
    ),
    # files
    "file_missing": ("Thiếu tệp {file}.", "The file {file} is missing."),
    "file_empty": ("Tệp {file} trống.", "The file {file} is empty."),
    "not_utf8": (
        "{file} không phải mã UTF-8 (byte lạ ở dòng {line}); hãy lưu lại với bảng mã UTF-8 "
        "(trong Excel: «CSV UTF-8»).",
        "{file} is not UTF-8 (an unexpected byte on line {line}); save it again as UTF-8 "
        "(in Excel: «CSV UTF-8»).",
    ),
    "bom": (
        "{file} bắt đầu bằng dấu BOM; hãy lưu lại dạng UTF-8 không BOM.",
        "{file} starts with a byte-order mark (BOM); save it again as UTF-8 without a BOM.",
    ),
    "csv_unreadable": (
        "{file} không đọc được như CSV (dòng {line}): có ký tự NUL hoặc dấu ngoặc kép không đóng.",
        "{file} cannot be read as CSV (line {line}): a NUL character or an unclosed quote.",
    ),
    "document_empty": ("Văn bản (document.txt) trống.", "The document (document.txt) is empty."),
    "geojson_bad": (
        "geo/districts.geojson không hợp lệ: {what}.",
        "geo/districts.geojson is not valid: {what}.",
    ),
    # headers and rows
    "column_missing": ("Thiếu cột «{column}».", "The column «{column}» is missing."),
    "column_extra": ("Cột «{column}» không có trong lược đồ của bảng.", "The column «{column}» is not in the table's schema."),
    "column_blank": ("Có cột không tên (ô tiêu đề trống).", "A column has no name (an empty header cell)."),
    "column_twice": ("Cột «{column}» xuất hiện hai lần.", "The column «{column}» appears twice."),
    "column_order": (
        "Các cột đủ nhưng sai thứ tự; thứ tự đúng: {expected}.",
        "The columns are all there but out of order; the order is: {expected}.",
    ),
    "row_cells": (
        "Dòng có {n} ô, tiêu đề có {m} cột.",
        "The row has {n} cells; the header has {m} columns.",
    ),
    "blank_row": ("Dòng trống.", "The row is empty."),
    "wrong_type": ("«{value}» không phải {expected}.", "«{value}» is not {expected}."),
    "too_many_decimals": (
        "«{value}» có quá {scale} chữ số sau dấu thập phân.",
        "«{value}» has more than {scale} decimal places.",
    ),
    "number_range": (
        "«{value}» quá lớn: tối đa {digits} chữ số trước dấu thập phân.",
        "«{value}» is too large: at most {digits} digits before the decimal point.",
    ),
    "integer_range": (
        "«{value}» vượt giới hạn của số nguyên (±2147483647).",
        "«{value}» is out of the whole-number range (±2147483647).",
    ),
    "required": ("Ô bắt buộc nhưng để trống.", "A required cell is empty."),
    "unknown_code": (
        "«{value}» không phải mã được chấp nhận; các mã: {codes}.",
        "«{value}» is not an accepted code; the codes are: {codes}.",
    ),
    "constraint": ("«{value}» không thoả ràng buộc của cột.", "«{value}» breaks the column's constraint."),
    "duplicate_key": (
        "Khoá ({columns}) = ({values}) trùng với dòng {first}.",
        "The key ({columns}) = ({values}) repeats row {first}.",
    ),
    "duplicate_key_seen": (
        "Khoá ({columns}) = ({values}) trùng với một dòng trước.",
        "The key ({columns}) = ({values}) repeats an earlier row.",
    ),
    "foreign_key": (
        "{columns} = «{values}» không có trong bảng {ref} (cột {ref_columns}).",
        "{columns} = «{values}» is not in the table {ref} (column {ref_columns}).",
    ),
    "same_more": (
        "… và {n} dòng nữa của bảng này có cùng lỗi ở cột này.",
        "… and {n} more row(s) of this table with the same problem in this column.",
    ),
    "structure_other": ("Lỗi cấu trúc loại «{kind}».", "Structural problem «{kind}»: {note}"),
    # the package agrees with itself
    "province_mismatch": (
        "province là «{value}», nhưng gói là của tỉnh «{expected}» (datapackage.json); một gói chỉ chứa dữ "
        "liệu của tỉnh mình.",
        "province is «{value}», but the package is the province «{expected}»'s (datapackage.json); a package "
        "holds its own province's data only.",
    ),
    "province_all": (
        "Mọi dòng của gói ghi province «{value}», còn datapackage.json ghi tỉnh «{expected}»: dữ liệu là của một "
        "tỉnh khác.",
        "Every row says province «{value}», but datapackage.json says «{expected}»: the data is another province's.",
    ),
    "period_unknown": (
        "period «{value}» không phải năm kế hoạch ({plan_year}) hay giai đoạn tổng kết ({review}) của gói.",
        "period «{value}» is neither the package's plan year ({plan_year}) nor its review period ({review}).",
    ),
    "district_unknown": (
        "Huyện «{value}» không có trong ranh giới huyện của gói (geo/districts.geojson: {known}).",
        "The district «{value}» is not one of the package's district boundaries (geo/districts.geojson: {known}).",
    ),
    "fact_mismatch": (
        "{fact} trong document_facts là «{value}», còn datapackage.json ghi «{expected}».",
        "document_facts gives {fact} as «{value}», but datapackage.json says «{expected}».",
    ),
    "fact_missing": (
        "document_facts thiếu dòng fact = «{fact}» (datapackage.json ghi «{expected}»).",
        "document_facts has no row with fact = «{fact}» (datapackage.json says «{expected}»).",
    ),
    # the content checks (khcn_dash.checks, run by a trial build)
    "check_failed": ("Kiểm tra không đạt: {check}. {rows}", "Check failed: {check}. {rows}"),
    "build_refused": ("Bản dựng thử từ chối dữ liệu: {text}", "The trial build refused the data: {text}"),
    "build_crashed": (
        "Lỗi không lường trước khi dựng thử ({error}); hãy báo cho bộ phận kỹ thuật.",
        "An unexpected error in the trial build ({error}); please tell the technical team.",
    ),
}

CHECK_ROWS: Pair = ("{n} dòng: {rows}", "{n} row(s): {rows}")
CHECK_ROWS_AT: Pair = ("{n} dòng (dòng {lines} của bảng): {rows}", "{n} row(s) (row {lines} of the table): {rows}")
CHECK_ROWS_UNCOUNTED: Pair = ("Các dòng: {rows}", "Rows: {rows}")

# What a GeoJSON problem is (geojson_bad's {what}).
GEOJSON_WHAT: dict[str, Pair] = {
    "not_json": ("không phải JSON (dòng {line})", "not JSON (line {line})"),
    "not_collection": ("không phải một FeatureCollection có danh sách features",
                       "not a FeatureCollection with a list of features"),
    "no_features": ("không có huyện nào", "it holds no district"),
    "property_missing": ("huyện thứ {n} thiếu thuộc tính «{key}»", "feature {n} lacks the property «{key}»"),
    "geometry": ("huyện «{id}» không có hình dạng Polygon hay MultiPolygon",
                 "the district «{id}» has no Polygon or MultiPolygon geometry"),
    "id_twice": ("mã huyện «{id}» xuất hiện hai lần", "the district id «{id}» appears twice"),
}

# The reasons a path cannot be read (path_unreadable's {reason}).
READ_REASONS: dict[str, Pair] = {
    "permission": ("không có quyền đọc", "permission denied"),
    "io": ("lỗi đọc tệp", "a read error"),
}

# --- the content checks' names (khcn_dash/checks.py), in both languages ----------------------------
# Named checks, exactly as checks.py names them (the name is the English): name -> Vietnamese.
_CHECK_NAMES_VI: dict[str, str] = {
    "investment lines name a project, recurrent lines do not":
        "dòng chi đầu tư phải nêu dự án, dòng chi sự nghiệp thì không",
    "plan lines and only plan lines carry a project status": "chỉ các dòng kế hoạch mới có tình trạng dự án",
    "money is never negative": "số tiền không được âm",
    "no infrastructure project got more than its approved total":
        "không dự án hạ tầng nào được cấp quá tổng mức được duyệt",
    "IP scope matches its areas (province: none, district: one, area: several)":
        "phạm vi tài sản trí tuệ khớp với các huyện của nó (tỉnh: không huyện nào, huyện: một, vùng: nhiều)",
    "district ids are those of the GeoJSON": "mã huyện phải có trong GeoJSON",
    "each district of the GeoJSON has its own id": "mỗi huyện trong GeoJSON có mã riêng, không trùng",
    "an instrument's issue date agrees with its year": "ngày ban hành văn bản khớp với năm của nó",
    "every activity area has at least one action": "mỗi nhóm nhiệm vụ có ít nhất một hoạt động",
    "every research field of the plan has at least one direction":
        "mỗi lĩnh vực nghiên cứu của năm kế hoạch có ít nhất một định hướng",
    "review_items: the section is the most specific one holding the quote":
        "review_items: mục ghi trên dòng phải là mục nhỏ nhất chứa câu trích",
    "every stated total equals the sum of its parts": "mỗi tổng văn bản nêu phải bằng tổng các phần của nó",
    "the stated plan total = stated recurrent + stated investment":
        "tổng kinh phí văn bản nêu = kinh phí sự nghiệp + chi đầu tư văn bản nêu",
    "every budget total stated is checked (a plan period has a stated total)":
        "mỗi kỳ có dòng kinh phí phải có tổng kinh phí văn bản nêu để đối chiếu",
    "every section heading is found in the document, in order": "mọi tiêu đề mục có trong văn bản, đúng thứ tự",
    "legal_instruments: the number is in the quote": "legal_instruments: số hiệu văn bản có trong câu trích",
    "legal_instruments: the issue date is in the quote": "legal_instruments: ngày ban hành có trong câu trích",
    "legal_instruments: the subject is in the quote": "legal_instruments: trích yếu có trong câu trích",
    "budget_lines: the project status is in the quote": "budget_lines: tình trạng dự án có trong câu trích",
    "budget_lines: a quote that says 'dự án mới' or 'chuyển tiếp' carries that status":
        "budget_lines: câu trích nói «dự án mới» hay «chuyển tiếp» thì dòng phải ghi tình trạng đó",
    "budget_lines: the Ministry is the funder exactly when the quote names it":
        "budget_lines: nguồn vốn là Bộ KH&CN khi và chỉ khi câu trích nêu Bộ",
    "indicators: 'khoảng' (about) is in the quote exactly when the value is approximate":
        "indicators: câu trích có «khoảng» khi và chỉ khi giá trị là ước chừng",
    "ministry_tasks: the title is written as in the quote":
        "ministry_tasks: tên nhiệm vụ viết đúng như trong câu trích",
    "research_highlights: the title is written as in the quote":
        "research_highlights: tên đề tài viết đúng như trong câu trích",
    "projects: the name is written as in the quote": "projects: tên dự án viết đúng như trong câu trích",
    "research_highlights: the subject is in the quote": "research_highlights: chủ đề có trong câu trích",
    "research_highlights: a status is one the document gives, in the row's quote or its status_quote":
        "research_highlights: tình trạng phải là tình trạng văn bản nêu, trong câu trích hoặc status_quote",
    "review_items: the item is written as in the quote": "review_items: nội dung viết đúng như trong câu trích",
    "review_items: every figure is written in the quote, as the document writes it":
        "review_items: mọi con số có trong câu trích, viết như văn bản viết",
    "research_highlight_districts: a stated district is named in the quote":
        "research_highlight_districts: huyện ghi là «stated» phải được nêu tên trong câu trích",
    "detail lines add up to the budget line they break down":
        "các dòng chi tiết cộng lại phải bằng dòng kinh phí chúng chia nhỏ",
    "detail lines add up to the detail line they break down":
        "các dòng chi tiết cộng lại phải bằng dòng chi tiết cha của chúng",
    "a detail line breaks down the same budget line as its parent, in the same period":
        "dòng chi tiết thuộc cùng dòng kinh phí và cùng kỳ với dòng chi tiết cha",
    "a detail line's period is its budget line's": "kỳ của dòng chi tiết là kỳ của dòng kinh phí nó chia nhỏ",
    "detail lines are not negative": "dòng chi tiết không được âm",
}
CHECK_NAMES: dict[str, Pair] = {name: (vi, name) for name, vi in _CHECK_NAMES_VI.items()}

# Checks generated per table or column (checks.py): the English pattern -> (vi, en) templates.
CHECK_PATTERNS: dict[str, Pair] = {
    "{table}: ({keys}) is unique": ("{table}: ({keys}) không được trùng", "{table}: ({keys}) is unique"),
    "{table}: every {column} is found word for word in its section": (
        "{table}: mọi {column} phải có nguyên văn trong mục của nó",
        "{table}: every {column} is found word for word in its section"),
    "{table}: every section is a heading of the document": (
        "{table}: mọi section phải là một mục của văn bản", "{table}: every section is a heading of the document"),
    "{table}.{column} is in {ref}": ("{table}.{column} phải có trong {ref}", "{table}.{column} is in {ref}"),
    "{table}: province is the package's province": (
        "{table}: province phải là tỉnh của gói dữ liệu", "{table}: province is the package's province"),
    "{table}.{column}: every figure is written in its own quote": (
        "{table}.{column}: mọi con số phải có trong chính câu trích của nó",
        "{table}.{column}: every figure is written in its own quote"),
    "{table}.{column} has accepted values": (
        "{table}.{column} chỉ nhận các mã được chấp nhận", "{table}.{column} has accepted values"),
}

# --- the command line -----------------------------------------------------------------------------

CLI: dict[str, Pair] = {
    "usage": (
        "Cách dùng: python -m khcn_dash.packages LỆNH [--lang en]\n"
        "  check ĐƯỜNG_DẪN        kiểm tra một gói (thư mục, .zip hoặc .xlsx) và in báo cáo\n"
        "  add ĐƯỜNG_DẪN          kiểm tra rồi đăng gói vào thư mục các gói (thay gói cùng mã, giữ gói cũ)\n"
        "  list                   liệt kê các gói đã đăng\n"
        "  remove MÃ              gỡ một gói (chuyển vào .replaced/, không xoá)\n"
        "  descriptor ĐƯỜNG_DẪN   viết lại danh sách bảng và lược đồ trong datapackage.json của một thư mục\n"
        "  template TỆP.xlsx      viết mẫu Excel, điền sẵn gói mẫu [--example THƯ_MỤC_GÓI]\n"
        "  hash-password          đọc một mật khẩu, in mã băm Argon2 cho mục [editors] của .streamlit/secrets.toml\n"
        "Mã thoát: 0 hợp lệ / xong, 1 không hợp lệ / bị từ chối, 2 dùng sai lệnh hoặc không đọc được tệp.",
        "Usage: python -m khcn_dash.packages COMMAND [--lang en]\n"
        "  check PATH             check a package (a folder, a .zip or an .xlsx) and print the report\n"
        "  add PATH               check, then publish the package into the packages folder (replacing the\n"
        "                         package with the same id, which is kept)\n"
        "  list                   list the published packages\n"
        "  remove ID              take a package out (moved to .replaced/, not deleted)\n"
        "  descriptor PATH        rewrite a folder's datapackage.json tables and schemas from our schema\n"
        "  template OUT.xlsx      write the Excel template, filled with an example package [--example FOLDER]\n"
        "  hash-password          read a password, print its Argon2 hash for [editors] in .streamlit/secrets.toml\n"
        "Exit codes: 0 valid / done, 1 not valid / refused, 2 a usage error or a file that cannot be read.",
    ),
    "usage_error": ("Lệnh không đúng: {detail}", "Usage error: {detail}"),
    "unknown_command": ("không có lệnh «{name}»", "there is no command «{name}»"),
    "missing_argument": ("lệnh «{command}» cần {what}", "the command «{command}» needs {what}"),
    "extra_argument": ("thừa «{value}»", "unexpected «{value}»"),
    "bad_option": ("tuỳ chọn «{option}» không hợp lệ", "the option «{option}» is not valid"),
    "arg_path": ("ĐƯỜNG_DẪN", "PATH"),
    "arg_id": ("MÃ gói", "a package ID"),
    "arg_out": ("TỆP.xlsx", "OUT.xlsx"),
    "added": ("Đã đăng gói {package} vào {folder}.", "Published the package {package} to {folder}."),
    "kept_old": (
        "Gói cũ cùng mã được giữ ở {folder}; chép lại vào chỗ cũ để khôi phục.",
        "The earlier package with that id is kept in {folder}; move it back to restore it.",
    ),
    "removed": (
        "Đã gỡ gói {package}; nó được giữ ở {folder}.",
        "Took out the package {package}; it is kept in {folder}.",
    ),
    "bad_id": (
        "«{value}» không phải mã gói (chữ thường không dấu, số và gạch nối, ví dụ {doc.id}).",
        "«{value}» is not a package id (lower-case ASCII letters, digits and hyphens, e.g. {doc.id}).",
    ),
    "unknown_id": ("Không có gói «{value}» trong {folder}.", "There is no package «{value}» in {folder}."),
    "list_head": ("mã gói|tỉnh|năm kế hoạch|số văn bản|hư cấu", "package|province|plan year|document|fictional"),
    "list_empty": ("Chưa có gói nào trong {folder}.", "There is no package in {folder}."),
    "list_unreadable": ("(không đọc được datapackage.json)", "(datapackage.json cannot be read)"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "descriptor_written": (
        "Đã viết lại datapackage.json của {folder}: {n} tài nguyên theo lược đồ.",
        "Rewrote {folder}'s datapackage.json: {n} resources from the schema.",
    ),
    "not_a_package_folder": (
        "«{path}» không phải thư mục gói (thiếu datapackage.json, hoặc tệp này không đọc được).",
        "«{path}» is not a package folder (no datapackage.json, or it cannot be read).",
    ),
    "template_written": ("Đã viết mẫu Excel {path} (điền sẵn gói {package}).",
                         "Wrote the Excel template {path} (filled with the package {package})."),
    "template_not_xlsx": ("Tên tệp mẫu phải có đuôi .xlsx: «{path}».", "The template's file name must end in .xlsx: «{path}»."),
    "cannot_write": ("Không ghi được «{path}» ({reason}).", "«{path}» cannot be written ({reason})."),
    "unexpected": (
        "Lỗi không lường trước ({error}); không có gì được ghi. Hãy báo cho bộ phận kỹ thuật.",
        "An unexpected error ({error}); nothing was written. Please tell the technical team.",
    ),
    "interrupted": ("Đã dừng.", "Stopped."),
    "password_prompt": ("Mật khẩu của biên tập viên: ", "The editor's password: "),
    "password_again": ("Gõ lại mật khẩu: ", "The password again: "),
    "password_mismatch": ("Hai lần gõ không giống nhau; không có mã băm nào được in.",
                          "The two entries differ; no hash was printed."),
    "password_empty": ("Mật khẩu trống; không có mã băm nào được in.", "The password is empty; no hash was printed."),
    "password_too_long": ("Mật khẩu dài quá {limit} ký tự; không có mã băm nào được in.",
                          "The password is longer than {limit} characters; no hash was printed."),
    "password_hint": (
        "Chép mã băm trên vào .streamlit/secrets.toml, mục [editors], thành một dòng: tên = \"mã băm\"",
        "Copy the hash above into .streamlit/secrets.toml, table [editors], as one line: name = \"hash\"",
    ),
}

# --- the Excel template ---------------------------------------------------------------------------

GUIDE_SHEET: Pair = ("Hướng dẫn", "Guide")
GUIDE: tuple[Pair, ...] = (
    ("Mẫu gói văn bản KH&CN (một kế hoạch KH&CN năm của một tỉnh)",
     "Document package template (one province's yearly S&T plan)"),
    ("", ""),
    ("Sổ tính này là một gói hoàn chỉnh, điền sẵn gói {package} làm ví dụ. Thay dữ liệu ví dụ bằng dữ liệu của văn "
     "bản mới, giữ nguyên tên các trang tính và dòng tiêu đề.",
     "This workbook is a complete package, filled with the package {package} as the worked example. Replace the "
     "example's data with the new document's, keeping the sheet names and header rows."),
    ("• Trang «datapackage»: mô tả gói, mỗi dòng một khoá và giá trị (tỉnh, văn bản, năm kế hoạch). Tên gói là "
     "«mã tỉnh-năm kế hoạch».",
     "• Sheet «datapackage»: the package's descriptor, one key and value a row (province, document, plan year). "
     "The package's name is «province id-plan year»."),
    ("• Trang «document»: toàn văn văn bản, mỗi dòng một ô ở cột A, không sửa chữ nào.",
     "• Sheet «document»: the document's whole text, one line per cell in column A, unchanged."),
    ("• Mỗi bảng một trang, đúng tên bảng. Di chuột lên ô tiêu đề để xem ghi chú của cột; cột có mã thì chọn trong "
     "danh sách thả xuống.",
     "• One sheet per table, named as the table. Hover over a header cell for the column's note; a column of "
     "codes has a drop-down list."),
    ("• Trang «geojson»: ranh giới huyện (GeoJSON), chia thành nhiều ô; thường không sửa ở đây.",
     "• Sheet «geojson»: the district boundaries (GeoJSON), split over cells; not usually edited here."),
    ("• Mỗi dòng có section và source_quote: câu chép đúng từng chữ của văn bản, trong đúng mục đó. Mọi giá trị một "
     "dòng nêu (số tiền, số hiệu, ngày…) phải có trong câu trích của dòng.",
     "• Every row has section and source_quote: words copied exactly from the document, inside that section. "
     "Every value a row states (amounts, numbers, dates…) must be in its quote."),
    ("• Tiền tính bằng triệu đồng, dấu chấm thập phân: 66769.9. Ô trống = văn bản không nêu.",
     "• Money is in million VND with a decimal point: 66769.9. An empty cell = the document does not say."),
    ("• Chỉ nhập giá trị: công thức (=…) bị từ chối.", "• Values only: formulas (=…) are refused."),
    ("", ""),
    ("Kiểm tra: python -m khcn_dash.packages check TỆP.xlsx · Đăng: python -m khcn_dash.packages add TỆP.xlsx",
     "Check: python -m khcn_dash.packages check FILE.xlsx --lang en · Publish: python -m khcn_dash.packages add FILE.xlsx"),
)
DESCRIPTOR_HEAD: tuple[str, str, Pair] = ("key", "value", ("ghi chú", "note"))
DOCUMENT_NOTE: Pair = (
    "Toàn văn văn bản: mỗi dòng một ô ở cột A, từ ô A1.",
    "The document's whole text: one line per cell in column A, from cell A1.",
)
GEOJSON_NOTE: Pair = (
    "Ranh giới huyện (GeoJSON, tệp geo/districts.geojson), cắt thành các ô liên tiếp ở cột A từ ô A2; ghép lại "
    "theo thứ tự là được tệp.",
    "The district boundaries (GeoJSON, the file geo/districts.geojson), cut into consecutive cells of column A "
    "from A2; joined in order they make the file.",
)
CODES_SHEET_NOTE: Pair = ("Danh sách mã cho các ô thả xuống.", "Code lists for the drop-down cells.")
CODE_ERROR_TITLE: Pair = ("Mã không hợp lệ", "Not a code")
CODE_ERROR: Pair = ("Chọn một mã trong danh sách.", "Pick a code from the list.")

# The descriptor's keys in the «datapackage» sheet.
IDENTITY_NOTES: dict[str, Pair] = {
    "name": ("Tên gói: mã tỉnh-năm kế hoạch, ví dụ {doc.id}.", "The package's name: province id-plan year, e.g. {doc.id}."),
    "title": ("Tên gói để hiển thị (không bắt buộc).", "A display title (optional)."),
    "description": ("Mô tả ngắn (không bắt buộc).", "A short description (optional)."),
    "version": ("Phiên bản của gói (không bắt buộc).", "The package's version (optional)."),
    "province.id": ("Mã tỉnh: chữ thường không dấu, gạch nối.", "The province id: lower-case ASCII, hyphens."),
    "province.name_vi": ("Tên tỉnh (tiếng Việt).", "The province's name in Vietnamese."),
    "province.name_en": ("Tên tỉnh (tiếng Anh).", "The province's name in English."),
    "document.number": ("Số hiệu văn bản, như trong document_facts.", "The document's number, as in document_facts."),
    "document.issued_on": ("Ngày ban hành, NĂM-THÁNG-NGÀY, như trong document_facts.",
                           "The date of issue, YEAR-MONTH-DAY, as in document_facts."),
    "document.issuer_vi": ("Cơ quan ban hành, như trong document_facts.", "The issuer, as in document_facts (Vietnamese)."),
    "document.issuer_en": ("Cơ quan ban hành (tiếng Anh).", "The issuer in English."),
    "document.title_vi": ("Tên văn bản, như trong document_facts.", "The document's title, as in document_facts (Vietnamese)."),
    "document.title_en": ("Tên văn bản (tiếng Anh).", "The document's title in English."),
    "plan_year": ("Năm kế hoạch, ví dụ {doc.plan}.", "The plan year, e.g. {doc.plan}."),
    "review_period": ("Giai đoạn tổng kết, NĂM-NĂM, ví dụ {doc.review_period}.", "The review period, YEAR-YEAR, e.g. {doc.review_period}."),
    "fictional": ("true nếu là dữ liệu hư cấu để thử, false nếu là văn bản thật.",
                  "true for fictional test data, false for a real document."),
}

# The template's column notes: what each column holds. "table.column" wins over "column".
NOTE_PARTS: dict[str, Pair] = {
    "required": ("Bắt buộc.", "Required."),
    "optional": ("Có thể để trống (văn bản không nêu).", "May be empty (the document does not say)."),
    "codes": ("Chọn trong danh sách: {codes}.", "Pick from the list: {codes}."),
    "key": ("Khoá: ({columns}) không trùng giữa các dòng.", "Key: ({columns}) is unique across rows."),
    "ref": ("Phải là một {ref_column} của trang {ref}.", "Must be a {ref_column} of the sheet {ref}."),
    "type": ("Kiểu: {type}.", "Type: {type}."),
}
COLUMN_NOTES: dict[str, Pair] = {
    # every table
    "province": ("Mã tỉnh, như province.id trong trang datapackage.", "The province id, as province.id in the datapackage sheet."),
    "period": ("Năm kế hoạch (ví dụ {doc.plan}) hoặc giai đoạn tổng kết (ví dụ {doc.review_period}).",
               "The plan year (e.g. {doc.plan}) or the review period (e.g. {doc.review_period})."),
    "section": ("Mã mục của văn bản (section_id trong trang sections), ví dụ A.II.8.",
                "The document's section id (section_id in the sections sheet), e.g. A.II.8."),
    "source_quote": ("Câu chép đúng từng chữ của văn bản, trong đúng mục; mọi giá trị của dòng phải có trong câu này.",
                     "Words copied exactly from the document, inside the section; every value of the row must be in them."),
    "status_quote": ("Câu (trong cùng mục) nêu tình trạng, khi câu trích chính không nêu.",
                     "The sentence (same section) giving the status, where the main quote does not."),
    "founded_quote": ("Câu (trong cùng mục) nêu năm thành lập.", "The sentence (same section) giving the founding year."),
    "seq": ("Số thứ tự trong văn bản.", "The order in the document."),
    "name_vi": ("Tên, viết như trong văn bản.", "The name as the document writes it."),
    "name_en": ("Tên tiếng Anh (bản dịch của chúng tôi).", "The name in English (our translation)."),
    "short_vi": ("Tên ngắn (tiếng Việt).", "A short name (Vietnamese)."),
    "short_en": ("Tên ngắn (tiếng Anh).", "A short name (English)."),
    "text_vi": ("Nội dung, chép từ câu trích.", "The item, in the quote's words."),
    "text_en": ("Nội dung bằng tiếng Anh (bản dịch).", "The item in English (our translation)."),
    "title_vi": ("Tên, viết như trong câu trích.", "The title as the quote writes it."),
    "title_en": ("Tên tiếng Anh (bản dịch).", "The title in English (our translation)."),
    "subject_vi": ("Chủ đề / trích yếu, như trong câu trích.", "The subject, as the quote writes it."),
    "subject_en": ("Chủ đề / trích yếu bằng tiếng Anh.", "The subject in English."),
    "note_en": ("Ghi chú (tiếng Anh): vì sao biết huyện này.", "A note (English): how the district is known."),
    "field_code": ("Lĩnh vực KH&CN.", "The S&T field."),
    "district_id": ("Mã huyện, một district_id của ranh giới huyện (trang geojson).",
                    "The district id, a district_id of the district boundaries (geojson sheet)."),
    "project_id": ("Mã dự án đầu tư (project_id trong trang projects).", "The investment project's id (project_id in the projects sheet)."),
    # sections
    "section_id": ("Mã mục, ví dụ A.II.8; phần đầu, mở đầu và kết: header, intro, closing.",
                   "The section id, e.g. A.II.8; the header, opening and closing: header, intro, closing."),
    "parent_id": ("Mục cha (trống với mục cao nhất).", "The parent section (empty for a top section)."),
    "heading_vi": ("Tiêu đề mục, chép đúng văn bản; các tiêu đề phải theo thứ tự trong văn bản.",
                   "The heading, copied exactly; headings follow the document's order."),
    # document_facts, document_recipients
    "fact": ("Điều văn bản nói về mình.", "What the document says of itself."),
    "doc_id": ("Số hiệu văn bản.", "The document's number."),
    "value_vi": ("Giá trị, như trong văn bản (ngày: NĂM-THÁNG-NGÀY).", "The value as the document gives it (a date: YEAR-MONTH-DAY)."),
    "value_en": ("Giá trị bằng tiếng Anh.", "The value in English."),
    "recipient_vi": ("Nơi nhận, như trong văn bản.", "A recipient, as the document writes it."),
    "recipient_en": ("Nơi nhận (tiếng Anh).", "The recipient in English."),
    # budget
    "budget_line_id": ("Mã dòng kinh phí.", "The budget line's id."),
    "budget_details.budget_line_id": ("Dòng kinh phí (trang budget_lines) mà dòng chi tiết này chia nhỏ.",
                                      "The budget line (budget_lines sheet) this detail line breaks down."),
    "detail_id": ("Mã dòng chi tiết.", "The detail line's id."),
    "parent_detail_id": ("Dòng chi tiết cha (trống: chia trực tiếp dòng kinh phí).",
                         "The parent detail line (empty: it breaks down the budget line itself)."),
    "budget_details.name_vi": ("Tên khoản chi, viết như trong văn bản.", "The item's name as the document writes it."),
    "budget_details.name_en": ("Tên khoản chi bằng tiếng Anh (bản dịch).", "The item's name in English (a translation)."),
    "budget_details.area_code": ("Nhóm nhiệm vụ của khoản chi, nếu văn bản nêu.",
                                 "The item's activity area, where the document says."),
    "budget_details.field_code": ("Lĩnh vực KH&CN của khoản chi, nếu văn bản nêu.",
                                  "The item's S&T field, where the document says."),
    "budget_lines.basis": ("Kế hoạch (plan) hay đã phân bổ (allocated).", "Planned (plan) or allocated."),
    "funding_kind": ("Chi sự nghiệp KH&CN (recurrent) hay chi đầu tư phát triển (investment).",
                     "Recurrent S&T budget or development investment."),
    "amount_mvnd": ("Số tiền, triệu đồng; phải có trong câu trích.", "The amount in million VND; it must be in the quote."),
    "project_status": ("Dự án chuyển tiếp (continuing) hay mới (new), chỉ với dòng kế hoạch.",
                       "A continuing or new project, plan lines only."),
    "funder": ("ministry nếu câu trích nêu vốn từ Bộ KH&CN.", "ministry when the quote names the Ministry of S&T as funder."),
    "approved_total_mvnd": ("Tổng mức đầu tư được duyệt, triệu đồng.", "The approved total in million VND."),
    "infrastructure_projects.status": ("Đang ngừng (halted) hay chưa có thiết bị (awaiting_equipment).",
                                       "Halted or awaiting equipment."),
    "total_id": ("Mã của tổng.", "The total's id."),
    "document_totals.basis": ("Kế hoạch, đã phân bổ hay thực hiện.", "Planned, allocated or actual."),
    "document_totals.metric": ("Đại lượng được cộng (ví dụ budget_total_mvnd); bản dựng cộng các phần để đối chiếu.",
                               "The quantity totalled (e.g. budget_total_mvnd); the build adds up the parts to compare."),
    "stated_value": ("Tổng văn bản nêu; phải có trong câu trích và bằng tổng các phần.",
                     "The total the document states; it must be in the quote and equal the sum of its parts."),
    # indicators, tasks
    "indicator_id": ("Mã chỉ tiêu.", "The indicator's id."),
    "indicators.metric": ("Chỉ tiêu (ví dụ planned_task_count).", "The indicator (e.g. planned_task_count)."),
    "value": ("Giá trị văn bản nêu; phải có trong câu trích.", "The value the document states; it must be in the quote."),
    "unit": ("Đơn vị: số lượng (count) hay phần trăm (percent).", "The unit: a count or a percent."),
    "qualifier": ("approx nếu câu có «khoảng», minimum nếu là mức tối thiểu.",
                  "approx where the quote says «khoảng» (about), minimum for a floor."),
    "task_count": ("Số nhiệm vụ; phải có trong câu trích.", "The number of tasks; it must be in the quote."),
    "task_id": ("Mã nhiệm vụ.", "The task's id."),
    # research
    "highlight_id": ("Mã đề tài, dự án được nêu.", "The named research task's id."),
    "research_highlights.status": ("Tình trạng, chỉ khi văn bản nêu.", "The status, only where the document gives one."),
    "place_vi": ("Địa danh, như trong văn bản.", "The place, as the document writes it."),
    "research_highlight_districts.basis": ("stated: văn bản nêu huyện; place_name: suy ra từ địa danh.",
                                           "stated: the text names the district; place_name: inferred from a place name."),
    # intellectual property
    "asset_id": ("Mã tài sản trí tuệ.", "The IP asset's id."),
    "ip_type": ("Chỉ dẫn địa lý, nhãn hiệu chứng nhận hay nhãn hiệu tập thể.",
                "Geographical indication, certification mark or collective trademark."),
    "ip_assets.status": ("Đã có (protected) hay đang xây dựng (in_progress).", "In place (protected) or being built (in_progress)."),
    "product_vi": ("Sản phẩm, như trong văn bản.", "The product, as the document writes it."),
    "product_en": ("Sản phẩm (tiếng Anh).", "The product in English."),
    "ip_assets.place_vi": ("Địa danh trong tên sản phẩm, như văn bản viết.", "The place in the product's name, as written."),
    "scope": ("Phạm vi: tỉnh, một huyện hay một vùng nhiều huyện.", "The scope: the province, one district or an area of several."),
    "stated_group": ("Nhóm văn bản xếp tài sản vào (để đối chiếu với tổng văn bản nêu).",
                     "The group the document puts the asset in (checked against the stated totals)."),
    "commune_vi": ("Xã, nếu văn bản nêu.", "The commune, where the document names one."),
    "ip_asset_areas.basis": ("stated: văn bản nêu huyện; place_name: suy ra từ địa danh.",
                             "stated: the text names the district; place_name: inferred from a place name."),
    # organisations
    "org_id": ("Mã tổ chức.", "The organisation's id."),
    "founded_year": ("Năm thành lập; phải có trong founded_quote.", "The founding year; it must be in founded_quote."),
    "parent_vi": ("Cơ quan chủ quản.", "The parent body."),
    "formed_from_vi": ("Tổ chức tiền thân, nếu có.", "The body it was formed from, if any."),
    # legal
    "instrument_id": ("Mã văn bản pháp quy.", "The legal instrument's id."),
    "number": ("Số hiệu, như trong câu trích.", "The number, as in the quote."),
    "kind_code": ("Loại văn bản.", "The kind of instrument."),
    "issuer_code": ("Cơ quan ban hành (mã).", "The issuer (code)."),
    "issuer_vi": ("Cơ quan ban hành, như văn bản viết.", "The issuer, as the document writes it."),
    "issued_on": ("Ngày ban hành, NĂM-THÁNG-NGÀY; phải có trong câu trích.", "The date of issue, YEAR-MONTH-DAY; it must be in the quote."),
    "year": ("Năm ban hành.", "The year of issue."),
    # plan
    "plan_fields.seq": ("Số mục (ví dụ 1.1).", "The item's number (e.g. 1.1)."),
    "direction_id": ("Mã định hướng.", "The direction's id."),
    "area_code": ("Nhóm nhiệm vụ năm kế hoạch.", "The plan year's activity area."),
    "action_id": ("Mã hoạt động.", "The action's id."),
    "limitation_id": ("Mã hạn chế.", "The limitation's id."),
    "recommendation_id": ("Mã kiến nghị.", "The recommendation's id."),
    "addressee_vi": ("Nơi nhận kiến nghị, nếu văn bản nêu.", "Who the recommendation is addressed to, if stated."),
    # review
    "item_id": ("Mã mục tổng kết: <mục>-<số thứ tự>.", "The review item's id: <section>-<seq>."),
    "review_items.section": ("Mục nhỏ nhất chứa câu trích.", "The most specific section holding the quote."),
    "kind": ("Loại nội dung tổng kết.", "What kind of review item it is."),
    "figures": ("Các con số câu trích nêu, viết như văn bản, cách nhau bằng «; ».",
                "The figures the quote states, as written, separated by «; »."),
}

# --- the import page (pages/import.py) ------------------------------------------------------------

IMPORT: dict[str, Pair] = {
    "intro": (
        "Đưa một văn bản mới (kế hoạch KH&CN năm của một tỉnh) vào ứng dụng: tải mẫu Excel, điền dữ liệu của văn "
        "bản, rồi tải tệp lên để kiểm tra như lệnh `python -m khcn_dash.packages check`. Kiểm tra không ghi gì; chỉ "
        "biên tập viên mới đăng được gói.",
        "Bring a new document (a province's yearly S&T plan) into the app: download the Excel template, fill it "
        "with the document's data, then upload it to be checked as `python -m khcn_dash.packages check` checks it. "
        "Checking writes nothing; only an editor can publish a package.",
    ),
    "template_head": ("Mẫu Excel", "The Excel template"),
    "template_how": (
        "Mẫu là một gói hoàn chỉnh, điền sẵn văn bản đang hiển thị làm ví dụ. Thay dữ liệu ví dụ bằng dữ liệu của "
        "văn bản mới, giữ nguyên tên các trang tính và dòng tiêu đề. Trang «datapackage» mô tả văn bản (tỉnh, số, "
        "ngày, cơ quan ban hành, năm kế hoạch; tên gói là «mã tỉnh-năm kế hoạch»), trang «document» là toàn văn, "
        "mỗi bảng một trang. Di chuột lên ô tiêu đề để xem ghi chú của cột; cột có mã thì chọn trong danh sách thả "
        "xuống. Mỗi dòng chép đúng câu trích của văn bản; tiền tính bằng triệu đồng; chỉ nhập giá trị, không dùng "
        "công thức. Trang «Hướng dẫn» của mẫu nói chi tiết hơn.",
        "The template is a complete package, filled with the document on screen as the worked example. Replace "
        "the example's data with the new document's, keeping the sheet names and header rows. The «datapackage» "
        "sheet describes the document (province, number, date, issuer, plan year; the package's name is «province "
        "id-plan year»), the «document» sheet holds its text, and each table has a sheet. Hover over a header cell "
        "for the column's note; a column of codes has a drop-down list. Every row copies its quote exactly from "
        "the document; money is in million VND; values only, no formulas. The template's «Guide» sheet says more.",
    ),
    "template_button": ("Tải mẫu Excel", "Download the Excel template"),
    "template_file": ("mau-goi-van-ban-khcn.xlsx", "khcn-package-template.xlsx"),
    "upload_head": ("Tải lên và kiểm tra", "Upload and check"),
    "upload_label": ("Tệp gói văn bản (.zip hoặc .xlsx)", "Package file (.zip or .xlsx)"),
    "upload_help": (
        "Một sổ tính theo mẫu, hoặc tệp .zip của thư mục gói (datapackage.json, document.txt, các tệp CSV, "
        "geo/districts.geojson). Tệp được xét theo nội dung, không theo tên.",
        "A workbook laid out like the template, or a .zip of a package folder (datapackage.json, document.txt, "
        "the CSV files, geo/districts.geojson). A file is judged by its content, not its name.",
    ),
    "upload_limit": (
        "Tối đa {mb} MB một tệp. Tệp zip chứa hơn {unpacked} MB khi giải nén, hoặc có mục trỏ ra ngoài thư mục gói, "
        "bị từ chối trước khi giải nén.",
        "At most {mb} MB a file. A zip that unpacks to more than {unpacked} MB, or has an entry pointing outside "
        "the package folder, is refused before anything is unpacked.",
    ),
    "checking": ("Đang kiểm tra tệp…", "Checking the file…"),
    "file_name": ("Tệp: {name} ({size})", "File: {name} ({size})"),
    "checked_nothing_written": (
        "Kiểm tra không ghi gì vào thư mục các gói.", "Checking wrote nothing into the packages folder.",
    ),
    "check_crashed": (
        "Không kiểm tra được tệp này vì một lỗi không lường trước; không có gì được ghi. Hãy báo cho bộ phận kỹ thuật.",
        "This file could not be checked because of an unexpected error; nothing was written. Please tell the "
        "technical team.",
    ),
    "report_file": ("bao-cao-kiem-tra", "check-report"),
    "preview_head": ("Xem trước văn bản mới", "Preview of the new document"),
    "identity_head": ("Văn bản", "The document"),
    "field": ("Mục", "Field"),
    "value": ("Giá trị", "Value"),
    "totals_head": ("Các tổng kinh phí văn bản nêu, đối chiếu với các dòng kinh phí",
                    "The budget totals the document states, against its budget lines"),
    "totals_file": ("doi-chieu-tong-kinh-phi", "budget-totals-reconciled"),
    "rows_head": ("Số dòng của mỗi bảng", "Rows per table"),
    "rows_file": ("so-dong-moi-bang", "rows-per-table"),
    "publish_head": ("Đăng gói", "Publish"),
    "publish_intro": (
        "Chỉ biên tập viên mới đăng được. Gói được kiểm tra lại rồi mới đăng; gói mới thay gói cùng mã (cùng tỉnh, "
        "cùng năm kế hoạch), gói cũ được giữ lại để có thể khôi phục.",
        "Only an editor can publish. The package is checked again before it is published; it replaces the "
        "package with the same id (same province, same plan year), and the old one is kept so it can be restored.",
    ),
    "publish_needs_valid": ("Tải lên một gói hợp lệ để đăng.", "Upload a valid package to publish it."),
    "no_secrets": (
        "Trang này chưa đăng được gói: máy chủ chưa có tệp `.streamlit/secrets.toml` (hoặc tệp không đọc được), "
        "nơi khai báo biên tập viên. Vẫn kiểm tra và xem trước được.",
        "This page cannot publish yet: the server has no `.streamlit/secrets.toml` (or cannot read it), where "
        "editors are defined. Checking and the preview still work.",
    ),
    "no_editors": (
        "Trang này chưa đăng được gói: tệp `.streamlit/secrets.toml` chưa có mục `[editors]` với ít nhất một biên "
        "tập viên. Vẫn kiểm tra và xem trước được.",
        "This page cannot publish yet: `.streamlit/secrets.toml` has no `[editors]` table with at least one "
        "editor. Checking and the preview still work.",
    ),
    "how_to_add_editor": (
        "Để thêm một biên tập viên, quản trị viên chạy lệnh dưới đây trên máy chủ, gõ mật khẩu, rồi chép mã băm in "
        "ra vào `.streamlit/secrets.toml`, mục `[editors]`, mỗi người một dòng `tên = \"mã băm\"`; trang đọc lại "
        "tệp khi tải lại. Đăng từ dòng lệnh thì không cần: `python -m khcn_dash.packages add TỆP`.",
        "To add an editor, an administrator runs the command below on the server, types the password, and copies "
        "the printed hash into `.streamlit/secrets.toml`, table `[editors]`, one line `name = \"hash\"` per person; "
        "the page reads the file again when reloaded. Publishing from the command line needs none of this: "
        "`python -m khcn_dash.packages add FILE`.",
    ),
    "username": ("Tên biên tập viên", "Editor name"),
    "password": ("Mật khẩu", "Password"),
    "publish_button": ("Đăng gói", "Publish the package"),
    "publishing": ("Đang kiểm tra lại và đăng gói…", "Checking again and publishing…"),
    "bad_login": (
        "Tên hoặc mật khẩu không đúng. Gói chưa được đăng.",
        "Wrong name or password. The package was not published.",
    ),
    "publish_refused": (
        "Gói không qua được lần kiểm tra khi đăng, nên không có gì được ghi; báo cáo ở dưới.",
        "The package failed the check made when publishing, so nothing was written; the report is below.",
    ),
    "publish_failed": (
        "Không đăng được gói ({error}); các gói đã đăng không thay đổi. Hãy báo cho bộ phận kỹ thuật.",
        "The package could not be published ({error}); the published packages are unchanged. Please tell the "
        "technical team.",
    ),
    "published": ("Đã đăng gói {package} vào {folder}.", "Published the package {package} to {folder}."),
    "kept_old": (
        "Gói cũ cùng mã được giữ ở {folder}; chuyển lại vào chỗ cũ để khôi phục.",
        "The earlier package with that id is kept in {folder}; move it back to restore it.",
    ),
    "published_served": (
        "Đây là văn bản ứng dụng đang hiển thị: các trang dùng dữ liệu mới sau vài giây, khi bản dựng mới qua các "
        "kiểm tra.",
        "This is the document the app shows: the pages use the new data within a few seconds, once its build "
        "passes its checks.",
    ),
    "published_other": (
        "Ứng dụng hiện chỉ hiển thị một văn bản ({served}) cho tới khi có bộ chọn văn bản; gói {package} đã được lưu "
        "và có trong danh sách của lệnh `python -m khcn_dash.packages list`.",
        "The app shows one document ({served}) until the document picker exists; the package {package} is stored "
        "and listed by `python -m khcn_dash.packages list`.",
    ),
    "published_first": (
        "Ứng dụng hiển thị gói đầu tiên theo tên, nên sau lần khởi động lại tới nó sẽ hiển thị {package} thay cho "
        "{served}.",
        "The app serves the first package by name, so after its next restart it will show {package} instead of "
        "{served}.",
    ),
}
IDENTITY_FIELDS: dict[str, Pair] = {
    "package": ("Mã gói", "Package id"),
    "province": ("Tỉnh", "Province"),
    "plan_year": ("Năm kế hoạch", "Plan year"),
    "review_period": ("Giai đoạn tổng kết", "Review period"),
    "number": ("Số văn bản", "Document number"),
    "issued_on": ("Ngày ban hành", "Date of issue"),
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "title": ("Tên văn bản", "Title"),
    "fictional": ("Dữ liệu hư cấu để thử", "Fictional test data"),
}
TOTALS_COLUMNS: dict[str, Pair] = {
    "period": ("Kỳ", "Period"),
    "basis": ("Loại số liệu", "Basis"),
    "metric": ("Tổng", "Total"),
    "reconciles": ("Khớp", "Reconciles"),
    "stated": ("Văn bản nêu ({unit})", "Stated ({unit})"),
    "lines": ("Cộng các dòng ({unit})", "Sum of lines ({unit})"),
    "n_lines": ("Số dòng", "Lines"),
    "section": ("Mục văn bản", "Section"),
}
METRIC_NAMES: dict[str, Pair] = {
    "budget_total_mvnd": ("Tổng kinh phí", "Total budget"),
    "recurrent_mvnd": ("Kinh phí sự nghiệp KH&CN", "Recurrent S&T budget"),
    "investment_mvnd": ("Chi đầu tư phát triển", "Development investment"),
}
ROWS_COLUMNS: dict[str, Pair] = {"table": ("Bảng", "Table"), "rows": ("Số dòng", "Rows")}
TOTALS_SUMMARY: Pair = (
    "Văn bản nêu {n} tổng kinh phí; {k} tổng khớp với tổng các dòng kinh phí cùng kỳ, cùng loại số liệu và cùng "
    "nguồn.",
    "The document states {n} budget total(s); {k} reconcile with the sum of the budget lines of the same period, "
    "basis and funding kind.",
)
TOTALS_NONE: Pair = ("Văn bản không nêu tổng kinh phí nào.", "The document states no budget total.")
ROWS_SUMMARY: Pair = (
    "{tables} bảng, tổng cộng {rows} dòng; ranh giới của {districts} huyện.",
    "{tables} tables, {rows} rows in all; the boundaries of {districts} districts.",
)
