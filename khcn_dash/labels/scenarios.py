"""Words of the scenario page, as (vi, en) pairs, and the plain functions that fill them: the
model's codes, rules and refusals as sentences, options as names.

Length: over 400 lines because the page has many messages (every refusal and rule in two
languages); the code below the dictionaries is short. Tables are built in charts.scenarios and the
sentences beside the charts in summaries.scenarios."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from .. import format as fmt
from ..scenario import Line, ScenarioError, Violation
from . import Pair, name, pick


TEXT: dict[str, Pair] = {
    "title": ("Kịch bản phân bổ dự toán KH&CN {doc.plan}", "{doc.plan} S&T budget allocation scenarios"),
    "intro": (
        "Thử các phương án phân bổ lại dự toán KH&CN năm {doc.plan}: chuyển tiền giữa các dòng, khôi phục dự án "
        "đang ngừng, xem tỷ lệ chi KH&CN so với mức tối thiểu 2%. Các quy tắc của văn bản được kiểm tra "
        "ngay; kịch bản có thể lưu, mở lại bằng đường liên kết và so sánh.",
        "Try ways of reallocating the {doc.plan} S&T budget: move money between lines, resume a halted "
        "project, see the S&T share against the 2% floor. The document's rules are checked as you go; "
        "scenarios can be saved, reopened from a link and compared.",
    ),
    "settings": ("Cách cân đối", "How changes are balanced"),
    "mode": ("Khi sửa một dòng", "When a line changes"),
    "absorber": ("Dòng nhận phần chênh lệch", "Line that takes up the difference"),
    "absorber_help": (
        "Dòng này tăng hoặc giảm đúng bằng phần chênh khi bạn sửa một dòng khác cùng nguồn.",
        "This line goes up or down by exactly the difference when you change another line of its source.",
    ),
    "mixing": ("Cho phép chuyển giữa hai nguồn", "Allow moving money between the two sources"),
    "mixing_help": (
        "Hai nguồn: kinh phí sự nghiệp KH&CN và chi đầu tư phát triển. Văn bản tách riêng kinh phí sự nghiệp KH&CN và chi đầu tư phát triển. Chỉ tích khi bạn chủ ý "
        "đề xuất chuyển tiền giữa hai nguồn.",
        "The two sources: recurrent S&T spending and development investment. The document keeps recurrent S&T spending and development investment apart. Tick only when you "
        "mean to propose moving money between them.",
    ),
    "candidates": ("Thêm dự án đang ngừng triển khai", "Add a halted project"),
    "candidates_help": (
        "Các dự án hạ tầng KH&CN mà phần tổng kết nêu là đang ngừng (đình, giãn, hoãn) và không có "
        "trong kế hoạch {doc.plan}. Dòng thêm vào bắt đầu từ 0.",
        "Infrastructure projects the review says are halted and that are not in the {doc.plan} plan. An added "
        "line starts at 0.",
    ),
    "reset": ("Về lại kế hoạch", "Back to the plan"),
    "choose_one": ("Chọn một dòng", "Choose a line"),
    "choose_many": ("Chọn", "Choose"),
    "lines": ("Các dòng kinh phí", "Budget lines"),
    "lines_help": (
        "Sửa số tiền ở cột «Kịch bản» ({unit}) rồi nhấn Enter; có thể dán nhiều ô một lúc. Các dòng "
        "xếp theo nguồn và theo khoản mà chúng thuộc về.",
        "Change an amount in the “Scenario” column ({unit}) and press Enter; several cells can be pasted "
        "at once. Lines are grouped by source and by the item they belong to.",
    ),
    "col_group": ("Nguồn › thuộc khoản", "Source › part of"),
    "col_change": ("Thay đổi", "Change"),
    "amount_help": (
        "Viết số như tiếng Việt: 10.000 hoặc 2.500,5 (triệu đồng); 10 hoặc 2,5 khi xem theo tỷ đồng.",
        "Write numbers the English way: 10,000 or 2,500.5 (million VND); 10 or 2.5 when shown in billion VND.",
    ),
    "line_error": ("{line}: {message}", "{line}: {message}"),
    "col_line": ("Dòng", "Line"),
    "col_plan": ("Kế hoạch", "Plan"),
    "col_amount": ("Kịch bản", "Scenario"),
    "col_limit": ("Giới hạn", "Limit"),
    "amount_label": ("Số tiền ({unit})", "Amount ({unit})"),
    "plan_is": ("Kế hoạch: {amount}", "Plan: {amount}"),
    "cap_is": ("Tối đa {cap} (còn {headroom})", "At most {cap} ({headroom} left)"),
    "no_cap": ("Văn bản không nêu tổng mức đầu tư", "No approved total in the document"),
    "fixed_ministry": ("Giữ nguyên: vốn của Bộ KH&CN", "Fixed: Ministry of S&T money"),
    "tag_candidate": ("đề xuất khôi phục", "proposed to resume"),
    "tag_ministry": ("vốn Bộ KH&CN", "Ministry money"),
    "placeholder_mvnd": ("vd. 10.000 hoặc 2.500,5", "e.g. 10,000 or 2,500.5"),
    "placeholder_bvnd": ("vd. 10 hoặc 2,5", "e.g. 10 or 2.5"),
    "move": ("Chuyển tiền giữa hai dòng", "Move money between two lines"),
    "move_from": ("Từ dòng", "From"),
    "move_to": ("Sang dòng", "To"),
    "move_amount": ("Số tiền chuyển ({unit})", "Amount to move ({unit})"),
    "move_submit": ("Chuyển", "Move"),
    "moved": ("Đã chuyển {amount} từ «{from_line}» sang «{to_line}».",
              "Moved {amount} from “{from_line}” to “{to_line}”."),
    "rules": ("Kiểm tra quy tắc", "Rule check"),
    "rules_ok": ("Kịch bản tuân thủ mọi quy tắc của văn bản.", "The scenario keeps every rule of the document."),
    "rules_broken": ("Kịch bản vi phạm {n} quy tắc; sửa trước khi lưu.",
                     "The scenario breaks {n} rule(s); fix it before saving."),
    "rules_list": (
        "Các quy tắc: hai nguồn sự nghiệp và đầu tư phát triển không trộn lẫn (trừ khi bạn cho phép); vốn "
        "của Bộ giữ nguyên trên dòng của mình; dự án không nhận quá tổng mức đầu tư được duyệt trừ số đã "
        "bố trí; không có số âm.",
        "The rules: recurrent and development investment do not mix (unless you allow it); Ministry money "
        "stays on its line; a project receives no more than its approved total investment minus what it "
        "already got; no negative amounts.",
    ),
    "indicators": ("Chỉ số", "Indicators"),
    "metric_total": ("Tổng kinh phí", "Total budget"),
    "floor": ("Tỷ lệ chi KH&CN so với mức tối thiểu 2% tổng chi ngân sách địa phương",
              "S&T share against the 2% floor of local budget expenditure"),
    "local_budget": ("Tổng chi ngân sách địa phương năm {doc.plan} ({unit})",
                     "Province's total local budget expenditure {doc.plan} ({unit})"),
    "local_budget_help": (
        "Văn bản không nêu con số này; nhập số liệu bạn có để tính tỷ lệ. Để trống để bỏ qua.",
        "The document does not give this figure; enter the one you have to compute the share. Leave empty to skip.",
    ),
    "floor_missing": (
        "Văn bản nêu số kinh phí phân bổ hằng năm «chưa bảo đảm tối thiểu 2% tổng chi ngân sách địa phương» "
        "nhưng không nêu tổng chi ngân sách địa phương. Nhập con số đó để xem tỷ lệ.",
        "The document says yearly allocations have not reached “at least 2% of total local budget "
        "expenditure” but does not give that total. Enter it to see the share.",
    ),
    "metric_share": ("Tỷ lệ chi KH&CN (vốn tỉnh)", "S&T share (provincial money)"),
    "metric_floor_amount": ("Mức tối thiểu 2%", "The 2% floor"),
    "floor_met": ("Đạt mức tối thiểu {floor}: {share} tổng chi ngân sách địa phương.",
                  "Meets the {floor} floor: {share} of local budget expenditure."),
    "floor_not_met": ("Chưa đạt mức tối thiểu {floor}: {share} tổng chi ngân sách địa phương; còn thiếu {gap}.",
                      "Below the {floor} floor: {share} of local budget expenditure; {gap} short."),
    "floor_note": (
        "Tính trên vốn của tỉnh ({provincial}); dòng vốn của Bộ KH&CN không thuộc chi ngân sách địa phương nên không tính.",
        "Counted on provincial money ({provincial}); the Ministry-funded line is not local budget "
        "expenditure, so it is left out.",
    ),
    "split": ("Chia kinh phí sự nghiệp theo tỷ lệ của bạn (tùy chọn)", "Split the recurrent block by your own shares (optional)"),
    "split_warning": (
        "Văn bản KHÔNG chia kinh phí sự nghiệp KH&CN ({amount}) theo lĩnh vực hay nhóm nhiệm vụ. "
        "Các tỷ lệ dưới đây là giả định của bạn, không phải số liệu của kế hoạch.",
        "The document does NOT split the recurrent S&T block ({amount}) by field or activity "
        "area. The shares below are your assumption, not figures of the plan.",
    ),
    "split_kind": ("Chia theo", "Split by"),
    "split_none": ("Không chia", "No split"),
    "split_field": ("{n} lĩnh vực nghiên cứu", "The {n} research fields"),
    "split_area": ("{n} nhóm nhiệm vụ", "The {n} activity areas"),
    "share_label": ("{name} (%)", "{name} (%)"),
    "shares_sum": ("Tổng tỷ lệ: {total} (cần đúng 100%).", "Shares add up to {total} (100% needed)."),
    "split_caption": ("Phân chia theo giả định của người dùng, không phải của văn bản.",
                      "A split by the user's assumption, not the document's."),
    "col_code": ("Hạng mục", "Item"),
    "col_share": ("Tỷ lệ (%)", "Share (%)"),
    "share": ("Chia sẻ và tải về", "Share and download"),
    "share_link": ("Đường liên kết tới kịch bản đang xem (chưa lưu thì chứa toàn bộ số liệu):",
                   "Link to the scenario on screen (an unsaved one carries all its figures):"),
    "permalink": ("Đường liên kết cố định:", "Permanent link:"),
    "link_too_long": ("Kịch bản này quá lớn để chứa trong một đường liên kết (tối đa {max_chars} ký tự). "
                      "Hãy lưu kịch bản để có đường liên kết ngắn (?id=…).",
                      "This scenario is too large to carry in a link (at most {max_chars} characters). "
                      "Save it to get a short link (?id=…)."),
    "save": ("Lưu kịch bản", "Save the scenario"),
    "save_name": ("Tên kịch bản", "Scenario name"),
    "save_author": ("Người lập", "Author"),
    "save_note": ("Ghi chú", "Note"),
    "save_as": ("Lưu thành", "Save as"),
    "save_as_version": ("Phiên bản mới của «{name}»", "A new version of “{name}”"),
    "save_as_new": ("Kịch bản mới", "A new scenario"),
    "save_submit": ("Lưu", "Save"),
    "saved": ("Đã lưu «{name}», phiên bản {version}.", "Saved “{name}”, version {version}."),
    "already_saved": ("Kịch bản này đã được lưu trước đó là «{name}», phiên bản {version}; không lưu thêm bản trùng.",
                      "This was already saved as “{name}”, version {version}; no duplicate was stored."),
    "save_blocked": ("Chưa lưu: kịch bản còn vi phạm quy tắc (xem phần Kiểm tra quy tắc).",
                     "Not saved: the scenario still breaks a rule (see the rule check)."),
    "saving_off": ("Không lưu được lúc này; các phần khác của trang vẫn dùng bình thường.",
                   "Saving is not possible right now; the rest of the page works as usual."),
    "saved_list": ("Kịch bản đã lưu", "Saved scenarios"),
    "none_saved": ("Chưa có kịch bản nào được lưu.", "No scenario has been saved yet."),
    "pick": ("Chọn kịch bản", "Choose a scenario"),
    "pick_version": ("Phiên bản", "Version"),
    "version_label": ("Phiên bản {version} · {at} · {name}", "Version {version} · {at} · {name}"),
    "open": ("Mở", "Open"),
    "delete": ("Xóa", "Delete"),
    "delete_confirm": ("Xóa «{name}» cùng {n} phiên bản? Không thể hoàn tác.",
                       "Delete “{name}” and its {n} version(s)? This cannot be undone."),
    "delete_yes": ("Có, xóa", "Yes, delete"),
    "delete_no": ("Hủy", "Cancel"),
    "deleted": ("Đã xóa «{name}».", "Deleted “{name}”."),
    "opened": ("Đang xem «{name}», phiên bản {version} (người lập: {author}; lưu lúc {at}).",
               "Showing “{name}”, version {version} (author: {author}; saved {at})."),
    "opened_old": ("Đây là phiên bản cũ; phiên bản mới nhất là {latest}.",
                   "This is an older version; the latest is {latest}."),
    "opened_link": ("Đang xem kịch bản được chia sẻ qua đường liên kết (chưa lưu).",
                    "Showing a scenario shared through a link (not saved)."),
    "compare": ("So sánh kịch bản", "Compare scenarios"),
    "compare_pick": ("Chọn tối đa 3 kịch bản để so với kế hoạch", "Choose up to 3 scenarios to compare with the plan"),
    "compare_current": ("Kịch bản đang sửa", "The scenario being edited"),
    "compare_hint": ("Chọn ít nhất một kịch bản.", "Choose at least one scenario."),
    "col_saved_at": ("Lưu lúc", "Saved"),
    "col_versions": ("Số phiên bản", "Versions"),
    "col_name": ("Tên", "Name"),
    "col_author": ("Người lập", "Author"),
    "col_note": ("Ghi chú", "Note"),
    "col_source": ("Nguồn", "Source"),
    "col_diff": ("Chênh lệch", "Difference"),
    "col_diff_pct": ("Chênh lệch (%)", "Difference (%)"),
    "col_cap": ("Tối đa được nhận", "Most it may receive"),
    "col_headroom": ("Còn được nhận", "Still available"),
    "col_plan_unit": ("Kế hoạch ({unit})", "Plan ({unit})"),
    "col_amount_unit": ("Kịch bản ({unit})", "Scenario ({unit})"),
    "col_diff_unit": ("Chênh lệch ({unit})", "Difference ({unit})"),
    "col_cap_unit": ("Tối đa được nhận ({unit})", "Most it may receive ({unit})"),
    "col_headroom_unit": ("Còn được nhận ({unit})", "Still available ({unit})"),
    "col_amount_of": ("{name} ({unit})", "{name} ({unit})"),
    "col_diff_of": ("{name}: chênh lệch ({unit})", "{name}: difference ({unit})"),
    "all_sources": ("Tổng cộng", "Total"),
    "plan": ("Kế hoạch", "Plan"),
    "no_plan_pct": ("dòng mới", "new line"),
    "chart_lines_title": ("Kế hoạch và kịch bản, theo dòng", "Plan and scenario, by line"),
    "chart_groups_title": ("Kế hoạch và kịch bản, theo nhóm dòng", "Plan and scenario, by group of lines"),
    "summary_more": ("và {n} dòng khác", "and {n} more lines"),
    "chart_compare_title": ("Chênh lệch so với kế hoạch: các kịch bản", "Difference from the plan: scenarios"),
    "axis_diff": ("Chênh lệch ({unit})", "Difference ({unit})"),
    "axis_amount": ("Kinh phí ({unit})", "Amount ({unit})"),
    "summary_plan": ("Kịch bản giữ nguyên kế hoạch: tổng {total}.", "The scenario is the plan: total {total}."),
    "summary_lines": ("Tổng kịch bản {total} ({diff} so với kế hoạch {plan}). {changes}",
                      "Scenario total {total} ({diff} against the plan's {plan}). {changes}"),
    "summary_change": ("«{line}» {diff}", "“{line}” {diff}"),
    "summary_compare": ("So với kế hoạch ({plan}): {items}.", "Against the plan ({plan}): {items}."),
    "summary_compare_item": ("«{name}» tổng {total} ({diff})", "“{name}” total {total} ({diff})"),
    "unchanged": ("không đổi", "unchanged"),
    "store_locked": (
        "Cơ sở dữ liệu kịch bản đang được một chương trình khác sử dụng nên chưa lưu hay mở kịch bản đã lưu "
        "được. Bạn vẫn dùng được mọi phần khác; hãy thử lại sau.",
        "The scenario database is in use by another program, so saved scenarios cannot be saved or opened "
        "now. Everything else works; try again later.",
    ),
    "store_is_dir": (
        "Nơi lưu kịch bản được cấu hình (KHCN_SCENARIO_DB) là một thư mục, không phải một tệp: không lưu và "
        "không mở được kịch bản đã lưu. Các phần khác vẫn dùng bình thường; hãy báo bộ phận kỹ thuật.",
        "The configured scenario store (KHCN_SCENARIO_DB) is a folder, not a file: scenarios can be neither "
        "saved nor opened. Everything else works; please tell the technical team.",
    ),
    "store_bad_parent": (
        "Đường dẫn nơi lưu kịch bản (KHCN_SCENARIO_DB) đi qua một tệp chứ không phải thư mục: không lưu và "
        "không mở được kịch bản đã lưu. Các phần khác vẫn dùng bình thường; hãy báo bộ phận kỹ thuật.",
        "The scenario store's path (KHCN_SCENARIO_DB) runs through a file, not a folder: scenarios can be "
        "neither saved nor opened. Everything else works; please tell the technical team.",
    ),
    "store_cannot_create": (
        "Chưa có tệp lưu kịch bản và không tạo được tệp ở nơi đã cấu hình (KHCN_SCENARIO_DB): không lưu và "
        "không mở được kịch bản đã lưu. Các phần khác vẫn dùng bình thường; hãy báo bộ phận kỹ thuật.",
        "There is no scenario file yet and none can be created where KHCN_SCENARIO_DB points: scenarios can "
        "be neither saved nor opened. Everything else works; please tell the technical team.",
    ),
    "store_read_only_folder": (
        "Thư mục chứa tệp kịch bản không cho phép ghi: mở được kịch bản đã lưu nhưng không lưu hay xóa được.",
        "The folder of the scenario file cannot be written: saved scenarios can be opened but not saved or "
        "deleted.",
    ),
    "version_not_found": ("Kịch bản này không có phiên bản {version} (mới nhất là phiên bản {latest}); "
                          "đang hiển thị kế hoạch.",
                          "This scenario has no version {version} (the latest is version {latest}); "
                          "showing the plan."),
    "store_read_only": (
        "Tệp cơ sở dữ liệu kịch bản chỉ cho phép đọc: mở được kịch bản đã lưu nhưng không lưu hay xóa được.",
        "The scenario database file is read-only: saved scenarios can be opened but not saved or deleted.",
    ),
    "store_broken": (
        "Không mở được cơ sở dữ liệu kịch bản; chưa lưu được. Các phần khác của trang vẫn dùng bình thường.",
        "The scenario database cannot be opened, so saving is off. The rest of the page works as usual.",
    ),
    "store_failed": (
        "Thao tác với cơ sở dữ liệu kịch bản không thành công; chưa có gì thay đổi. Hãy thử lại.",
        "The scenario database operation failed; nothing was changed. Please try again.",
    ),
    "store_unreachable": (
        "Hiện chưa kết nối được máy chủ lưu kịch bản nên tạm thời chưa lưu được, cũng chưa mở được kịch bản "
        "đã lưu. Các phần khác vẫn dùng bình thường; trang tự kết nối lại khi máy chủ hoạt động trở lại, hãy "
        "thử lại sau ít phút.",
        "The scenario server cannot be reached right now, so saving is unavailable and saved scenarios cannot "
        "be opened. Everything else works; the page reconnects by itself when the server is back: try again "
        "in a few minutes.",
    ),
    "bad_id": ("Mã kịch bản trong địa chỉ không hợp lệ; đang hiển thị kế hoạch.",
               "The scenario id in the address is not valid; showing the plan."),
    "not_found": ("Không có kịch bản nào với mã này (có thể đã bị xóa); đang hiển thị kế hoạch.",
                  "There is no scenario with this id (it may have been deleted); showing the plan."),
    "bad_link": ("Đường liên kết kịch bản bị hỏng hoặc không đúng định dạng; đang hiển thị kế hoạch.",
                 "The scenario link is damaged or malformed; showing the plan."),
    "bad_saved": ("Kịch bản đã lưu này không đọc được với dữ liệu hiện tại.",
                  "This saved scenario cannot be read with the current data."),
}

MODE: dict[str, Pair] = {
    "fixed_proportional": ("Giữ nguyên tổng từng nguồn; các dòng khác cùng nguồn tự điều chỉnh theo tỷ lệ",
                           "Keep each source's total; the other lines of the source adjust in proportion"),
    "fixed_absorber": ("Giữ nguyên tổng từng nguồn; một dòng do bạn chọn nhận phần chênh",
                       "Keep each source's total; a line you choose takes up the difference"),
    "free": ("Cho phép tổng thay đổi", "Let the total change"),
}

FIELD_NAME: dict[str, Pair] = {
    "name": ("Tên kịch bản", "The scenario name"),
    "author": ("Tên người lập", "The author"),
    "note": ("Ghi chú", "The note"),
}

ERRORS: dict[str, Pair] = {
    "amount_empty": ("Chưa nhập số tiền.", "No amount entered."),
    "amount_not_number": ("«{text}» không phải là một số tiền. Chỉ nhập chữ số, vd. 10.000 hoặc 2.500,5.",
                          "“{text}” is not an amount. Type digits only, e.g. 10,000 or 2,500.5."),
    "amount_badly_written": (
        "«{text}» viết chưa đúng kiểu số Việt Nam: dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân "
        "(vd. 10.000 hoặc 2.500,5).",
        "“{text}” is not written as an English-style number: commas between thousands, a point before "
        "decimals (e.g. 10,000 or 2,500.5).",
    ),
    "amount_negative": ("Số tiền không được âm.", "An amount cannot be negative."),
    "amount_vi_thousands": (
        "«{text}»: tiếng Việt viết hàng nghìn bằng dấu chấm, dấu phẩy là phần thập phân. "
        "Nếu bạn muốn nhập số này theo hàng nghìn, hãy viết {suggest}.",
        "“{text}”: in Vietnamese, thousands are separated by points and the comma starts the decimals. "
        "To enter this number in thousands, write {suggest} (or switch the page to English).",
    ),
    "amount_en_thousands": (
        "«{text}»: tiếng Anh viết hàng nghìn bằng dấu phẩy, dấu chấm là phần thập phân. Hãy viết {suggest} "
        "(hoặc chuyển trang sang tiếng Việt).",
        "“{text}”: in English, thousands are separated by commas and the point starts the decimals. "
        "To enter this number in thousands, write {suggest}.",
    ),
    "local_budget_below_st": (
        "Tổng chi ngân sách địa phương không thể nhỏ hơn phần vốn của tỉnh chi cho KH&CN trong kịch bản ({minimum}).",
        "The total local budget expenditure cannot be smaller than the province's own S&T spending in the "
        "scenario ({minimum}).",
    ),
    "move_ministry": (
        "Chưa chuyển: vốn của Bộ KH&CN giữ nguyên trên dòng «{line}»; không chuyển tiền ra khỏi hay vào dòng này.",
        "Not moved: the Ministry's money stays on “{line}”; money cannot be moved out of or into that line.",
    ),
    "amount_too_precise": ("Số tiền chỉ tính đến 0,1 triệu đồng (100.000 đồng).",
                           "Amounts go down to 0.1 million VND (100,000 VND), no finer."),
    "amount_above_cap": ("Số tiền vượt mức tối đa cho phép ({maximum}).", "The amount is above the allowed maximum ({maximum})."),
    "unknown_line": ("Không có dòng kinh phí này.", "There is no such budget line."),
    "line_not_active": ("Dòng «{line}» chưa được thêm vào kịch bản.", "“{line}” has not been added to the scenario."),
    "unknown_mode": ("Chế độ không hợp lệ.", "Unknown mode."),
    "absorber_ministry": ("Dòng vốn của Bộ KH&CN giữ nguyên nên không thể nhận phần chênh.",
                          "The Ministry-funded line is fixed, so it cannot take up differences."),
    "absorber_missing": ("Hãy chọn dòng nhận phần chênh lệch trước.", "Choose the line that takes up the difference first."),
    "absorber_is_edited": ("«{line}» đang là dòng nhận phần chênh; hãy chọn một dòng khác để nhận trước khi sửa dòng này.",
                           "“{line}” is the line taking up differences; choose another one before changing it."),
    "absorber_other_source": (
        "«{absorber}» thuộc nguồn khác với «{line}»; hai nguồn không trộn lẫn trừ khi bạn cho phép.",
        "“{absorber}” belongs to another source than “{line}”; the sources do not mix unless you allow it.",
    ),
    "absorber_too_small": ("Chưa đổi: «{absorber}» chỉ còn {available}, không đủ bù {needed}.",
                           "Not changed: “{absorber}” only has {available}, not enough to give {needed}."),
    "nothing_to_rebalance": (
        "Chưa đổi: không còn dòng nào cùng nguồn với «{line}» để giữ nguyên tổng. Hãy chọn «Cho phép tổng thay "
        "đổi», hoặc cho phép chuyển giữa hai nguồn.",
        "Not changed: no other line of the source of “{line}” can balance it. Choose “Let the total change”, "
        "or allow moving money between the sources.",
    ),
    "rebalance_too_small": (
        "Chưa đổi: để giữ nguyên tổng, các dòng khác cùng nguồn phải giảm {needed} nhưng chỉ có {available}.",
        "Not changed: to keep the total, the other lines of the source would have to give {needed} but only "
        "have {available}.",
    ),
    "move_same_line": ("Hãy chọn hai dòng khác nhau.", "Choose two different lines."),
    "move_not_positive": ("Số tiền chuyển phải lớn hơn 0.", "The amount to move must be more than 0."),
    "move_across_sources": (
        "Chưa chuyển: «{from_line}» và «{to_line}» thuộc hai nguồn khác nhau (sự nghiệp / đầu tư phát triển). "
        "Hai nguồn không trộn lẫn trừ khi bạn tích «Cho phép chuyển giữa hai nguồn».",
        "Not moved: “{from_line}” and “{to_line}” are in different sources (recurrent / development "
        "investment). They do not mix unless you tick “Allow moving money between the two sources”.",
    ),
    "move_too_much": ("Chưa chuyển: «{from_line}» chỉ có {available}, không chuyển được {needed}.",
                      "Not moved: “{from_line}” only has {available}, so {needed} cannot be moved."),
    "local_budget_not_positive": ("Tổng chi ngân sách địa phương phải lớn hơn 0.",
                                  "Total local budget expenditure must be more than 0."),
    "unknown_split": ("Cách chia không hợp lệ.", "Unknown split."),
    "unknown_split_code": ("Hạng mục chia không hợp lệ.", "Unknown split item."),
    "share_out_of_range": ("Tỷ lệ phải từ 0 đến 100.", "A share must be between 0 and 100."),
    "share_invalid": ("«{text}» không phải tỷ lệ hợp lệ: nhập số từ 0 đến 100, tối đa một chữ số thập phân.",
                      "“{text}” is not a valid share: type a number from 0 to 100 with at most one decimal."),
    "shares_not_100": ("Tổng tỷ lệ là {total}, cần đúng 100%.", "Shares add up to {total}; 100% needed."),
    "not_a_candidate": ("Dòng này không phải dự án đề xuất khôi phục.", "This line is not a candidate project."),
    "bad_payload": ("Dữ liệu kịch bản không hợp lệ.", "The scenario data is not valid."),
    "bad_link": TEXT["bad_link"],
    "text_invalid": ("{field} không hợp lệ.", "{field} is not valid."),
    "text_empty": ("{field} không được để trống.", "{field} cannot be empty."),
    "text_too_long": ("{field} dài {length} ký tự; tối đa {max_len}.", "{field} is {length} characters long; at most {max_len}."),
    "text_hidden_chars": (
        "{field} chứa ký tự điều khiển hoặc ký tự ẩn (vd. dấu đổi chiều viết) nên không được nhận; hãy gõ lại "
        "bằng chữ thường.",
        "{field} contains control or hidden characters (such as a right-to-left mark), so it was refused; "
        "please type it again in plain text.",
    ),
}

RULE: dict[str, Pair] = {
    "ministry_line_fixed": (
        "Vi phạm quy tắc «vốn của Bộ giữ nguyên trên dòng của mình»: «{line}» do Bộ KH&CN cấp vốn nên phải "
        "giữ đúng {plan} như kế hoạch; kịch bản đang ghi {amount} ({diff}). Tỉnh không được lấy vốn của Bộ "
        "cho dòng khác, cũng không được bù thêm vốn tỉnh vào dòng này. Cách sửa: đưa dòng này về {plan} và "
        "chuyển phần chênh sang một dự án của tỉnh.",
        "Breaks the rule “Ministry money stays on its line”: “{line}” is funded by the Ministry of S&T, so "
        "it must stay at its planned {plan}; this scenario has {amount} ({diff}). The province may neither "
        "take the Ministry's money for another line nor add provincial money to this one. To fix: set the "
        "line back to {plan} and move the difference to a provincial project.",
    ),
    "sources_separate": (
        "Vi phạm quy tắc «hai nguồn không trộn lẫn»: ở chế độ giữ nguyên tổng, nguồn «{source}» phải giữ {plan} "
        "như kế hoạch; kịch bản đang có {amount} ({diff}). Kinh phí sự nghiệp KH&CN và chi đầu tư phát triển "
        "là hai nguồn riêng. Cách sửa: cân đối lại trong cùng nguồn, chọn «Cho phép tổng thay đổi», hoặc tích "
        "«Cho phép chuyển giữa hai nguồn» nếu bạn chủ ý chuyển.",
        "Breaks the rule “the two sources do not mix”: in a keep-the-total mode the source “{source}” must "
        "stay at its planned {plan}; this scenario has {amount} ({diff}). Recurrent S&T spending and "
        "development investment are separate sources. To fix: rebalance within the source, choose “Let the "
        "total change”, or tick “Allow moving money between the two sources” if you mean to.",
    ),
    "total_changed": (
        "Vi phạm quy tắc «giữ nguyên tổng kinh phí»: tổng phải là {plan} như kế hoạch; kịch bản đang có "
        "{amount} ({diff}). Cách sửa: cân đối lại, hoặc chọn «Cho phép tổng thay đổi».",
        "Breaks the rule “keep the total”: the total must stay at the plan's {plan}; this scenario has "
        "{amount} ({diff}). To fix: rebalance, or choose “Let the total change”.",
    ),
    "cap_exceeded": (
        "Vi phạm quy tắc «không vượt tổng mức đầu tư còn lại»: dự án «{line}» có tổng mức đầu tư được duyệt "
        "{approved}, đã được bố trí {allocated} giai đoạn {doc.review}, nên còn nhận tối đa {cap}; kịch bản ghi "
        "{amount}, vượt {over}.",
        "Breaks the rule “no more than the approved investment still open”: “{line}” has an approved total "
        "investment of {approved} and received {allocated} in {doc.review}, so it may receive at most {cap}; "
        "this scenario gives it {amount}, {over} too much.",
    ),
    "negative": ("Vi phạm quy tắc «không có số âm»: «{line}» đang là {amount}.",
                 "Breaks the rule “no negative amounts”: “{line}” is {amount}."),
}


def t(key: str, lang: str, **kw) -> str:
    text = pick(TEXT[key], lang)
    return text.format(**kw) if kw else text


def unit_text(lang: str, unit: str) -> str:
    return fmt.unit_text(unit, lang)


def line_name(line: Line, lang: str) -> str:
    """A line's display name: its short name (a project's, or a detail line's own name), else the
    name of its source (the recurrent block given as one line)."""
    short = line.short_vi if lang == "vi" else (line.short_en or line.short_vi)
    if short:
        return short
    return name("funding_kind", line.funding_kind, lang) if line.project_id is None else line.project_id


def _part_of(line: Line, lang: str) -> str | None:
    """The item a detail line is part of (None for a line that is not a detail line)."""
    return line.group_vi if lang == "vi" else (line.group_en or line.group_vi)


def group_name(line: Line, lang: str) -> str:
    """The group a line belongs to, in short: the item a detail line is part of, else its source."""
    return _part_of(line, lang) or name("funding_kind", line.funding_kind, lang)


def group_label(line: Line, lang: str) -> str:
    """Where a line sits: its source, and for a detail line the item it is part of
    ('Kinh phí sự nghiệp › Nghiên cứu …')."""
    source, part = name("funding_kind", line.funding_kind, lang), _part_of(line, lang)
    return f"{source} › {part}" if part else source


def line_label(line: Line, lang: str) -> str:
    """The name with its tags (Ministry money, candidate)."""
    tags = []
    if line.ministry:
        tags.append(t("tag_ministry", lang))
    if line.candidate:
        tags.append(t("tag_candidate", lang))
    return line_name(line, lang) + (f" ({', '.join(tags)})" if tags else "")


def signed_money(amount: Decimal, lang: str, unit: str) -> str:
    """'+2.000 triệu đồng' / '-2.000 triệu đồng' / 'không đổi'."""
    if amount == 0:
        return t("unchanged", lang)
    return fmt.signed_money(amount, lang, unit)


def metric_label(label: str, lang: str, unit: str) -> str:
    """A metric's label carries the unit, so the figure itself stays short enough to show whole."""
    return f"{label} ({fmt.unit_text(unit, lang)})"


