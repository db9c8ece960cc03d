"""geo.build.assign: the Habomai rule's evidence, as its docstring states it."""

from __future__ import annotations


def test_habomai_takes_the_chain_and_shikotan_keeps_its_own_rocks(assigned):
    _, groups, evidence = assigned  # geo.build.islands.assigned_shores(): assign() as built
    assert 145.81 < evidence["nosappu_lon"] < 145.83  # Cape Nosappu, 145.818°E
    assert evidence["habomai_min_km_to_shikotan"] > 15  # Taraku and its islets, 19-24 km off
    assert evidence["shikotan_islets_max_km"] < 0.5  # Shikotan's rocks lie within 0.5 km
    assert len(groups["habomai"]) > 10
    assert all(s.level in (1, 3) for parts in groups.values() for s in parts)
