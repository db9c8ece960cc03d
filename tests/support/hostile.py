"""Helpers for the hardening tests: a copy of the data with script-injection
payloads in every displayed text, and a network guard for offline runs.

The payloads set `window.__pwned`; a test that finds it defined has found a
script that ran from data.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import textwrap
from pathlib import Path

import yaml

from geo.config import REPO_ROOT as REPO

P1 = "<script>window.__pwned=1</script>"
P2 = '<img src=x onerror="window.__pwned=2">'
P3 = "`${window.__pwned=3}`"
P4 = "</script><script>window.__pwned=4</script>"
P5 = "[x](javascript:window.__pwned=5)"
P6 = "<svg onload=window.__pwned=6>"
P7 = "{{constructor.constructor('window.__pwned=7')()}}"
PAYLOADS = (P1, P2, P3, P4, P5, P6, P7)
# A URL that survives pydantic's HttpUrl but tries to close the markdown link and open HTML.
HOSTILE_URL = (
    'https://example.org/a?x=")](javascript:window.__pwned=8)<script>window.__pwned=9</script>'
)

# Island names: a different payload in each name of each island. Not P7: text that reaches
# folium is a Jinja template there (see test_hardening.test_template_text_reaching_the_map).
ISLAND_NAME_PAYLOADS = {
    "iturup": {"name_en": P1, "name_ja_romaji": P5, "name_ru": P2, "name_ja": P4},
    "kunashir": {"name_en": P2, "name_ja_romaji": P3, "name_ru": P4, "name_ja": P1},
    "shikotan": {"name_en": P5, "name_ja_romaji": P5, "name_ru": P1, "name_ja": P3},
    "habomai": {"name_en": P3, "name_ja_romaji": P4, "name_ru": P6, "name_ja": P7},
}

# Markdown that Streamlit would turn into bold, a link, colour, LaTeX, autolinks, an
# icon or an arrow: in every displayed text of make_hostile_data(markdown=True).
MARKDOWN = (
    "**bold** [x](http://e.example) :red[x] $x$ www.evil-example.com "
    "press@evil.example :material/verified: a -> b"
)

SHORT = 300  # ShortText's max_length in geo.models


def hostile(payload: str, original: str, limit: int = SHORT) -> str:
    """The payload first, then as much of the original text as fits."""
    return f"{payload} {original}"[:limit]


def make_hostile_data(folder: Path, src: Path = REPO / "data", markdown: bool = False) -> Path:
    """A valid data folder: the real data with a payload in every displayed text (with
    `markdown`, the MARKDOWN payload in each instead of the script payloads)."""
    folder.mkdir(parents=True, exist_ok=True)

    def _payload(n: int) -> str:
        return MARKDOWN if markdown else PAYLOADS[n % len(PAYLOADS)]

    first, second = (MARKDOWN, MARKDOWN) if markdown else (P2, P1)
    for path in [*src.glob("*.yaml"), *src.glob("*.geojson")]:
        shutil.copy(path, folder / path.name)
    shutil.copytree(src / "i18n", folder / "i18n", dirs_exist_ok=True)

    def edit(name: str, change) -> None:
        records = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
        for n, record in enumerate(records):
            change(n, record)
        (folder / name).write_text(
            yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )

    renamed: dict[str, str] = {}  # a speaker's hostile name -> the real one

    def claim(n: int, c: dict) -> None:
        c["text"] = hostile(_payload(n), c["text"], 4000)
        original = c["speaker"]
        c["speaker"] = hostile(_payload(n + 1), original)
        renamed[c["speaker"]] = original
        c["role"] = hostile(_payload(n + 2), c["role"])
        c["occasion"] = hostile(_payload(n + 3), c["occasion"])
        if c.get("place"):
            c["place"] = hostile(_payload(n + 4), c["place"])
        c["summary"] = hostile(_payload(n + 5), c["summary"], 4000)
        c["date_basis"] = hostile(_payload(n + 6), c["date_basis"], 4000)

    def source(n: int, s: dict) -> None:
        s["outlet"] = hostile(_payload(n), s["outlet"])
        s["original_publisher"] = hostile(_payload(n + 1), s["original_publisher"])
        s["headline"] = hostile(_payload(n + 2), s["headline"])
        if n == 0:
            s["url"] = HOSTILE_URL

    def event(n: int, e: dict) -> None:
        e["title"] = hostile(_payload(n), e["title"])
        e["description"] = hostile(_payload(n + 1), e["description"], 4000)
        if e.get("reference"):
            e["reference"]["title"] = hostile(_payload(n + 2), e["reference"]["title"])
            e["reference"]["publisher"] = hostile(_payload(n + 3), e["reference"]["publisher"])
        if e.get("condition"):
            e["condition"] = hostile(_payload(n + 4), e["condition"], 4000)
        for side in ("russia", "japan"):
            if (e.get("positions") or {}).get(side):
                e["positions"][side] = hostile(_payload(n + 5), e["positions"][side], 4000)
        for effect in e.get("effects", []):
            if effect.get("administered_by"):
                effect["administered_by"] = hostile(first, effect["administered_by"])
            if effect.get("claimed_by"):
                effect["claimed_by"] = [hostile(second, who) for who in effect["claimed_by"]]

    def topic(n: int, t: dict) -> None:
        t["label"] = hostile(_payload(n), t["label"])

    edit("claims.yaml", claim)
    edit("sources.yaml", source)
    edit("events.yaml", event)
    edit("topics.yaml", topic)

    # The same in every translation: a payload before each translated text (the claim
    # notes' keys are the English notes, which stay as they are).
    def translated(n: int, value):
        if isinstance(value, dict):
            return {k: translated(n + i, v) for i, (k, v) in enumerate(value.items())}
        return hostile(_payload(n), value, 4000)

    for path in sorted((folder / "i18n").glob("*/*.yaml")):
        texts = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "speakers.yaml":  # keyed by the (now hostile) English names
            texts = {new: texts[old] for new, old in sorted(renamed.items())}
        for n, (ident, fields) in enumerate(texts.items()):
            notes = fields.pop("claim_notes", None)
            fields = translated(n, fields)
            if notes:
                fields["claim_notes"] = {k: hostile(_payload(n), v, 300) for k, v in notes.items()}
            texts[ident] = fields
        path.write_text(
            yaml.safe_dump(texts, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )

    islands_path = folder / "islands.geojson"
    doc = json.loads(islands_path.read_text(encoding="utf-8"))
    for feature in doc["features"]:
        props = feature["properties"]
        for key, payload in ISLAND_NAME_PAYLOADS[props["id"]].items():
            props[key] = f"{MARKDOWN if markdown else payload} {props[key]}"
    islands_path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def hostile_display_name(island: str) -> str:
    """geo.islands.display_name of the hostile island row."""
    from geo.islands import load_islands

    row = load_islands(REPO / "data" / "islands.geojson").set_index("id").loc[island]
    en = f"{ISLAND_NAME_PAYLOADS[island]['name_en']} {row['name_en']}"
    romaji = f"{ISLAND_NAME_PAYLOADS[island]['name_ja_romaji']} {row['name_ja_romaji']}"
    return en if en == romaji else f"{en} / {romaji}"


# --- offline runs ---------------------------------------------------------------------------

NETGUARD = '''
"""Installed as sitecustomize by the offline test: every connection or name
lookup that is not loopback is logged to $KURIL_NETLOG; KURIL_NETGUARD=block
refuses it at once, =hang stalls it for a minute first (a black-holed network),
=record lets it through (inside a network namespace, where it fails anyway)."""
import ipaddress
import json
import os
import socket
import time

_LOG = os.environ.get("KURIL_NETLOG")
_MODE = os.environ.get("KURIL_NETGUARD", "record")


def _refuse():
    if _MODE == "hang":
        time.sleep(60)
    return _MODE in ("block", "hang")


def _loopback(host):
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _note(kind, host, port):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"kind": kind, "host": str(host), "port": str(port),
                                  "pid": os.getpid(), "t": time.time()}) + "\\n")


_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def getaddrinfo(host, port, *args, **kwargs):
    if not _loopback(host if not isinstance(host, bytes) else host.decode()):
        _note("lookup", host, port)
        if _refuse():
            raise socket.gaierror(socket.EAI_NONAME, "blocked by the offline test")
    return _getaddrinfo(host, port, *args, **kwargs)


def _target(address):
    return address if isinstance(address, tuple) else (address, None)


def connect(self, address):
    host, port = _target(address)[:2]
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(host):
        _note("connect", host, port)
        if _refuse():
            raise OSError(101, "Network is unreachable (blocked by the offline test)")
    return _connect(self, address)


def connect_ex(self, address):
    host, port = _target(address)[:2]
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(host):
        _note("connect", host, port)
        if _refuse():
            return 101
    return _connect_ex(self, address)


socket.getaddrinfo = getaddrinfo
socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
'''


def write_netguard(folder: Path) -> Path:
    """A folder with the guard as sitecustomize.py, for PYTHONPATH."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(textwrap.dedent(NETGUARD), encoding="utf-8")
    return folder


