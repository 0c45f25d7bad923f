"""content/readers/context.py: what the readers of one folder share, such as people's ids."""

from __future__ import annotations

from khojaly_kiosk.content.readers.context import PersonRegistry


def test_people_with_same_name_and_other_role_are_distinct() -> None:
    persons: list = []
    registry = PersonRegistry(persons)
    assert registry.person_id("Test Name", "Pilot") == "test-name"
    assert registry.person_id("Test Name", "Reporter") == "test-name-reporter"
    assert registry.person_id("Test Name", "Pilot") == "test-name"
    assert registry.person_id("", "Pilot") is None
    assert len(persons) == 2
