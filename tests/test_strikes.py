"""Job actions as facts on every store: walkouts recorded whatever rule they break, with flags
kept on the event and flags derived as known at a moment; strike mandates by the ladder's own
rule; walkouts and rungs stored by release 0.1 read back in today's form."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from uuid import UUID

import attrs
import pytest
from eventsourcing.persistence import StoredEvent

from bargaining import (
    Actor,
    BargainingApp,
    Body,
    Flag,
    FlagRule,
    Ladder,
    LawEffect,
    Outcome,
    RecordNotFound,
    RuleViolation,
    Rung,
    RungKind,
    Tally,
    Threshold,
    Turnout,
    Vote,
)
from bargaining.application.campaigns import Campaigns
from bargaining.domain.campaigns.timeline import Spell

CHAIR = Actor("o-1", "OSBCU president")
FINAL = Ladder([Rung("rally", 50), Rung("strike vote", 85, RungKind.STRIKE_VOTE),
                Rung("strike", 90, RungKind.STRIKE)])


def events(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


def unit(app: BargainingApp, name: str = "Education workers") -> UUID:
    return app.units.register(union="CUPE", local="OSBCU", employer="Ontario school boards",
                              unit_name=name, headcount=55000, actor=CHAIR)


def moment() -> datetime:
    time.sleep(0.002)
    now = datetime.now(UTC)
    time.sleep(0.002)
    return now


@attrs.define
class LawBook:
    """A host's record of laws that ban strikes (a stand-in for the disputes context): each law
    is in force from a day for some units, known from the moment it was recorded, and void
    from the start once a repeal deeming it never in force is recorded."""

    laws: list[dict[str, object]] = attrs.field(factory=list)

    def strike_flags(
        self, unit_id: UUID, on: date, *, at: datetime | None = None
    ) -> list[Flag]:
        now = at or datetime.now(UTC)
        found = []
        for law in self.laws:
            known = law["recorded_at"] <= now  # type: ignore[operator]
            void = law.get("void_at") is not None and law["void_at"] <= now  # type: ignore[operator]
            if known and not void and unit_id in law["units"] and law["from"] <= on:  # type: ignore[operator]
                found.append(Flag(FlagRule.LAW_IN_FORCE, f"{law['name']} was in force on {on}"))
        return found

    def strike_flags_by_day(
        self, unit_id: UUID, days: Sequence[date], *, at: datetime | None = None
    ) -> dict[date, list[Flag]]:
        return {d: self.strike_flags(unit_id, d, at=at) for d in days}


# ------------------------------------------------------------------ mandates by their rule


def test_the_osbcu_mandate_is_valid_and_the_benchmark_unmet_until_overridden(
    app: BargainingApp,
) -> None:
    osbcu = unit(app)
    campaign = app.campaigns.launch(name="OSBCU 2022", units=osbcu, ladder=FINAL,
                                    on=date(2022, 9, 1), actor=CHAIR)
    app.campaigns.escalate(campaign, on=date(2022, 9, 2), actor=CHAIR, reason="bargaining stalled",
                           mandate=Vote(date(2022, 9, 2), Tally(eligible=40, cast=40, yes=38,
                                                                no=2)))
    mandate = app.campaigns.record_mandate(campaign, Vote(date(2022, 10, 3), Tally(
        eligible=55_000, cast=45_433, yes=43_821, no=1_612)), unit=osbcu, actor=CHAIR)
    found = app.campaigns.get(campaign)
    assert found.strike_mandate(osbcu, date(2022, 10, 3)) == mandate
    report = app.campaigns.readiness(campaign)
    line = report.unit(osbcu).standing
    assert line.figure is not None and round(float(line.figure.share), 1) == 79.7
    assert (line.meets_current, line.short_of_current) == (False, 2929)
    assert report.strike_vote_ok and not report.can_climb
    assert "biggest worst: CUPE OSBCU, Ontario school boards (Education workers): 43,821 yes of " \
           "55,000 eligible (79.7%), 2,929 short of 'strike vote'" in report.summary()
    with pytest.raises(RuleViolation, match="the test of 'strike vote' has not passed"):
        app.campaigns.escalate(campaign, on=date(2022, 10, 4), actor=CHAIR)
    app.campaigns.escalate(campaign, on=date(2022, 10, 4), actor=CHAIR,
                           mandate=Vote(date(2022, 10, 4), Tally(eligible=40, cast=40, yes=40,
                                                                 no=0)),
                           reason="a legal mandate of 96.5%")
    assert app.campaigns.get(campaign).overrides[-1].rung == "strike"


def test_readiness_on_the_strike_vote_rung_reads_votes_and_names_a_unit_that_fell_short(
    app: BargainingApp,
) -> None:
    big, small = unit(app, "Big board"), unit(app, "Small board")
    campaign = app.campaigns.launch(name="Boards", units=[big, small], ladder=FINAL,
                                    on=date(2022, 9, 1), actor=CHAIR)
    rally = app.campaigns.plan_action(campaign, name="Rally", rung="rally", on=date(2022, 9, 5),
                                      units={big: ["custodians", "EAs"], small: []},
                                      actor=CHAIR)
    app.campaigns.hold_action(campaign, rally, [Turnout(big, 1000, 900, "custodians"),
                                                Turnout(big, 2000, 1000, "EAs"),
                                                Turnout(small, 100, 90)], actor=CHAIR)
    app.campaigns.change_climb_share(campaign, 50, on=date(2022, 9, 6), actor=CHAIR)
    app.campaigns.escalate(campaign, on=date(2022, 9, 6), actor=CHAIR)
    report = app.campaigns.readiness(campaign, on=date(2022, 9, 7))
    assert report.rung.kind is RungKind.STRIKE_VOTE
    assert [line.standing.figure for line in report.units] == [None, None]
    assert all(line.groups == () for line in report.units)  # not the rally's work groups
    assert report.biggest_worst is not None and report.biggest_worst.unit_id == big
    assert "biggest worst: CUPE OSBCU, Ontario school boards (Big board) has not voted on a " \
           "strike yet" in report.summary()
    assert "no strike vote yet" in report.table()
    app.campaigns.record_mandate(campaign, Vote(date(2022, 9, 8), Tally(
        eligible=3000, cast=2900, yes=2800, no=100)), unit=big, actor=CHAIR)
    report = app.campaigns.readiness(campaign, on=date(2022, 9, 8))
    assert report.biggest_worst is not None and report.biggest_worst.unit_id == small
    app.campaigns.record_mandate(campaign, Vote(date(2022, 9, 9), Tally(
        eligible=100, cast=90, yes=80, no=10)), unit=small, actor=CHAIR)
    report = app.campaigns.readiness(campaign, on=date(2022, 9, 9))
    assert report.biggest_worst is not None and report.biggest_worst.unit_id == small
    assert report.biggest_worst.short_of_current == 5  # 80 of 100 against 85%; big met it
    app.campaigns.record_mandate(campaign, Vote(date(2022, 9, 10), Tally(
        eligible=100, cast=90, yes=86, no=4)), actor=CHAIR)  # campaign-wide, met by both
    report = app.campaigns.readiness(campaign, on=date(2022, 9, 10))
    assert report.biggest_worst is None and report.can_climb


# ------------------------------------------------------------------ job actions as facts


def test_flags_are_kept_as_recorded_and_derived_again_as_known_at_a_moment(
    open_app: Callable[..., BargainingApp],
) -> None:
    app = open_app()
    laws = LawBook()
    campaigns = Campaigns(app.eventsourcing, laws, history=app.participation)
    osbcu = unit(app)
    campaign = campaigns.launch(name="OSBCU 2022", units=osbcu, ladder=FINAL,
                                on=date(2022, 9, 1), actor=CHAIR)
    laws.laws.append({"name": "Bill 28", "units": {osbcu}, "from": date(2022, 11, 3),
                      "recorded_at": datetime.now(UTC), "void_at": None})
    flags = campaigns.enter_strike(campaign, osbcu, on=date(2022, 11, 4),
                                   back_on=date(2022, 11, 8), actor=CHAIR,
                                   reason="against Bill 28")
    assert [f.rule for f in flags] == [FlagRule.NO_VALID_MANDATE, FlagRule.BELOW_STRIKE_RUNG,
                                       FlagRule.LAW_IN_FORCE]
    before_vote = moment()
    campaigns.record_mandate(campaign, Vote(date(2022, 10, 3), Tally(
        eligible=55_000, cast=45_433, yes=43_821, no=1_612)), unit=osbcu, actor=CHAIR)
    before_repeal = moment()
    laws.laws[0]["void_at"] = datetime.now(UTC)  # Bill 35: deemed never in force
    after_repeal = moment()

    def rules(at: datetime | None) -> list[list[FlagRule]]:
        return [[f.rule for f in j.flags] for j in campaigns.job_actions(campaign,
                                                                         at=at)]

    assert rules(before_vote) == [[FlagRule.NO_VALID_MANDATE, FlagRule.BELOW_STRIKE_RUNG,
                                   FlagRule.LAW_IN_FORCE]]
    assert rules(before_repeal) == [[FlagRule.BELOW_STRIKE_RUNG, FlagRule.LAW_IN_FORCE]]
    assert rules(after_repeal) == rules(None) == [[FlagRule.BELOW_STRIKE_RUNG]]
    (spell,) = campaigns.job_actions(campaign)
    assert (spell.walked_out, spell.back_on, spell.part_day) == (date(2022, 11, 4),
                                                                 date(2022, 11, 8), False)
    assert spell.recorded_flags == flags  # the audit trail keeps what was seen
    reopened = open_app() if app.store.kind != "memory" else app
    stored = [e for e in reopened.eventsourcing.events.get(campaign)
              if type(e).__name__ == "StrikeEntered"]
    assert [tuple(e.flags) for e in stored] == [flags]  # type: ignore[attr-defined]
    assert reopened.campaigns.get(campaign).units[osbcu].spells == [
        Spell(date(2022, 11, 4), date(2022, 11, 8))]
    assert [(j.walked_out, j.back_on, j.part_day, j.hours, j.recorded_flags)
            for j in reopened.campaigns.job_actions(campaign)] == [
        (date(2022, 11, 4), date(2022, 11, 8), False, None, flags)]
    summary = reopened.history.of(campaign)[2].summary
    assert summary.startswith("CUPE OSBCU, Ontario school boards (Education workers) walked "
                              "out on 2022-11-04, back on 2022-11-08 (campaign 'OSBCU 2022')")
    assert summary.endswith("; struck while a law banning strikes or imposing a contract was "
                            "in force: Bill 28 was in force on 2022-11-04")
    assert "; flagged: struck without a valid strike mandate: no strike vote" in summary
    with pytest.raises(RecordNotFound, match="did not exist yet"):
        campaigns.job_actions(campaign, at=datetime(2020, 1, 1, tzinfo=UTC))


def test_a_walkout_while_the_agreement_is_in_force_is_flagged(app: BargainingApp) -> None:
    osbcu = unit(app)
    app.units.record_agreement(osbcu, expiry=date(2022, 8, 31), effective=date(2019, 9, 1),
                               actor=CHAIR)
    campaign = app.campaigns.launch(name="OSBCU 2022", units=osbcu, ladder=FINAL,
                                    on=date(2022, 6, 1), actor=CHAIR)
    flags = app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 6, 15), part_day=True,
                                       hours=2, actor=CHAIR)
    assert Flag(FlagRule.AGREEMENT_IN_FORCE, "its agreement 2019-09-01 to 2022-08-31 was in "
                "force on 2022-06-15") in flags
    after = app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 9, 1), actor=CHAIR)
    assert FlagRule.AGREEMENT_IN_FORCE not in [f.rule for f in after]  # expired, carried over
    first = app.campaigns.job_actions(campaign)[0]
    assert (first.part_day, first.hours, first.back_on) == (True, 2, None)
    assert first.describe().startswith("CUPE OSBCU, Ontario school boards (Education workers) "
                                       "walked out for part of 2022-06-15, 2 hours; flagged: ")
    assert "walked out for part of 2022-06-15 (2 hours)" in app.history.of(campaign)[2].summary
    with app.reading("fr"):
        french = first.describe().replace("\N{NO-BREAK SPACE}", " ")
        assert french.startswith("CUPE OSBCU, Ontario school boards (Education workers) a "
                                 "débrayé une partie du 15 juin 2022, 2 h ; signalé : ")
        assert "walked out" not in french and "flagged" not in french
        second = app.campaigns.job_actions(campaign)[1].describe()
        assert second.replace("\N{NO-BREAK SPACE}", " ").startswith(
            "CUPE OSBCU, Ontario school boards (Education workers) a fait grève le 1er "
            "septembre 2022, toujours en grève ; signalé : ")
    assert app.campaigns.job_actions(campaign)[1].describe().startswith(
        "CUPE OSBCU, Ontario school boards (Education workers) walked out on 2022-09-01, "
        "still out; flagged: ")


def test_a_concluded_campaign_records_back_filled_walkouts_up_to_its_conclusion(
    app: BargainingApp,
) -> None:
    osbcu = unit(app)
    campaign = app.campaigns.launch(name="OSBCU 2022", units=osbcu, ladder=FINAL,
                                    on=date(2022, 9, 1), actor=CHAIR)
    app.campaigns.pause(campaign, on=date(2022, 11, 1), actor=CHAIR, reason="talks")
    flags = app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 11, 4), actor=CHAIR)
    assert FlagRule.CAMPAIGN_PAUSED in [f.rule for f in flags]
    app.campaigns.return_from_strike(campaign, osbcu, on=date(2022, 11, 8), actor=CHAIR)
    assert app.campaigns.job_actions(campaign)[0].back_on == date(2022, 11, 8)
    app.campaigns.resume(campaign, on=date(2022, 11, 2), actor=CHAIR)  # decisions keep order
    app.campaigns.conclude(campaign, Outcome.SETTLED, on=date(2022, 11, 20), actor=CHAIR)
    app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 11, 10), actor=CHAIR)
    late = app.campaigns.job_actions(campaign)[-1]
    assert (late.walked_out, late.back_on) == (date(2022, 11, 10), date(2022, 11, 20))
    before = events(app)
    with pytest.raises(RuleViolation, match=r"concluded \(settled\) on 2022-11-20: nothing more "
                                            "can be recorded on it"):
        app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 11, 21), actor=CHAIR)
    with pytest.raises(RuleViolation, match="a concluded campaign's strikes end by its "
                                            "conclusion"):
        app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 11, 2),
                                   back_on=date(2022, 11, 25), actor=CHAIR)
    assert events(app) == before


# ------------------------------------------------------------------ stored by release 0.1

CAMPAIGN = UUID("efff94fc-8435-4be2-8f2d-ade5535aa24b")
UNIT = UUID("15503c6a-4239-59aa-b894-473d75994f6c")
TOPIC = "bargaining.domain.escalation:Campaign."
ACTOR = b'"actor":{"_type_":"actor","_data_":{"id":"c-1","role":"coordinating committee"}}'


def _rung(name: bytes, share: bytes, kind: bytes) -> bytes:
    return (b'{"_type_":"escalation_rung","_data_":{"name":"' + name + b'","threshold":'
            b'{"_type_":"fraction","_data_":"' + share + b'"},"kind":{"_type_":"rung_kind",'
            b'"_data_":"' + kind + b'"}}}')


def _at(seconds: int) -> bytes:
    return (b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-11-30T07:14:'
            + f"{seconds:02d}".encode() + b'.000000+00:00"},')


#: A campaign as release 0.1 stored it: its ladder's rungs without a mandate rule, and a
#: walkout without a day back, part days or flags.
RELEASED = [
    ("Launched", _at(0) + b'"originator_topic":"bargaining.domain.escalation:Campaign",'
     b'"name":"Fair deal now","scope":{"_type_":"campaign_scope","_data_":"unit"},'
     b'"cluster_id":null,"ladder":{"_type_":"escalation_ladder","_data_":{"rungs":['
     + _rung(b"meeting", b"1", b"action") + b"," + _rung(b"strike vote", b"50", b"strike vote")
     + b"," + _rung(b"strike", b"60", b"strike") + b']}},"launched_on":{"_type_":"date_iso",'
     b'"_data_":"2025-09-01"},"climb_share":{"_type_":"fraction","_data_":"1"},' + ACTOR
     + b',"reason":null}'),
    ("UnitJoined", _at(1) + b'"unit_id":{"_type_":"uuid_hex","_data_":'
     b'"15503c6a423959aab894473d75994f6c"},"label":"CUPE 79, City of Toronto (Outside workers)",'
     b'"on":{"_type_":"date_iso","_data_":"2025-09-01"},' + ACTOR + b',"reason":null}'),
    ("StrikeEntered", _at(2) + b'"unit_id":{"_type_":"uuid_hex","_data_":'
     b'"15503c6a423959aab894473d75994f6c"},"on":{"_type_":"date_iso","_data_":"2025-10-06"},'
     + ACTOR + b',"reason":null}'),
]


def released_events() -> list[StoredEvent]:
    return [StoredEvent(originator_id=CAMPAIGN, originator_version=version, topic=TOPIC + name,
                        state=state)
            for version, (name, state) in enumerate(RELEASED, start=1)]


def test_a_walkout_and_rungs_stored_by_release_0_1_read_back_in_todays_form(
    open_app: Callable[..., BargainingApp],
) -> None:
    app = open_app()
    app.eventsourcing.recorder.insert_events(released_events())
    campaign = app.campaigns.get(CAMPAIGN)
    assert campaign.ladder.rungs[1].mandate_rule == Threshold.majority_of_valid()
    assert campaign.ladder.rungs[0].mandate_rule is None
    assert campaign.units[UNIT].spells == [Spell(date(2025, 10, 6))]
    assert [(j.walked_out, j.back_on, j.part_day, j.hours, j.recorded_flags)
            for j in app.campaigns.job_actions(CAMPAIGN)] == [
        (date(2025, 10, 6), None, False, None, ())]
    walkout = list(app.eventsourcing.events.get(CAMPAIGN))[2]
    assert not hasattr(walkout, "flags")  # stored without: read with the defaults
    entry = app.history.of(CAMPAIGN)[2]
    assert (entry.occurred_on, entry.data) == (date(2025, 10, 6), {
        "unit_id": str(UNIT), "on": "2025-10-06"})
    assert entry.summary == (f"{UNIT} walked out on 2025-10-06 (campaign 'Fair deal now'), "
                             "recorded by the coordinating committee")  # no unit registered
    (spell,) = app.campaigns.job_actions(CAMPAIGN)  # derived today: the campaign's rules
    assert spell.recorded_flags == ()
    assert [f.rule for f in spell.flags] == [FlagRule.NO_VALID_MANDATE,
                                            FlagRule.BELOW_STRIKE_RUNG]
    app.campaigns.return_from_strike(CAMPAIGN, UNIT, on=date(2025, 10, 9), actor=CHAIR)
    with pytest.raises(Exception, match="bargaining unit"):  # not registered in this store
        app.campaigns.enter_strike(CAMPAIGN, UNIT, on=date(2025, 10, 20), actor=CHAIR)


def test_a_rung_with_its_mandate_rule_and_a_flagged_walkout_are_stored_as_values(
    open_app: Callable[..., BargainingApp],
) -> None:
    app = open_app()
    uaw = Ladder([Rung("strike vote", 85, RungKind.STRIKE_VOTE,
                       mandate_rule=Threshold.two_thirds_of_valid()),
                  Rung("strike", 90, RungKind.STRIKE)])
    osbcu = unit(app)
    campaign = app.campaigns.launch(name="Stand Up", units=osbcu, ladder=uaw,
                                    on=date(2023, 9, 1), actor=CHAIR)
    app.campaigns.enter_strike(campaign, osbcu, on=date(2023, 9, 15), actor=CHAIR)
    launched, _, walkout = app.eventsourcing.recorder.select_events(campaign)
    rung = json.loads(launched.state)["ladder"]["_data_"]["rungs"][0]["_data_"]
    assert rung["mandate_rule"] == {"_type_": "threshold", "_data_": {
        "share": {"_type_": "fraction", "_data_": "2/3"}, "of": "valid", "strictly_more": False}}
    flags = json.loads(walkout.state)["flags"]
    assert flags[0] == {"_type_": "flag", "_data_": {
        "rule": {"_type_": "flag_rule", "_data_": "struck without a valid strike mandate"},
        "why": "no strike vote covering it was recorded by 2023-09-15",
        "wording": {"_type_": "phrase", "_data_": {
            "message": "no strike vote covering it was recorded by {on}",
            "values": [["on", "day", "2023-09-15"]]}}}}
    reopened = open_app() if app.store.kind != "memory" else app
    assert reopened.campaigns.get(campaign).ladder == uaw


def test_an_agreement_settled_after_the_walkout_with_a_retroactive_start_flags_nothing(
    app: BargainingApp,
) -> None:
    """Strikes often end in an agreement effective from before them; it was not in force on
    the strike days, since nobody had settled it yet."""
    osbcu = unit(app)
    app.units.record_agreement(osbcu, effective=date(2019, 9, 1), expiry=date(2022, 8, 31),
                               actor=CHAIR)
    campaign = app.campaigns.launch(name="OSBCU 2022", units=osbcu, ladder=FINAL,
                                    on=date(2022, 8, 1), actor=CHAIR)
    app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 11, 4), back_on=date(2022, 11, 8),
                               actor=CHAIR)
    app.units.record_agreement(osbcu, effective=date(2022, 9, 1), expiry=date(2026, 8, 31),
                               settled=date(2022, 12, 5), actor=CHAIR)
    [action] = app.campaigns.job_actions(campaign)
    assert FlagRule.AGREEMENT_IN_FORCE not in [f.rule for f in action.flags]
    app.units.record_agreement(osbcu, effective=date(2026, 9, 1), expiry=date(2030, 8, 31),
                               actor=CHAIR)
    late = app.campaigns.enter_strike(campaign, osbcu, on=date(2026, 9, 10), actor=CHAIR)
    assert FlagRule.AGREEMENT_IN_FORCE in [f.rule for f in late]  # no settled day: in force


def test_a_law_passed_while_the_unit_is_out_flags_the_spell_from_the_day_after(
    app: BargainingApp,
) -> None:
    faculty, support = unit(app, "Academic staff"), unit(app, "Support staff")
    campaign = app.campaigns.launch(name="Colleges 2017", units=[faculty, support],
                                    ladder=FINAL, on=date(2017, 9, 1), actor=CHAIR)
    bill = app.disputes.record_law(name="Bill 178", region="ON", does=[
        LawEffect.ORDERS_RETURN_TO_WORK], units=[faculty, support], source="Hansard",
        actor=CHAIR)
    app.disputes.pass_law(bill, on=date(2017, 11, 19), source="royal assent", actor=CHAIR)
    back_next_day = app.campaigns.enter_strike(campaign, faculty, on=date(2017, 10, 16),
                                               back_on=date(2017, 11, 20), actor=CHAIR)
    assert FlagRule.LAW_IN_FORCE not in [f.rule for f in back_next_day]
    stayed = app.campaigns.enter_strike(campaign, support, on=date(2017, 11, 15),
                                        back_on=date(2017, 11, 21), actor=CHAIR)
    [law] = [f for f in stayed if f.rule is FlagRule.LAW_IN_FORCE]
    assert "in force on 2017-11-20" in law.why
    assert [a.flags == a.recorded_flags for a in app.campaigns.job_actions(campaign)] == [
        True, True]


def test_a_walkout_still_under_way_is_judged_up_to_the_day_it_is_read(
    app: BargainingApp,
) -> None:
    """A unit that stays out past a back-to-work law, with no return recorded yet, is flagged:
    the spell is judged up to today, or up to the day of the moment it is read as known."""
    faculty = unit(app, "Academic staff")
    campaign = app.campaigns.launch(name="Colleges 2017", units=faculty, ladder=FINAL,
                                    on=date(2017, 9, 1), actor=CHAIR)
    app.campaigns.enter_strike(campaign, faculty, on=date(2017, 10, 16), actor=CHAIR)
    bill = app.disputes.record_law(name="Bill 178", region="ON", does=[
        LawEffect.ORDERS_RETURN_TO_WORK], units=faculty, source="Hansard", actor=CHAIR)
    app.disputes.pass_law(bill, on=date(2017, 11, 19), source="royal assent", actor=CHAIR)
    [out] = app.campaigns.job_actions(campaign)
    assert out.back_on is None
    [law] = [f for f in out.flags if f.rule is FlagRule.LAW_IN_FORCE]
    assert "in force on 2017-11-20" in law.why


def test_a_part_day_walkout_covers_its_day_only(app: BargainingApp) -> None:
    osbcu = unit(app)
    campaign = app.campaigns.launch(name="OSBCU 2022", units=osbcu, ladder=FINAL,
                                    on=date(2022, 8, 1), actor=CHAIR)
    app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 9, 10), hours=2, actor=CHAIR)
    [walkout] = app.campaigns.job_actions(campaign)
    assert walkout.part_day and walkout.covers(date(2022, 9, 10))
    assert not walkout.covers(date(2022, 9, 11))
    assert app.campaigns.readiness(campaign, on=date(2022, 9, 10)).strikes == (walkout,)
    assert app.campaigns.readiness(campaign, on=date(2022, 12, 1)).strikes == ()


def test_a_strike_vote_of_a_body_that_is_not_the_membership_is_no_mandate(
    app: BargainingApp,
) -> None:
    osbcu = unit(app)
    campaign = app.campaigns.launch(name="OSBCU 2022", units=osbcu, ladder=FINAL,
                                    on=date(2022, 8, 1), actor=CHAIR)
    tally = Tally(eligible=40, cast=40, yes=38, no=2)
    app.campaigns.record_mandate(campaign, Vote(date(2022, 10, 3), tally,
                                                body=Body.executive()), actor=CHAIR)
    [flag] = [f for f in app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 11, 4),
                                                    back_on=date(2022, 11, 8), actor=CHAIR)
              if f.rule is FlagRule.NO_VALID_MANDATE]
    assert "was a vote of the executive, not of the members" in flag.why
    two_thirds = Vote(date(2022, 11, 10), Tally(eligible=100, cast=100, yes=60, no=40),
                      Threshold.two_thirds_of_valid())
    app.campaigns.record_mandate(campaign, two_thirds, actor=CHAIR)
    later = app.campaigns.enter_strike(campaign, osbcu, on=date(2022, 11, 14), actor=CHAIR)
    [flag] = [f for f in later if f.rule is FlagRule.NO_VALID_MANDATE]
    assert ("did not carry by the rule it was held under, two thirds of valid ballots: 60% "
            "yes") in flag.why


def test_an_agreement_known_only_by_its_expiry_is_in_force_until_then(app: BargainingApp) -> None:
    """As an F-7 notice gives it: the agreement began after the one before it expired."""
    osbcu = unit(app)
    app.units.record_agreement(osbcu, effective=date(2019, 9, 1), expiry=date(2022, 8, 31),
                               actor=CHAIR)
    app.units.record_agreement(osbcu, expiry=date(2026, 8, 31), actor=CHAIR)
    campaign = app.campaigns.launch(name="OSBCU 2026", units=osbcu, ladder=FINAL,
                                    on=date(2026, 1, 5), actor=CHAIR)
    flags = app.campaigns.enter_strike(campaign, osbcu, on=date(2026, 3, 2), part_day=True,
                                       actor=CHAIR)
    [flag] = [f for f in flags if f.rule is FlagRule.AGREEMENT_IN_FORCE]
    assert flag.why == ("its agreement unknown effective date to 2026-08-31 was in force on "
                        "2026-03-02; its effective date is not recorded")
    after = app.campaigns.enter_strike(campaign, osbcu, on=date(2026, 9, 1), actor=CHAIR)
    assert FlagRule.AGREEMENT_IN_FORCE not in [f.rule for f in after]
