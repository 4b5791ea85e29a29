"""The baseline a scenario starts from, read from the query layer: the plan's lines, the sentences
behind the rules and the codes a split may use, as a scenario.Baseline.

One function shared by the scenario page (scenario_session.py) and the scenario slide (slides.py).
No Streamlit here (the query layer caches its results; queries/_db.py).
"""
from __future__ import annotations

from . import scenario as model
from .queries import scenarios as q


def load_baseline() -> model.Baseline:
    return model.Baseline.from_query(q.baseline_lines().to_dict("records"), q.rule_sources(), q.split_codes())
