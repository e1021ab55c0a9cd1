"""Incident logs and security reports: the day opening each item dates it; threats are no acts."""
from __future__ import annotations

from tallylog.pipeline import extract

LOG = ("HAITI - NGO SECURITY WEEKLY, 14-20 April 2025\n\nFour incidents affecting NGOs were recorded in Haiti this week.\n\n"
       "INCIDENTS\n"
       "17/04 - KENSCOFF (OUEST): Viv Ansanm gunmen attacked neighbourhoods in the lower part of Kenscoff in the early "
       "morning, killing five people.\n"
       "19/04 - SAINT-MARC (ARTIBONITE): Gran Grif gunmen attacked a village 10km south of Saint-Marc overnight, "
       "killing eight people.\n\n"
       "NON-INCIDENT INFORMATION\n"
       "- 19/04: Messages circulating on WhatsApp threatened kidnappings of NGO staff in Petion-Ville.")


def _events():
    return extract(LOG, published="2025-04-21").events


def test_an_items_day_wins_over_a_relative_day_in_it():
    days = {(e.location.name or "")[:5]: str(e.date) for e in _events() if e.location}
    # "overnight" in the 19/04 item is the night of the 19th, not the night before the report (20 April)
    assert days.get("Saint") == "2025-04-19"
    assert days.get("Kensc") == "2025-04-17"


def test_a_threat_of_kidnappings_is_no_abduction():
    assert not any(e.sub_event_type == "Abduction/forced disappearance" for e in _events())
