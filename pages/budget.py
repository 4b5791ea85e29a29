"""Placeholder until its issue lands."""
from khcn_dash import ui

ui.placeholder()
