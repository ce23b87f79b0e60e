"""Disputes: laws and their acts, interventions, their indexes, and the flags a strike day
carries; on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest

from bargaining import (
    EXAMPLE_STRIKE_POSITIONS,
    ONTARIO_RULE,
    Actor,
    BargainingApp,
    BargainingError,
    DisputeIndex,
    FlagRule,
    InterventionKind,
    InvalidInput,
    Law,
    LawEffect,
    RecordNotFound,
    RuleViolation,
    StrikePositionCalendar,
    StrikePositionRule,
    Tally,
    UnitNotFound,
    Vote,
)
from bargaining.domain.disputes.index import Scope, index_id

STEWARD = Actor("d-1", "data steward")
BANS = [LawEffect.BANS_STRIKES, LawEffect.IMPOSES_CONTRACT]


def moment() -> datetime:
    """Now, then a pause, so events before and after differ in time."""
    now = datetime.now(UTC)
    time.sleep(0.002)
    return now


def unit(app: BargainingApp, name: str = "Education workers", region: str = "ON") -> UUID:
    return app.units.register(union="CUPE", local="OSBCU", employer="Ontario school boards",
                              unit_name=name, region=region, actor=STEWARD)


def law(app: BargainingApp, units: list[UUID], does: Any = BANS, **kwargs: Any) -> UUID:
    return app.disputes.record_law(name="Bill 28, Keeping Students in Class Act, 2022",
                                   region="ON", does=does, units=units,
                                   source="S.O. 2022, c. 19", actor=STEWARD, **kwargs)


def last_position(app: BargainingApp) -> int:
    return int(app.eventsourcing.recorder.max_notification_id() or 0)


# ---------------------------------------------------------------- a law's life


def law_record(**acts: date | tuple[date, bool]) -> Law:
    found = Law.record(name="Act", region="ON", does=BANS, units=[UNIT], source="s",
                       actor=STEWARD)
    if "passed" in acts:
        found.pass_(on=acts["passed"], source="s", actor=STEWARD)  # type: ignore[arg-type]
    if "struck" in acts:
        found.strike_down(on=acts["struck"], source="s", actor=STEWARD)  # type: ignore[arg-type]
    if "repealed" in acts:
        day, void = acts["repealed"]  # type: ignore[misc]
        found.repeal(on=day, source="s", actor=STEWARD, deemed_never_in_force=void)
    return found


UNIT = uuid4()


def test_a_law_is_in_force_from_its_passing_until_it_is_struck_down_or_repealed() -> None:
    tabled = law_record()
    assert not tabled.in_force_on(date(2022, 11, 4))
    passed = law_record(passed=date(2022, 11, 3))
    assert not passed.in_force_on(date(2022, 11, 2))
    assert passed.in_force_on(date(2022, 11, 3)) and passed.in_force_on(date(2030, 1, 1))
    repealed = law_record(passed=date(2022, 11, 3), repealed=(date(2022, 11, 14), False))
    assert repealed.in_force_on(date(2022, 11, 13))
    assert not repealed.in_force_on(date(2022, 11, 14))
    struck = law_record(passed=date(2019, 11, 7), struck=date(2022, 11, 29))
    assert struck.in_force_on(date(2022, 11, 28)) and not struck.in_force_on(date(2022, 11, 29))
    void = law_record(passed=date(2022, 11, 3), repealed=(date(2022, 11, 14), True))
    assert not void.in_force_on(date(2022, 11, 4))
    assert void.describe_life() == (
        "passed 2022-11-03; repealed 2022-11-14, deemed never in force")


def test_a_law_struck_down_can_still_be_repealed() -> None:
    both = law_record(passed=date(2019, 11, 7), struck=date(2022, 11, 29),
                      repealed=(date(2024, 2, 23), False))
    assert [a[0] for a in both.acts] == ["passed", "struck down", "repealed"]


@pytest.mark.parametrize(("act", "message"), [
    (lambda law: law.repeal(on=date(2022, 11, 14), source="s", actor=STEWARD),
     "has not passed: it cannot be repealed"),
    (lambda law: law.strike_down(on=date(2022, 11, 14), source="s", actor=STEWARD),
     "has not passed: it cannot be struck down"),
])
def test_a_law_that_has_not_passed_cannot_end(act: Callable[[Law], None], message: str) -> None:
    with pytest.raises(RuleViolation, match=message):
        act(law_record())


def test_what_cannot_be_true_of_a_law_is_refused() -> None:
    passed = law_record(passed=date(2022, 11, 3))
    with pytest.raises(RuleViolation, match="cannot be repealed before that, on 2022-11-02"):
        passed.repeal(on=date(2022, 11, 2), source="s", actor=STEWARD)
    with pytest.raises(RuleViolation, match="cannot be struck down before that"):
        passed.strike_down(on=date(2022, 11, 1), source="s", actor=STEWARD)
    with pytest.raises(RuleViolation, match="already passed, on 2022-11-03"):
        passed.pass_(on=date(2022, 11, 4), source="s", actor=STEWARD)
    with pytest.raises(RuleViolation, match="cannot have been tabled after that"):
        passed.table(on=date(2022, 11, 5), source="s", actor=STEWARD)
    tabled = law_record()
    tabled.table(on=date(2022, 10, 31), source="s", actor=STEWARD)
    with pytest.raises(RuleViolation, match="cannot pass before that, on 2022-10-30"):
        tabled.pass_(on=date(2022, 10, 30), source="s", actor=STEWARD)
    with pytest.raises(RuleViolation, match="already tabled"):
        tabled.table(on=date(2022, 10, 31), source="s", actor=STEWARD)
    repealed = law_record(passed=date(2022, 11, 3), repealed=(date(2022, 11, 14), True))
    with pytest.raises(RuleViolation, match="already repealed"):
        repealed.repeal(on=date(2022, 11, 15), source="s", actor=STEWARD)
    with pytest.raises(InvalidInput, match="True or False"):
        passed.repeal(on=date(2022, 11, 14), source="s", actor=STEWARD,
                      deemed_never_in_force="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="must be a date"):
        passed.repeal(on="2022-11-14", source="s", actor=STEWARD)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"does": []}, "say what the law does"),
    ({"does": ["caps wages"]}, "not 'caps wages'"),
    ({"units": []}, "name the units the law covers"),
    ({"units": ["a unit"]}, "given as ids"),
    ({"source": " "}, "needs its source"),
    ({"name": ""}, "needs a name"),
])
def test_a_malformed_law_is_refused(kwargs: dict[str, Any], message: str) -> None:
    given = {"name": "Act", "region": "ON", "does": BANS, "units": [UNIT], "source": "s",
             "actor": STEWARD, **kwargs}
    with pytest.raises(InvalidInput, match=message):
        Law.record(**given)


def test_effects_are_given_as_enum_members_or_their_words() -> None:
    found = Law.record(name="Act", region="ON", does=["orders a return to work"], units=UNIT,
                       source="s", actor=STEWARD)
    assert found.effects == (LawEffect.ORDERS_RETURN_TO_WORK,) and found.bars_strikes
    med_arb = Law.record(name="Act", region="ON", does=LawEffect.IMPOSES_MEDIATION_ARBITRATION,
                         units=UNIT, source="s", actor=STEWARD)
    assert not med_arb.bars_strikes


# ------------------------------------------------------------ through the app


def test_a_law_repealed_and_deemed_never_in_force_as_known_before_and_after(
    app: BargainingApp,
) -> None:
    workers = unit(app)
    bill = law(app, [workers])
    app.disputes.pass_law(bill, on=date(2022, 11, 3), source="royal assent", actor=STEWARD)
    known_on_nov_5 = moment()
    app.disputes.repeal_law(bill, on=date(2022, 11, 14), source="S.O. 2022, c. 20",
                            by="Bill 35", deemed_never_in_force=True, actor=STEWARD)

    then = app.disputes.strike_flags(workers, date(2022, 11, 4), at=known_on_nov_5)
    assert [f.rule for f in then] == [FlagRule.LAW_IN_FORCE]
    assert "Bill 28" in then[0].why and "2022-11-04" in then[0].why
    assert app.disputes.strike_flags(workers, date(2022, 11, 4)) == []
    assert app.disputes.law(bill, at=known_on_nov_5).in_force_on(date(2022, 11, 4))
    assert [e.event for e in app.history.of(bill)] == ["Recorded", "Passed", "Repealed"]
    assert [f.what for f in app.disputes.for_unit(workers)] == ["law passed", "law repealed"]
    assert [f.what for f in app.disputes.for_unit(workers, at=known_on_nov_5)] == [
        "law passed"]


def test_a_law_known_only_later_raises_no_flag_as_known_before(app: BargainingApp) -> None:
    workers = unit(app)
    before = moment()
    bill = law(app, [workers])
    app.disputes.pass_law(bill, on=date(2022, 11, 3), source="royal assent", actor=STEWARD)
    assert app.disputes.strike_flags(workers, date(2022, 11, 4), at=before) == []
    assert app.disputes.for_unit(workers, at=before) == []
    assert [f.rule for f in app.disputes.strike_flags(workers, date(2022, 11, 4))] == [
        FlagRule.LAW_IN_FORCE]


def test_a_law_flags_only_the_units_it_covers_and_only_when_it_bars_strikes(
    app: BargainingApp,
) -> None:
    covered, other = unit(app), unit(app, "Custodians")
    med_arb = law(app, [covered], does=[LawEffect.IMPOSES_MEDIATION_ARBITRATION])
    app.disputes.pass_law(med_arb, on=date(2017, 11, 19), source="s", actor=STEWARD)
    assert app.disputes.strike_flags(covered, date(2017, 11, 20)) == []
    ban = law(app, [covered])
    app.disputes.pass_law(ban, on=date(2017, 11, 19), source="s", actor=STEWARD)
    assert len(app.disputes.strike_flags(covered, date(2017, 11, 20))) == 1
    assert app.disputes.strike_flags(other, date(2017, 11, 20)) == []


def test_refused_commands_record_nothing(app: BargainingApp) -> None:
    workers = unit(app)
    bill = law(app, [workers])
    before = last_position(app)
    refusals: list[Callable[[], object]] = [
        lambda: app.disputes.repeal_law(bill, on=date(2022, 11, 14), source="s", actor=STEWARD),
        lambda: app.disputes.pass_law(uuid4(), on=date(2022, 11, 3), source="s", actor=STEWARD),
        lambda: law(app, [workers, uuid4()]),
        lambda: law(app, [workers], campaigns=[uuid4()]),
        lambda: law(app, [workers], clusters=[uuid4()]),
        lambda: app.disputes.report_no_board([uuid4()], on=date(2023, 3, 1), source="s",
                                             actor=STEWARD),
        lambda: app.disputes.record(InterventionKind.LOCKOUT_DECLARED, [workers],
                                    on=date(2023, 3, 1), source="s", actor=STEWARD,
                                    vote=offer_vote()),
        lambda: app.disputes.record("a walkout", [workers], on=date(2023, 3, 1),  # type: ignore[arg-type]
                                    source="s", actor=STEWARD),
        lambda: app.disputes.record_forced_vote([workers], vote=offer_vote(), on=date(2017, 11, 1),
                                                source="s", actor=STEWARD),
        lambda: app.disputes.declare_lockout([workers], on=date(2023, 3, 1), source="s",
                                             actor=None),  # type: ignore[arg-type]
    ]
    for refused in refusals:
        with pytest.raises(BargainingError):
            refused()
    assert last_position(app) == before
    with pytest.raises(UnitNotFound):
        law(app, [uuid4()])
    with pytest.raises(RecordNotFound, match="no law is recorded"):
        app.disputes.law(uuid4())
    with pytest.raises(RecordNotFound, match="not a law"):
        app.disputes.law(workers)
    with pytest.raises(UnitNotFound):
        app.disputes.for_unit(uuid4())
    with pytest.raises(UnitNotFound):
        app.disputes.strike_flags(uuid4(), date(2022, 11, 4))
    with pytest.raises(InvalidInput, match="no time zone"):
        app.disputes.strike_flags(workers, date(2022, 11, 4), at=datetime(2022, 11, 5))
    with pytest.raises(InvalidInput, match="must be a date"):
        app.disputes.strike_flags(workers, datetime(2022, 11, 4))


def offer_vote() -> Vote:
    return Vote(date(2017, 11, 16), Tally(eligible=12_841, cast=12_199, yes=1_708, no=10_491))


def test_a_forced_vote_on_the_last_offer_is_counted_and_read_back(
    open_app: Callable[..., BargainingApp], store_kind: str,
) -> None:
    app = open_app()
    faculty = app.units.register(union="OPSEU", local="Academic", employer="College Employer "
                                 "Council", unit_name="College faculty", region="ON",
                                 actor=STEWARD)
    forced = app.disputes.record_forced_vote(faculty, vote=offer_vote(), source="OLRB results",
                                             made_by="College Employer Council", actor=STEWARD)
    again = app if store_kind == "memory" else open_app()  # read back from the store
    found = again.disputes.intervention(forced)
    assert found.kind is InterventionKind.FORCED_OFFER_VOTE
    assert found.vote == offer_vote() and not found.vote.passed
    (fact,) = again.disputes.for_unit(faculty)
    assert fact.on == date(2017, 11, 16) and fact.vote == offer_vote()
    assert fact.summary.endswith("the offer was rejected (86% of valid ballots)")
    (entry,) = [e for e in again.history.of(forced)]
    assert entry.occurred_on == date(2017, 11, 16)
    assert "Forced vote on the employer's last offer on 2017-11-16 by College Employer Council" \
        in entry.summary


def test_interventions_are_found_by_unit_campaign_and_cluster_in_date_order(
    app: BargainingApp,
) -> None:
    workers, other = unit(app), unit(app, "Custodians")
    campaign = app.campaigns.launch(name="OSBCU 2022", units=[workers, other],
                                    on=date(2022, 8, 1), actor=STEWARD)
    lockout = app.disputes.declare_lockout([workers, other], on=date(2023, 5, 1), source="s",
                                           made_by="the board", campaigns=campaign,
                                           actor=STEWARD)
    notice = app.disputes.serve_strike_notice(workers, on=date(2023, 4, 20), source="s",
                                              actor=STEWARD)
    ended = app.disputes.end_lockout([workers], on=date(2023, 5, 9), source="s",
                                     campaigns=[campaign], actor=STEWARD)
    conciliation = app.disputes.request_conciliation(other, on=date(2023, 2, 1), source="s",
                                                     made_by="the union", actor=STEWARD)
    assert [f.record_id for f in app.disputes.for_unit(workers)] == [notice, lockout, ended]
    assert [f.record_id for f in app.disputes.for_unit(other)] == [conciliation, lockout]
    assert [f.record_id for f in app.disputes.for_campaign(campaign)] == [lockout, ended]
    assert [f.what for f in app.disputes.for_campaign(campaign)] == [
        "lockout declared", "lockout ended"]
    first = app.disputes.for_campaign(campaign)[0]
    assert first.summary == "Lockout declared on 2023-05-01 by the board, covering 2 units"
    assert first.units == (workers, other) and first.campaign_ids == (campaign,)
    index = app.eventsourcing.repository.get(index_id(Scope.UNIT, workers))
    assert isinstance(index, DisputeIndex)
    assert index.ids("intervention") == [lockout, notice, ended]
    with pytest.raises(RecordNotFound):
        app.disputes.for_cluster(uuid4())


def test_a_new_fact_and_its_indexes_are_saved_together(app: BargainingApp) -> None:
    workers = unit(app)
    before = last_position(app)
    notice = app.disputes.serve_strike_notice(workers, on=date(2023, 4, 20), source="s",
                                              actor=STEWARD)
    recorded = [e for _, e in app.eventsourcing.read_log(before, 10)]
    assert [(type(e).__qualname__, e.originator_id) for e in recorded] == [
        ("Intervention.Recorded", notice),
        ("DisputeIndex.Opened", index_id(Scope.UNIT, workers)),
        ("DisputeIndex.Listed", index_id(Scope.UNIT, workers)),
    ]
    assert len({e.timestamp for e in recorded}) <= 3


# ------------------------------------------------------- legal strike position


def test_ontario_strike_position_17_days_after_a_no_board_report(
    open_app: Callable[..., BargainingApp],
) -> None:
    app = open_app(strike_positions=EXAMPLE_STRIKE_POSITIONS)
    workers, elsewhere = unit(app), unit(app, "Drivers", region="MB")
    assert [f.rule for f in app.disputes.strike_flags(workers, date(2023, 3, 10))] == [
        FlagRule.BEFORE_LEGAL_STRIKE_POSITION]
    app.disputes.report_no_board([workers, elsewhere], on=date(2023, 3, 1), source="s",
                                 actor=STEWARD)
    early = app.disputes.strike_flags(workers, date(2023, 3, 17))
    assert [f.rule for f in early] == [FlagRule.BEFORE_LEGAL_STRIKE_POSITION]
    assert "'no board' report of 2023-03-01 gives a legal strike position on 2023-03-18" in \
        early[0].why
    assert app.disputes.strike_flags(workers, date(2023, 3, 18)) == []
    assert app.disputes.strike_flags(elsewhere, date(2023, 3, 2)) == [], "no rule, no flag"
    position = app.disputes.strike_position(workers, date(2023, 3, 20))
    assert position is not None and position.legal_from == date(2023, 3, 18)
    assert app.disputes.strike_position(elsewhere, date(2023, 3, 20)) is None


def test_a_rule_that_needs_a_strike_notice(app: BargainingApp) -> None:
    app.disputes.strike_positions = StrikePositionCalendar.build(
        {"ON": StrikePositionRule("school boards", days=17, notice_days=5)})
    workers = unit(app)
    app.disputes.report_no_board(workers, on=date(2022, 10, 1), source="s", actor=STEWARD)
    assert "no strike notice was served since" in \
        app.disputes.strike_flags(workers, date(2022, 10, 30))[0].why
    app.disputes.serve_strike_notice(workers, on=date(2022, 10, 30), source="s", actor=STEWARD)
    late = app.disputes.strike_flags(workers, date(2022, 11, 3))
    assert "strike notice of 2022-10-30 gives a legal strike position on 2022-11-04" in \
        late[0].why
    assert app.disputes.strike_flags(workers, date(2022, 11, 4)) == []


def test_the_latest_report_starts_the_clock() -> None:
    class Fact:
        def __init__(self, on: date) -> None:
            self.kind, self.on = InterventionKind.NO_BOARD_REPORT, on

        def covers(self, unit_id: UUID) -> bool:
            return unit_id == UNIT

    facts = [Fact(date(2019, 1, 1)), Fact(date(2023, 3, 1)), Fact(date(2024, 1, 1))]
    position = ONTARIO_RULE.position(UNIT, facts, date(2023, 3, 10))
    assert position.legal_from == date(2023, 3, 18) and not position.reached_by(date(2023, 3, 10))
    assert ONTARIO_RULE.position(uuid4(), facts, date(2023, 3, 10)).legal_from is None


@pytest.mark.parametrize(("build", "message"), [
    (lambda: StrikePositionRule("", days=17), "needs a name"),
    (lambda: StrikePositionRule("r", days=-1), "0 or more"),
    (lambda: StrikePositionRule("r", days=17, notice_days=True), "0 or more"),
    (lambda: StrikePositionRule("r", days=17, after="no board"), "InterventionKind"),
    (lambda: StrikePositionCalendar.build({"ON": ONTARIO_RULE, " on ": ONTARIO_RULE}),
     "names one jurisdiction twice"),
    (lambda: StrikePositionCalendar.build({" ": ONTARIO_RULE}), "needs a code"),
    (lambda: StrikePositionCalendar.build({"ON": 17}), "must be a StrikePositionRule"),
])
def test_malformed_rules_are_refused(build: Callable[[], object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        build()


def test_a_default_rule_applies_to_jurisdictions_not_listed() -> None:
    calendar = StrikePositionCalendar.build({"ON": ONTARIO_RULE},
                                            default=StrikePositionRule("elsewhere", days=7))
    assert calendar.rule_for(" ON ") is ONTARIO_RULE
    assert calendar.rule_for("QC").name == "elsewhere"  # type: ignore[union-attr]
    assert StrikePositionCalendar().rule_for("ON") is None


def test_a_law_concerning_a_cluster_is_listed_for_it(app: BargainingApp) -> None:
    committee = Actor("cc-1", "coordinating committee")
    cluster = app.clusters.form(
        name="Ontario education 2022", sectors=["education"], committee=[committee],
        window_start=date(2022, 6, 1), window_end=date(2022, 9, 30),
        target_alignment=date(2022, 8, 31), actor=committee, on=date(2022, 6, 1))
    workers = unit(app)
    bill = law(app, [workers], clusters=cluster)
    app.disputes.table_law(bill, on=date(2022, 10, 31), source="Hansard", actor=STEWARD)
    app.disputes.pass_law(bill, on=date(2022, 11, 3), source="royal assent", actor=STEWARD)
    facts = app.disputes.for_cluster(cluster)
    assert [(f.on, f.what, f.source) for f in facts] == [
        (date(2022, 10, 31), "law tabled", "Hansard"),
        (date(2022, 11, 3), "law passed", "royal assent"),
    ]
    assert facts[1].summary == ("Bill 28, Keeping Students in Class Act, 2022 (ON) passed on "
                                "2022-11-03: bans strikes, imposes a contract, covering 1 unit")
    assert facts[0].cluster_ids == (cluster,) and facts[0].record_kind == "law"
    names = [e.summary for e in app.history.of(index_id(Scope.CLUSTER, cluster))]
    assert names == [
        "Disputes of the cluster 'Ontario education 2022' indexed by the data steward",
        "The law 'Bill 28, Keeping Students in Class Act, 2022' listed in the disputes of "
        "Ontario education 2022 by the data steward",
    ]


def test_the_clusters_status_shows_the_facts_of_its_dispute_as_of_each_reading(
    app: BargainingApp,
) -> None:
    committee = Actor("cc-1", "coordinating committee")
    cluster = app.clusters.form(
        name="Ontario education 2022", sectors=["education"], committee=[committee],
        window_start=date(2022, 6, 1), window_end=date(2022, 9, 30),
        target_alignment=date(2022, 8, 31), actor=committee, on=date(2022, 6, 1))
    bill = law(app, [unit(app)], clusters=cluster)
    app.disputes.pass_law(bill, on=date(2022, 11, 3), source="royal assent", actor=STEWARD)
    known_before_repeal = datetime.now(UTC)
    app.disputes.repeal_law(bill, on=date(2022, 11, 14), source="Bill 35", actor=STEWARD,
                            deemed_never_in_force=True)
    status = app.clusters.status(cluster)
    assert [f.what for f in status.disputes] == ["law passed", "law repealed"]
    assert "Bill 28, Keeping Students in Class Act, 2022 (ON) passed on 2022-11-03" in (
        status.explain())
    assert [f.what for f in app.clusters.status(cluster, on=date(2022, 11, 5)).disputes] == [
        "law passed"]
    assert [f.what for f in app.clusters.status(cluster, at=known_before_repeal).disputes] == [
        "law passed"]
    assert app.clusters.status(cluster, on=date(2022, 11, 2)).disputes == ()


class Interleaved:
    """The store, with another command recorded just before the first save: a real conflict
    on the index both commands write."""

    def __init__(self, records: Any, first: Callable[[], object]) -> None:
        self.records, self.first = records, first

    def __getattr__(self, name: str) -> Any:
        return getattr(self.records, name)

    def save(self, *records: Any) -> Any:
        first, self.first = self.first, lambda: None
        first()
        return self.records.save(*records)


def test_a_fact_whose_index_was_changed_meanwhile_is_saved_on_a_second_try(
    app: BargainingApp,
) -> None:
    from bargaining.application.disputes import Disputes

    workers = unit(app)
    other: list[UUID] = []
    disputes = Disputes(Interleaved(app.eventsourcing, lambda: other.append(
        app.disputes.request_conciliation(workers, on=date(2023, 2, 1), source="s",
                                          actor=STEWARD))))
    notice = disputes.serve_strike_notice(workers, on=date(2023, 4, 20), source="s",
                                          actor=STEWARD)
    assert [f.record_id for f in app.disputes.for_unit(workers)] == [*other, notice]


def test_a_jurisdiction_is_found_whatever_its_case_and_a_code_must_be_text() -> None:
    calendar = StrikePositionCalendar.build({"ON": ONTARIO_RULE})
    assert calendar.rule_for("on") is ONTARIO_RULE
    assert calendar.rule_for(" On ") is ONTARIO_RULE
    assert calendar.rule_for("MB") is None
    with pytest.raises(InvalidInput, match="named by its code"):
        StrikePositionCalendar.build({5: ONTARIO_RULE})  # type: ignore[dict-item]
