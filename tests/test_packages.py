"""Document packages: the shipped package is a valid Frictionless Data Package whose descriptor is
in step with khcn_dash.schema and says what its document says of itself."""
from __future__ import annotations

import csv
import json
import shutil

import pytest
from frictionless import validate

from khcn_dash import config
from khcn_dash.packages import descriptor

PACKAGES = config.package_dirs()


def test_the_packages_folder_holds_the_lang_son_2021_package_and_the_app_serves_it():
    assert [p.name for p in PACKAGES] == ["lang-son-2021"]
    assert config.SOURCE_DIR == PACKAGES[0]


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: p.name)
def test_the_descriptor_is_in_step_with_the_schema(folder):
    desc = descriptor.read(folder)
    assert desc["resources"] == descriptor.resources(folder)  # python -m khcn_dash.packages descriptor PATH


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: p.name)
def test_frictionless_finds_the_package_valid(folder):
    report = validate(str(folder / config.DESCRIPTOR))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: p.name)
def test_the_descriptor_names_the_document_as_the_document_names_itself(folder):
    who = descriptor.identity(folder)
    assert folder.name == who.package_id == f"{who.province_id}-{who.plan_year}"
    with open(folder / "document_facts.csv", encoding="utf-8", newline="") as f:
        facts = {r["fact"]: r for r in csv.DictReader(f)}
    assert (who.number, who.issued_on) == (facts["number"]["value_vi"], facts["issued_on"]["value_vi"])
    assert (who.issuer_vi, who.title_vi) == (facts["issuer"]["value_vi"], facts["title"]["value_vi"])
    assert who.plan_year == 2021 and who.review_period == "2016-2020" and not who.fictional


def test_frictionless_refuses_an_unknown_code_and_a_broken_foreign_key(tmp_path):
    folder = tmp_path / "lang-son-2021"
    shutil.copytree(PACKAGES[0], folder)
    path = folder / "budget_lines.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace(",investment,tdc-equipment,", ",investmnt,no-such-project,", 1)
    path.write_text(text, encoding="utf-8")
    report = validate(str(folder / config.DESCRIPTOR))
    problems = {(e[0], e[1]) for e in report.flatten(["fieldName", "type"])}
    assert ("funding_kind", "constraint-error") in problems
    assert any(kind == "foreign-key" for _, kind in problems), problems


def test_the_descriptor_is_json_a_reviewer_can_read():
    raw = (PACKAGES[0] / config.DESCRIPTOR).read_text(encoding="utf-8")
    assert json.loads(raw)["khcn"]["province"]["name_vi"] == "Lạng Sơn"
    assert "Lạng Sơn" in raw  # written as UTF-8, not \\u escapes
