"""The README tells the truth: set-up commands, every page address, every data file."""
from __future__ import annotations

from pathlib import Path

from khcn_dash import config, labels

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_set_up_commands():
    assert "pip install -r requirements.txt" in README and "streamlit run app.py" in README
    assert "python -m pytest" in README


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "requirements-dev.txt" in ci and "python -m pytest" in ci and "apt-get install" in ci


def test_readme_mentions_every_page_address():
    for path, _title in labels.PAGES.values():
        assert f"`/{path}`" in README, path


def test_readme_mentions_every_source_file():
    for p in sorted(config.SOURCE_DIR.iterdir()):
        if p.suffix in (".csv", ".txt"):
            assert f"`{p.name}`" in README, p.name


def test_requirements_are_pinned():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert "==" in line, line


def test_the_folder_table_names_every_module_and_folder_of_the_package():
    """The README's folder table matches the code: each module of khcn_dash (and each sub-package)
    appears in it, and nothing it names under khcn_dash is gone."""
    import re

    table = README[README.index("## Folders"):README.index("## Data files")]
    pkg = ROOT / "khcn_dash"
    present = {p.name for p in pkg.glob("*.py") if p.name != "__init__.py"}
    present |= {p.name + "/" for p in pkg.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    for name in sorted(present):
        assert re.search(rf"(?<![\w/]){re.escape(name)}", table), name
    named = set(re.findall(r"^  ([a-z_]+(?:\.py|/))", table, re.M))
    named |= set(re.findall(r", ([a-z_]+\.py)", table))
    assert named <= present, named - present
