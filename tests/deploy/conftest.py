"""Fixtures of the deploy tests: two replicas behind the proxy, started once per module
by scripts/replicas.sh on a free loopback port."""

from __future__ import annotations

import pytest

from tests.deploy.cluster import Cluster, replicas, require_haproxy


@pytest.fixture(scope="module")
def cluster() -> Cluster:
    require_haproxy()
    with replicas(2) as running:
        yield running