def metric_delta(amount: Decimal, lang: str, unit: str) -> str | None:
    """'+2.000' / '-2.000' for st.metric's delta (its sign sets the arrow), None when unchanged."""
    return None if amount == 0 else fmt.signed_amount(amount, lang, unit)


def change_text(row: Mapping, lang: str, unit: str) -> str:
    """A line's change from the plan in amount and percent ('+1.000 (+12,5%)'), empty when unchanged."""
    if row["diff_mvnd"] == 0:
        return ""
    pct_text = t("no_plan_pct", lang) if row["diff_pct"] is None else (
        ("+" if row["diff_pct"] > 0 else "") + fmt.pct(row["diff_pct"], lang))
    return f"{fmt.signed_amount(row['diff_mvnd'], lang, unit)} ({pct_text})"


def mode_name(mode: str, lang: str) -> str:
    return pick(MODE[mode], lang)


def split_kind_name(kind: str | None, lang: str, n: int = 0) -> str:
    """'Không chia', or the codes a split may use: '4 lĩnh vực nghiên cứu' (n of them)."""
    return t({None: "split_none", "field": "split_field", "area": "split_area"}[kind], lang, **({"n": n} if kind else {}))


def split_code_name(kind: str, code: str, lang: str) -> str:
    return name(kind, code, lang)


