"""The deployment files as far as they can be checked without Docker or Kubernetes:
deploy/k8s.yaml parsed and cross-checked (probes, ports, labels, security, ingress
annotations), deploy/Dockerfile's steps against the repository and Streamlit's own
options, and deploy/haproxy.cfg validated by Debian's haproxy as the script fills it."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from streamlit import config as st_config
from streamlit.web.server.starlette.starlette_server_config import (
    DEFAULT_WEBSOCKET_PING_INTERVAL,
)

from geo.config import REPO_ROOT
from tests.deploy import dockerfile
from tests.deploy.cluster import HAPROXY, require_haproxy

pytestmark = pytest.mark.deploy

DEPLOY = REPO_ROOT / "deploy"
HEALTH = "/_stcore/health"  # what Streamlit answers 200 on (tests/deploy/test_replicas.py)
PORT = 8501
UID = 10001


@pytest.fixture(scope="module")
def k8s() -> dict[tuple[str, str], dict]:
    docs = [d for d in yaml.safe_load_all((DEPLOY / "k8s.yaml").read_text()) if d]
    objects = {(d["kind"], d["metadata"]["name"]): d for d in docs}
    assert len(objects) == len(docs), "two objects of one kind share a name"
    return objects


@pytest.fixture(scope="module")
def docker() -> list[dockerfile.Instruction]:
    return dockerfile.instructions()


def container(k8s) -> dict:
    (app,) = k8s["Deployment", "kuril-map"]["spec"]["template"]["spec"]["containers"]
    return app


# --- Kubernetes ---------------------------------------------------------------------------


def test_k8s_has_the_objects_in_one_namespace(k8s):
    kinds = sorted(kind for kind, _ in k8s)
    assert kinds == sorted(
        [
            "Namespace",
            "Deployment",
            "PodDisruptionBudget",
            "Service",
            "Ingress",
            "Ingress",
            "Ingress",
            "ConfigMap",
        ]
    )
    (namespace,) = [name for kind, name in k8s if kind == "Namespace"]
    for (kind, name), obj in k8s.items():
        if kind != "Namespace":
            assert obj["metadata"]["namespace"] == namespace, f"{kind}/{name}"


def test_k8s_probes_ask_streamlits_health_on_the_images_port(k8s, docker):
    app = container(k8s)
    ports = {p["name"]: p["containerPort"] for p in app["ports"]}
    (exposed,) = dockerfile.of(docker, "EXPOSE")
    assert ports == {"http": PORT}
    assert exposed.args == str(PORT)
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        get = app[probe]["httpGet"]
        assert (get["path"], ports[get["port"]]) == (HEALTH, PORT), probe
    # A slow start is the startup probe's to judge, not the liveness probe's.
    startup = app["startupProbe"]
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 60


def test_k8s_runs_as_the_images_user_on_a_read_only_root(k8s, docker):
    pod = k8s["Deployment", "kuril-map"]["spec"]["template"]["spec"]
    app = container(k8s)
    (user,) = dockerfile.of(docker, "USER")
    assert user.args == f"{UID}:{UID}"
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == UID
    assert pod["automountServiceAccountToken"] is False
    sc = app["securityContext"]
    assert sc["readOnlyRootFilesystem"] is True
    assert sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"]
    # The one writable place is an emptyDir at /tmp, which is also HOME.
    volumes = {v["name"]: v for v in pod["volumes"]}
    mounts = {m["mountPath"]: m["name"] for m in app["volumeMounts"]}
    assert list(mounts) == ["/tmp"]
    assert "emptyDir" in volumes[mounts["/tmp"]]
    assert {"name": "HOME", "value": "/tmp"} in app["env"]


def _bytes(quantity: str) -> int:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()
    return int(number) * {"Mi": 2**20, "Gi": 2**30}[unit]


def test_k8s_resources_leave_room_above_the_request(k8s):
    resources = container(k8s)["resources"]
    request = _bytes(resources["requests"]["memory"])
    limit = _bytes(resources["limits"]["memory"])
    assert resources["requests"]["cpu"]
    # One replica is about 240 MB once it has loaded the data (docs/deploy.md); the
    # request is above that and the limit leaves twice it for sessions and peaks.
    assert request > 256 * 2**20
    assert limit >= 2 * request


def test_k8s_service_and_ingresses_reach_the_pods(k8s):
    deployment = k8s["Deployment", "kuril-map"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"] == labels
    assert k8s["PodDisruptionBudget", "kuril-map"]["spec"]["selector"]["matchLabels"] == labels
    service = k8s["Service", "kuril-map"]
    assert service["spec"]["selector"] == labels
    port_names = {p["name"] for p in container(k8s)["ports"]}
    (service_port,) = service["spec"]["ports"]
    assert service_port["targetPort"] in port_names
    hosts = set()
    for (kind, name), ingress in k8s.items():
        if kind != "Ingress":
            continue
        assert ingress["spec"]["ingressClassName"] == "nginx", name
        for rule in ingress["spec"]["rules"]:
            hosts.add(rule["host"])
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert backend == {"name": "kuril-map", "port": {"name": service_port["name"]}}
    assert len(hosts) == 1, "every Ingress serves the one host"


def test_k8s_readers_have_cookie_affinity_and_long_lived_websockets(k8s):
    notes = k8s["Ingress", "kuril-map"]["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    assert notes[prefix + "affinity-mode"] == "persistent"
    assert notes[prefix + "session-cookie-name"]
    assert notes[prefix + "session-cookie-path"] == "/"
    assert not any("upstream-hash-by" in k for k in notes), "no address hashing"
    # nginx closes a websocket that sent nothing for proxy-read-timeout seconds:
    # Streamlit's pings must come well within it.
    for key in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[prefix + key]) >= 10 * DEFAULT_WEBSOCKET_PING_INTERVAL
    (rule,) = k8s["Ingress", "kuril-map"]["spec"]["rules"]
    assert [(p["path"], p["pathType"]) for p in rule["http"]["paths"]] == [("/", "Prefix")]


def test_k8s_refuses_metrics_and_caches_shapes(k8s):
    metrics = k8s["Ingress", "kuril-map-metrics"]
    denied = metrics["metadata"]["annotations"]["nginx.ingress.kubernetes.io/denylist-source-range"]
    assert set(denied.split(",")) == {"0.0.0.0/0", "::/0"}
    (rule,) = metrics["spec"]["rules"]
    assert [(p["path"], p["pathType"]) for p in rule["http"]["paths"]] == [
        ("/_stcore/metrics", "Prefix")
    ]

    shapes = k8s["Ingress", "kuril-map-shapes"]
    namespace, name = shapes["metadata"]["annotations"][
        "nginx.ingress.kubernetes.io/custom-headers"
    ].split("/")
    headers = k8s["ConfigMap", name]
    assert headers["metadata"]["namespace"] == namespace
    assert headers["data"] == {"Cache-Control": "public, max-age=31536000, immutable"}
    (rule,) = shapes["spec"]["rules"]
    assert [p["path"] for p in rule["http"]["paths"]] == ["/app/static/geo/"]
    assert not any("affinity" in k for k in shapes["metadata"]["annotations"])


# --- Dockerfile -------------------------------------------------------------------------


def test_dockerfile_base_is_an_exact_python_311_slim_tag(docker):
    first = docker[0]
    assert first.keyword == "FROM"
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", first.args)


def test_dockerfile_installs_exactly_the_lock_with_the_pinned_uv(docker):
    install = (REPO_ROOT / "scripts" / "install.sh").read_text()
    pinned = re.search(r'^UV_VERSION="([^"]+)"', install, re.MULTILINE)[1]
    runs = " ".join(r.args for r in dockerfile.of(docker, "RUN"))
    assert f'"uv=={pinned}"' in runs
    assert "uv sync --frozen" in runs
    assert " --group" not in runs
    assert "--all-groups" not in runs


def test_dockerfile_copies_files_that_exist_and_no_secrets(docker):
    copies = dockerfile.of(docker, "COPY")
    assert copies
    sources = []
    for copy in copies:
        *srcs, _dest = copy.words()
        sources += srcs
    for src in sources:
        assert (REPO_ROOT / src).exists(), src
        assert src not in (".", "./"), "the whole tree would go into the image"
    assert {"pyproject.toml", "uv.lock", "app.py"} <= {Path(s).as_posix() for s in sources}
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().split()
    assert ".streamlit/secrets.toml" in ignore
    assert ".venv" in ignore


def test_dockerfile_builds_the_static_files_before_dropping_root(docker):
    keywords = [i.keyword for i in docker]
    warm = next(
        n for n, i in enumerate(docker) if i.keyword == "RUN" and "base_map(True)" in i.args
    )
    assert warm > max(n for n, k in enumerate(keywords) if k == "COPY")
    assert warm < keywords.index("USER")


def test_dockerfile_health_check_and_command_match_streamlit(docker):
    (health,) = dockerfile.of(docker, "HEALTHCHECK")
    assert f"http://127.0.0.1:{PORT}{HEALTH}" in " ".join(health.exec_form())
    (cmd,) = dockerfile.of(docker, "CMD")
    argv = cmd.exec_form()
    assert argv[1:4] == ["-m", "streamlit", "run"]
    assert argv[4] == "app.py"
    options = st_config.get_config_options()
    flags = dict(arg.removeprefix("--").split("=", 1) for arg in argv[5:])
    unknown = set(flags) - set(options)
    assert not unknown, f"not Streamlit options: {unknown}"
    assert flags["server.port"] == str(PORT)
    assert flags["server.address"] == "0.0.0.0"
    assert flags["server.headless"] == "true"
    assert flags["server.fileWatcherType"] == "none"


def test_no_way_of_running_it_watches_the_sources():
    """A source watcher costs every new session a walk of sys.modules on the event loop
    (.streamlit/config.toml); the image and the replicas script say so as well."""
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["fileWatcherType"] == "none"
    script = (REPO_ROOT / "scripts" / "replicas.sh").read_text()
    assert "--server.fileWatcherType none" in script


# --- HAProxy ----------------------------------------------------------------------------


def test_haproxy_config_as_the_script_fills_it_is_valid(tmp_path):
    """The script's own awk fills the template; Debian's haproxy checks the result."""
    require_haproxy()
    script = (REPO_ROOT / "scripts" / "replicas.sh").read_text()
    program = re.search(r"awk -v servers=\"\$servers\" '\n(.*?)' deploy/haproxy.cfg", script, re.S)
    assert program, "replicas.sh fills deploy/haproxy.cfg with awk"
    filled = subprocess.run(
        ["awk", "-v", "servers=r1=127.0.0.1:18501 r2=127.0.0.1:18502 ", program[1]],
        input=(DEPLOY / "haproxy.cfg").read_text(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    servers = [line.split() for line in filled.splitlines() if line.strip().startswith("server ")]
    assert servers == [
        ["server", "r1", "127.0.0.1:18501", "cookie", "r1"],
        ["server", "r2", "127.0.0.1:18502", "cookie", "r2"],
        ["server", "r1", "127.0.0.1:18501", "track", "replicas/r1"],
        ["server", "r2", "127.0.0.1:18502", "track", "replicas/r2"],
    ]
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(filled)
    env = {"KURIL_PROXY_BIND": "127.0.0.1:18500", "KURIL_PROXY_STATS": str(tmp_path / "s")}
    check = subprocess.run(
        [HAPROXY, "-c", "-f", str(cfg)], env=env, capture_output=True, text=True, timeout=30
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "[WARNING]" not in check.stdout + check.stderr
    assert f"http-check send meth GET uri {HEALTH}" in filled