def read_netlog(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def netns_prefix() -> list[str] | None:
    """A command prefix that runs a program in a new network namespace with only
    loopback up (as root, or as a user with user namespaces), or None."""
    unshare, ip = shutil.which("unshare"), shutil.which("ip")
    if not unshare or not ip:
        return None
    for flags in ("-n", "-rn"):
        cmd = [unshare, flags, "sh", "-c", f'{ip} link set lo up && exec "$0" "$@"']
        try:
            probe = subprocess.run(
                [*cmd, "python3", "-c", _NETNS_PROBE],
                capture_output=True,
                timeout=20,
                text=True,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0 and probe.stdout.strip() == "isolated":
            return cmd
    return None


_NETNS_PROBE = (
    "import socket\n"
    "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); port = s.getsockname()[1]\n"
    "socket.create_connection(('127.0.0.1', port), timeout=2).close()\n"
    "try:\n"
    "    socket.create_connection(('192.0.2.1', 443), timeout=2)\n"
    "    print('online')\n"
    "except OSError as e:\n"
    "    print('isolated' if e.errno == 101 else 'unclear')\n"
)


def loopback(url_or_host: str) -> bool:
    from urllib.parse import urlsplit

    host = urlsplit(url_or_host).hostname if "://" in url_or_host else url_or_host
    if host in (None, "localhost"):
        return host == "localhost"
    try:
        import ipaddress

        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_reachable(host: str, port: int = 443, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


ISLAND_PATHS = [f"path.island-{i}" for i in ("iturup", "kunashir", "shikotan", "habomai")]


def offline_run(workdir: Path, guard: str, timeout: float = 30.0) -> dict:
    """Start the app with tiles on auto (so the tile probe runs) and open it in
    Chromium with every non-loopback request aborted; report what happened.
    `guard` is 'record' (inside a network namespace: the kernel refuses), 'block'
    (the sitecustomize guard refuses at once) or 'hang' (it stalls for a minute)."""
    import time

    from tests.support.browser import chromium, map_frame, streamlit_server

    netlog = workdir / "net.log"
    guard_dir = write_netguard(workdir / "guard")
    env = {
        "KURIL_TILES": "auto",
        "KURIL_ASSETS": "auto",
        "KURIL_NETLOG": str(netlog),
        "KURIL_NETGUARD": guard,
        "PYTHONPATH": str(guard_dir),
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    result: dict = {"guard": guard, "browser_outside": [], "page_errors": [], "failed": []}
    started = time.monotonic()
    with streamlit_server(env=env, timeout=timeout) as (url, _proc):
        result["health_s"] = round(time.monotonic() - started, 2)
        with chromium() as browser:
            context = browser.new_context(viewport={"width": 1400, "height": 1200})

            def route(r):
                if loopback(r.request.url) or r.request.url.startswith(("data:", "blob:")):
                    r.continue_()
                else:
                    result["browser_outside"].append(r.request.url)
                    r.abort("internetdisconnected")

            context.route("**/*", route)
            page = context.new_page()
            page.set_default_timeout(timeout * 1000)
            page.on("pageerror", lambda e: result["page_errors"].append(str(e)))
            page.on("requestfailed", lambda r: result["failed"].append(r.url))
            opened = time.monotonic()
            page.goto(url)
            frame = map_frame(page)
            for sel in ISLAND_PATHS:
                frame.locator(sel).first.wait_for(state="attached")
            result["render_s"] = round(time.monotonic() - opened, 2)
            result["paths"] = {sel: frame.locator(sel).count() for sel in ISLAND_PATHS}
            result["tiles"] = frame.locator(".leaflet-tile").count()
            result["exceptions"] = page.locator('[data-testid="stException"]').count()
            context.close()
    result["server_net"] = read_netlog(netlog)
    return result


if __name__ == "__main__":  # python -m tests.support.hostile offline WORKDIR GUARD (in a namespace)
    import sys

    if sys.argv[1:2] == ["offline"]:
        work = Path(sys.argv[2])
        out = offline_run(work, sys.argv[3])
        (work / "result.json").write_text(json.dumps(out), encoding="utf-8")


def md_unescape(text: str) -> str:
    """Undo geo.text.md_escape (its backslashes and its empty ':color[]' node breaks),
    to read a message as the user sees it."""
    import re

    from geo.text import NODE_BREAK

    return re.sub(r"\\(.)|" + re.escape(NODE_BREAK), lambda m: m.group(1) or "", text)
