"""Packages made from a real one, for the tests and the scale benchmark: the same document under
another plan year (and, for the benchmark, another province id), optionally with some figures
changed consistently in the text and the tables. Every one is marked fictional in its descriptor.

    python -m bench.packages SOURCE_PACKAGE OUT_DIR YEAR [PROVINCE_ID]
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

from khcn_dash import config, schema

# A consistent change of the Lạng Sơn figures: the recurrent line and the total both 1.000 triệu more
# (what the text says and what the tables hold, so the totals still reconcile).
MORE_RECURRENT = {"33.427,9": "34.427,9", "66.769,9": "67.769,9", "33427.9": "34427.9", "66769.9": "67769.9"}


def _rewrite_csv(path: Path, table: schema.Table, old_province: str, province: str, old_plan: str, plan: str,
                 replace: dict[str, str]) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    out = [header]
    for row in rows[1:]:
        new = []
        for name, cell in zip(header, row):
            if name == "province" and cell == old_province:
                cell = province
            elif name == "period" and cell == old_plan:
                cell = plan
            for old, value in replace.items():
                cell = cell.replace(old, value)
            new.append(cell)
        out.append(new)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(out)
    path.write_text(buf.getvalue(), encoding="utf-8")


def derive(source: Path, out_dir: Path, year: int, province: str | None = None,
           replace: dict[str, str] | None = None, province_names: tuple[str, str] | None = None) -> Path:
    """A copy of the package at `source` as `<province>-<year>` in `out_dir` (returned): its plan
    year (and the tables' plan period) is `year`; `province` renames the province id; `replace`
    changes text in the document and in every table cell alike. The descriptor says it is fictional."""
    source, out_dir = Path(source), Path(out_dir)
    desc = json.loads((source / config.DESCRIPTOR).read_text(encoding="utf-8"))
    khcn = desc["khcn"]
    old_province, old_plan = khcn["province"]["id"], str(khcn["plan_year"])
    province = province or old_province
    target = out_dir / f"{province}-{year}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    replace = dict(replace or {})
    text = (target / "document.txt").read_text(encoding="utf-8")
    for old, value in replace.items():
        text = text.replace(old, value)
    (target / "document.txt").write_text(text, encoding="utf-8")
    for table in schema.TABLES.values():
        path = target / f"{table.name}.csv"
        if path.exists():
            _rewrite_csv(path, table, old_province, province, old_plan, str(year), replace)
    desc["name"] = target.name
    desc["title"] = f"[fictional test data] {desc.get('title', target.name)} → {year}"
    khcn["plan_year"] = year
    khcn["fictional"] = True
    khcn["province"]["id"] = province
    if province_names:
        khcn["province"]["name_vi"], khcn["province"]["name_en"] = province_names
    (target / config.DESCRIPTOR).write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def many_details(source: Path, out_dir: Path, n: int = 60) -> Path:
    """A copy of the fictional Sơn Thủy 2023 package (`source`) whose research area is broken into
    `n` tasks instead of three, for the scenario editor at scale: the same 8.000 triệu đồng, each
    task with its own sentence in the text and its row in budget_details (the parts reconcile).
    Returned: the package folder in `out_dir`, marked fictional."""
    source, out_dir = Path(source), Path(out_dir)
    target = out_dir / source.name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    details = target / "budget_details.csv"
    with open(details, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    parent = next(r for r in rows if r["detail_id"].endswith("-rec-research"))
    old = [r for r in rows if r["parent_detail_id"] == parent["detail_id"]]
    total = sum(int(round(float(r["amount_mvnd"]) * 10)) for r in old)
    base, extra = divmod(total, n)
    text = (target / "document.txt").read_text(encoding="utf-8")
    new_rows, sentences = [], []
    for i in range(n):
        tenths = base + (1 if i < extra else 0)
        written = f"{tenths // 10:,}".replace(",", ".") + (f",{tenths % 10}" if tenths % 10 else "")
        sentence = f"- Nhiệm vụ nghiên cứu số {i + 1:02d}: {written} triệu đồng;"
        sentences.append(sentence)
        new_rows.append({**old[0], "detail_id": f"{parent['detail_id']}-{i + 1:02d}",
                         "name_vi": f"Nhiệm vụ nghiên cứu số {i + 1:02d}",
                         "name_en": f"Research task no. {i + 1:02d}",
                         "amount_mvnd": f"{tenths // 10}.{tenths % 10}", "source_quote": sentence})
    first = text.index(old[0]["source_quote"])
    last = text.index(old[-1]["source_quote"]) + len(old[-1]["source_quote"])
    text = text[:first] + "\n".join(sentences) + text[last:]
    (target / "document.txt").write_text(text, encoding="utf-8")
    kept = [r for r in rows if r not in old]
    at = kept.index(parent) + 1
    with open(details, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept[:at] + new_rows + kept[at:])
    desc = json.loads((target / config.DESCRIPTOR).read_text(encoding="utf-8"))
    desc["title"] = f"[fictional test data, {n} research tasks] {desc.get('title', target.name)}"
    desc["khcn"]["fictional"] = True
    (target / config.DESCRIPTOR).write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    made = derive(Path(argv[0]), Path(argv[1]), int(argv[2]), argv[3] if len(argv) > 3 else None)
    print(made)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