def _fmt_param(key: str, value, lang: str, unit: str, lines: Mapping[str, Line]) -> str:
    if key in ("line_id", "from_id", "to_id", "absorber"):
        line = lines.get(value)
        return line_name(line, lang) if line else str(value)
    if key == "field":
        return pick(FIELD_NAME.get(value, (str(value), str(value))), lang)
    if key == "total":
        return fmt.pct(value, lang)
    if isinstance(value, Decimal):
        return fmt.money(value, lang, unit)
    if isinstance(value, int):
        return fmt.count(value, lang)
    return str(value)


_PARAM_ALIASES = {"line_id": "line", "from_id": "from_line", "to_id": "to_line"}


def error_text(err: ScenarioError, lang: str, unit: str, lines: Mapping[str, Line] | None = None,
               typed: str | None = None, escape: Callable[[str], str] = str) -> str:
    """The user-language message for a refused input or edit. `typed` is what the user typed, shown
    back shortened and passed through `escape` (the page's Markdown escaping)."""
    pair = ERRORS.get(err.code, ERRORS["bad_payload"])
    values = {_PARAM_ALIASES.get(k, k): _fmt_param(k, v, lang, unit, lines or {}) for k, v in err.params.items()}
    shown = (typed or "").strip()
    values["text"] = escape(shown if len(shown) <= 40 else shown[:40] + "…")
    text = pick(pair, lang)
    try:
        return text.format(**values)
    except (KeyError, IndexError):
        return text


