"""A Streamlit session without a browser: what a browser tab sends and reads over the app's websocket
(/_stcore/stream), so a test can use a real `streamlit run` server (fill a form, click a button,
open a link) and read what the page shows. Streamlit's own protocol messages (streamlit.proto);
widgets are found by their `key`, which Streamlit puts at the end of each widget's id.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Block_pb2 import Block
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

FINISHED_EARLY_FOR_RERUN = 2  # ScriptFinishedStatus: the run ended and another one follows


@dataclass
class Page:
    """What one run drew: its elements and expanders (type, proto) in order, and the address's
    query string."""
    elements: list[tuple[str, object]] = field(default_factory=list)
    query_string: str | None = None

    def texts(self, kind: str = "") -> list[str]:
        """The bodies of the markdown and alert (info, success, warning, error) elements."""
        return [getattr(el, "body") for t, el in self.elements
                if t in ("markdown", "alert") and (not kind or t == kind)]

    def widget(self, key: str):
        """The widget whose key is `key` (its proto: .id, .label, .options, .disabled…)."""
        for _, el in self.elements:
            if getattr(el, "id", "").endswith(f"-{key}"):
                return el
        raise KeyError(key)

    def has(self, key: str) -> bool:
        return any(getattr(el, "id", "").endswith(f"-{key}") for _, el in self.elements)


class Session:
    """One browser tab on a Streamlit server at `base` (http://host:port)."""

    def __init__(self, base: str, timeout: float = 120):
        self.timeout = timeout
        self.last = Page()
        self.opened: set[str] = set()  # expanders opened: a browser sends their state with every run
        self.ws = connect(base.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                          max_size=None, open_timeout=timeout)

    def run(self, page: str, query: str = "", widgets: dict | None = None) -> Page:
        """Runs `page` (its address, e.g. "scenarios") with `query` in the address bar, as a click or
        a typed value would: widgets maps the key of a widget drawn by the last run to its new value
        (str for a text box, True for a button; True opens an expander, which stays open as in a browser)."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        self.opened |= {k for k, v in (widgets or {}).items()
                        if v is True and isinstance(self.last.widget(k), Block.Expandable)}
        for key, value in {**{k: True for k in self.opened if self.last.has(k)}, **(widgets or {})}.items():
            state = msg.rerun_script.widget_states.widgets.add()
            widget = self.last.widget(key)
            state.id = widget.id
            if key in self.opened:
                state.bool_value = True
            elif value is True:
                state.trigger_value = True
            else:
                state.string_value = value
        self.ws.send(msg.SerializeToString())
        shown = Page()
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(self.ws.recv(timeout=self.timeout))
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                shown = Page()  # a new run starts: only the last one's elements count
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                t = element.WhichOneof("type")
                shown.elements.append((t, getattr(element, t)))
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "add_block" \
                    and fwd.delta.add_block.WhichOneof("type") == "expandable":
                shown.elements.append(("expandable", fwd.delta.add_block.expandable))
            elif kind == "page_info_changed":
                shown.query_string = fwd.page_info_changed.query_string
            elif kind == "script_finished" and fwd.script_finished != FINISHED_EARLY_FOR_RERUN:
                self.last = shown
                return shown

    def close(self) -> None:
        self.ws.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
