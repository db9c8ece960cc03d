"""A bare Streamlit websocket client: the messages a browser sends (a rerun, widget
values, "clear cache") over a real connection to a `streamlit run` server, without a
browser. For the hardening tests and the cache-clear benchmark."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect


@dataclass
class Rerun:
    """What one rerun sent back: its messages, how long it took, how it ended."""

    seconds: float
    messages: list[ForwardMsg] = field(default_factory=list)
    finished: int | None = None  # ForwardMsg.ScriptFinishedStatus

    def texts(self) -> list[str]:
        """The body of every Markdown element the rerun drew."""
        return [
            m.delta.new_element.markdown.body
            for m in self.messages
            if m.WhichOneof("type") == "delta" and m.delta.new_element.HasField("markdown")
        ]

    def component_ids(self) -> list[str]:
        """The widget ids of the custom components (st_folium's map) it drew."""
        return [
            m.delta.new_element.component_instance.id
            for m in self.messages
            if m.WhichOneof("type") == "delta"
            and m.delta.new_element.HasField("component_instance")
        ]


class StreamClient:
    """One session on the server at `url` (http://host:port), as a browser opens it."""

    def __init__(self, url: str, timeout: float = 60.0):
        parts = urlsplit(url)
        self.timeout = timeout
        self._connect = connect(
            f"ws://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream",
            origin=f"{parts.scheme}://{parts.netloc}",  # type: ignore[arg-type]
            subprotocols=["streamlit"],  # type: ignore[list-item]
            max_size=None,
            open_timeout=timeout,
        )
        self.ws: ClientConnection = self._connect.__enter__()

    def send(self, msg: BackMsg) -> None:
        self.ws.send(msg.SerializeToString())

    @staticmethod
    def rerun_message(query: str = "", widgets: list[WidgetState] | None = None) -> BackMsg:
        """The rerun a browser asks for after a change, with these widget values."""
        state = ClientState(query_string=query)
        state.widget_states.widgets.extend(widgets or [])
        return BackMsg(rerun_script=state)

    def rerun(self, query: str = "", widgets: list[WidgetState] | None = None) -> Rerun:
        """Ask for a rerun and read the messages until the script has finished."""
        started = time.perf_counter()
        self.send(self.rerun_message(query, widgets))
        rerun = Rerun(0.0)
        deadline = time.monotonic() + self.timeout
        while rerun.finished is None:
            msg = ForwardMsg()
            msg.ParseFromString(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            rerun.messages.append(msg)
            if msg.WhichOneof("type") == "script_finished":
                rerun.finished = msg.script_finished
        rerun.seconds = time.perf_counter() - started
        return rerun

    def clear_cache(self) -> None:
        """The message Streamlit's 'Clear cache' menu item sends."""
        self.send(BackMsg(clear_cache=True))

    def close_code_after(self, msg: BackMsg) -> int:
        """Send `msg` and wait for the server to close the connection; its close code,
        or 1006 (as a browser reports it) when the connection dropped with no close
        frame read, as when the server closes while a large message is being sent."""
        try:
            self.send(msg)
            while True:
                self.ws.recv(timeout=self.timeout)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else 1006

    def close(self) -> None:
        self._connect.__exit__(None, None, None)

    def __enter__(self) -> StreamClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