def violation_text(v: Violation, lang: str, unit: str, lines: Mapping[str, Line]) -> str:
    """The sentence that explains a broken rule, with its figures."""
    values: dict[str, str] = {}
    for k, val in v.params.items():
        if k == "diff":
            values[k] = signed_money(val, lang, unit)
        else:
            values[k] = fmt.money(val, lang, unit) if isinstance(val, Decimal) else str(val)
    if v.line_id:
        values["line"] = line_name(lines[v.line_id], lang) if v.line_id in lines else v.line_id
    if v.funding_kind:
        values["source"] = name("funding_kind", v.funding_kind, lang)
    return pick(RULE[v.code], lang).format(**values)


def saved_at(value: dt.datetime | None, lang: str) -> str:
    """A stored UTC time in Vietnam's time: '26/11/2026 16:05' (vi) or '26 Nov 2026 16:05' (en)."""
    return fmt.datetime_local(value, lang)


def saved_option(row: Mapping, lang: str) -> str:
    """How one saved scenario appears in a picker (the name is plain text in a select box)."""
    author = row.get("author") or "–"
    return f"{row['name']} · {author} · {saved_at(row.get('created_at'), lang)} · v{row['version']}"


def version_option(row: Mapping, lang: str) -> str:
    return t("version_label", lang, version=row["version"], at=saved_at(row.get("created_at"), lang), name=row["name"])


# --- tables (headers in the user's language; money in the display unit, exact) -------------

def floor_text(check: Mapping, lang: str, unit: str) -> str:
    floor = fmt.pct(check["floor_pct"], lang, 0)
    share = fmt.pct(check["share_pct"], lang, 2)
    if check["meets"]:
        return t("floor_met", lang, floor=floor, share=share)
    return t("floor_not_met", lang, floor=floor, share=share, gap=fmt.money(check["gap_mvnd"], lang, unit))
