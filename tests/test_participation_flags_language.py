"""A strike's recorded flags read back from the participation history say why in the
reader's language: the history's tables keep each flag's phrase, and tables written before
they did are rebuilt from the log when first opened."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import Actor, BargainingApp, LawEffect
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import reading_in
from bargaining.domain.shared.phrases import Phrase, count, day, phrases
from tests.conftest import POSTGRES_URL

STEWARD = Actor("s-1", "steward")
FRENCH_WHY = "était en vigueur le"
ENGLISH_WHY = "Bill 28 (ON: bans strikes) was in force on 2022-11-04, having passed on 2022-11-03"


def flagged_strike(app: BargainingApp) -> UUID:
    unit = app.units.register(union="CUPE", local="OSBCU", employer="Board", unit_name="EA",
                              actor=STEWARD)
    campaign = app.campaigns.launch(name="C", on=date(2022, 9, 1), units=[unit], actor=STEWARD)
    law = app.disputes.record_law(name="Bill 28", region="ON", does=[LawEffect.BANS_STRIKES],
                                  units=unit, campaigns=campaign, source="Assembly",
                                  actor=STEWARD)
    app.disputes.pass_law(law, on=date(2022, 11, 3), source="royal assent", actor=STEWARD)
    app.campaigns.enter_strike(campaign, unit, on=date(2022, 11, 4),
                               back_on=date(2022, 11, 8), actor=STEWARD)
    return campaign


def recorded_whys(app: BargainingApp, campaign: UUID, language: str,
                  at: datetime | None = None) -> list[str]:
    with reading_in(language):
        return [f.reads for action in app.campaigns.job_actions(campaign, at=at)
                for f in action.recorded_flags if f.rule is FlagRule.LAW_IN_FORCE]


def test_a_flagged_strike_read_through_the_history_says_why_in_french(
        app: BargainingApp) -> None:
    campaign = flagged_strike(app)
    [french] = recorded_whys(app, campaign, "fr")
    assert FRENCH_WHY in french and "4 novembre 2022" in french
    assert recorded_whys(app, campaign, "en") == [ENGLISH_WHY]


def test_the_history_as_it_was_known_at_a_moment_says_why_in_french(
        app: BargainingApp) -> None:
    campaign = flagged_strike(app)
    later = datetime.now(UTC) + timedelta(seconds=1)
    [french] = recorded_whys(app, campaign, "fr", at=later)
    assert FRENCH_WHY in french
    assert recorded_whys(app, campaign, "en", at=later) == [ENGLISH_WHY]


def _as_written_before(store_kind: str, store_url: str) -> None:
    """Rewrite the spells' flags as the code before phrases wrote them ([rule, why] pairs),
    and drop the row saying the table keeps phrases."""
    def rewrite(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str, str]]:
        return [(json.dumps([f[:2] for f in json.loads(flags)]), c, u, s)
                for c, u, s, flags in rows]

    if store_kind == "sqlite":
        with sqlite3.connect(store_url) as conn:
            rows = conn.execute(
                "SELECT campaign_id, unit_id, start, flags FROM campaign_spells").fetchall()
            conn.executemany("UPDATE campaign_spells SET flags = ? WHERE campaign_id = ? AND"
                             " unit_id = ? AND start = ?", rewrite(rows))
            conn.execute("DELETE FROM campaign_history_tracking"
                         " WHERE name = 'campaign_spells_worded'")
        return
    import psycopg

    schema = store_url.rsplit("schema=", 1)[1]
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'SET search_path TO "{schema}"')
        rows = conn.execute(
            "SELECT campaign_id, unit_id, start, flags FROM campaign_spells").fetchall()
        for row in rewrite(rows):
            conn.execute("UPDATE campaign_spells SET flags = %s WHERE campaign_id = %s AND"
                         " unit_id = %s AND start = %s", row)
        conn.execute("DELETE FROM campaign_history_tracking"
                     " WHERE name = 'campaign_spells_worded'")


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_a_history_table_written_before_flags_kept_phrases_is_rebuilt_when_opened(
        store_kind: str, store_url: str, open_app: Callable[..., BargainingApp]) -> None:
    first = open_app()
    campaign = flagged_strike(first)
    assert FRENCH_WHY in recorded_whys(first, campaign, "fr")[0]
    first.close()
    _as_written_before(store_kind, store_url)
    again = open_app()
    [french] = recorded_whys(again, campaign, "fr")
    assert FRENCH_WHY in french
    assert recorded_whys(again, campaign, "en") == [ENGLISH_WHY]


def test_a_flag_pair_written_before_phrases_reads_as_stored() -> None:
    flag = Flag.from_plain(["struck without a valid strike mandate", "no vote"])
    assert (flag.rule, flag.why, flag.wording) == (FlagRule.NO_VALID_MANDATE, "no vote", None)


_WHYS = st.builds(
    lambda n, d, inner: Phrase.of("{n} on {d}: {inner}", n=count(n), d=day(d),
                                  inner=phrases([Phrase.of("{w}", w=w) for w in inner], "; ")),
    st.integers(0, 10**9), st.dates(), st.lists(st.text(max_size=8), max_size=3))


@given(_WHYS)
def test_a_flag_kept_as_plain_text_comes_back_with_its_phrase(why: Phrase) -> None:
    flag = Flag.worded(FlagRule.LAW_IN_FORCE, why)
    back = Flag.from_plain(json.loads(json.dumps(flag.plain())))
    assert back == flag and back.wording == why
    with reading_in("fr"):
        assert back.reads == why.read()
