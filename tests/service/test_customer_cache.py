"""The customer profile the pipeline caches (tier, lifetime value: the store keeps them for the reports and pages) is
classified as the decision classifies it, field names mapped per platform (`fields` in the configuration)."""

from __future__ import annotations

from pipeline_kit import World, config, engine_for

from plugin.domain import Customer
from plugin.engine import Engine


def test_the_cached_tier_and_value_read_the_platforms_own_field_names() -> None:
    world = World()
    _, shared = engine_for("reassign")
    world.config = config(fields={"customer_tier": {"memory": "plan"}, "lifetime_value": {"memory": "arr"}})
    world.engine = Engine(world.config, analyzer=shared.analyzer)
    world.pipeline = world._pipeline()
    world.helpdesk.customers["c1"] = Customer(id="c1", name="Dana Scully", email="dana@example.com",
                                              fields={"plan": "vip", "arr": 120000})
    world.ticket()
    world.webhook()
    world.settle()
    assert world.store.profiles[("memory", "c1")] == ("vip", 120000.0)
