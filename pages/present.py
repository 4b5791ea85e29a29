"""Presentation mode: the slideshow (one idea per screen). Layout only; see khcn_dash/slideshow.py."""
from khcn_dash import slideshow, ui

ui.require_app_shell()
slideshow.show()
