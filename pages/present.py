"""Presentation mode: the slideshow (one idea per screen). Layout only; see khcn_dash/present.py."""
from khcn_dash import present, ui

ui.require_app_shell()
present.slideshow()
