"""The defense of public services: threats, templates, the rapid response (resuming after a
crash, never proposing or launching twice, concurrently on SQLite and PostgreSQL), public
actions and messages; on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    BargainingError,
    FlagRule,
    Impact,
    ImpactMeasure,
    InvalidInput,
    PublicActionKind,
    RuleViolation,
    Tally,
    TemplateAction,
    ThreatKind,
    ThreatOutcome,
)
from tests.refusals import position

ORG = Actor("o-1", "organizer")
STEWARD = Actor("d-1", "data steward")
ACTIONS = [TemplateAction("town hall", "organizing meeting", 7),
           TemplateAction("petition", "majority petition", 21)]


def hospitals(app: BargainingApp) -> list[UUID]:
    """Three Ontario hospital units of two locals (illustrative counts)."""
    found = []
    for local, name, workers in [("5110", "Nurses", 800), ("5110", "Paramedical", 300),
                                 ("1999", "Service workers", 1200)]:
        uid = app.units.register(union="OPSEU" if local == "5110" else "CUPE", local=local,
                                 employer="Niagara Health", unit_name=name, sector="hospitals",
                                 region="ON", headcount=workers, actor=STEWARD)
        app.units.record_agreement(uid, effective=date(2021, 4, 1), expiry=date(2024, 3, 31),
                                   actor=STEWARD)
        found.append(uid)
    return found


def template(app: BargainingApp) -> None:
    app.defense.publish_template("privatization", answers=[ThreatKind.PRIVATIZATION],
                                 actions=ACTIONS, checklist=["hours lost"],
                                 roles=["spokesperson"], actor=ORG)


def threat(app: BargainingApp) -> UUID:
    return app.defense.register_threat(
        ThreatKind.PRIVATIZATION, name="Bill 60", on=date(2023, 2, 21),
        source="Ontario legislature", sectors=["hospitals"], regions=["ON"],
        behind=["Ontario Ministry of Health"], actor=ORG)


def refused(app: BargainingApp, command: Callable[[], object], error: type[BargainingError],
            words: str) -> None:
    before = position(app)
    with pytest.raises(error, match=words):
        command()
    assert position(app) == before


# ------------------------------------------------------------------ threats


def test_a_threat_names_what_it_hits_and_refusals_record_nothing(app: BargainingApp) -> None:
    refused(app, lambda: app.defense.register_threat(
        ThreatKind.CUTS, name="Budget cut", on=date(2024, 3, 1), source="budget", actor=ORG),
        InvalidInput, "names what it hits")
    refused(app, lambda: app.defense.register_threat(
        "austerity", name="Cut", on=date(2024, 3, 1), source="budget", sectors=["x"],
        actor=ORG), InvalidInput, "a threat is one of")
    refused(app, lambda: app.defense.register_threat(
        ThreatKind.CUTS, name="Cut", on=datetime(2024, 3, 1, tzinfo=UTC), source="budget",
        sectors=["x"], actor=ORG), InvalidInput, "not a date and time")
    refused(app, lambda: app.defense.register_threat(
        ThreatKind.CUTS, name="Cut", on=date(2024, 3, 1), source="", sectors=["x"],
        actor=ORG), InvalidInput, "needs its source")
    refused(app, lambda: app.defense.register_threat(
        ThreatKind.CUTS, name="Cut", on=date(2024, 3, 1), source="budget", sectors=["x"],
        actor=None), BargainingError, "actor")  # type: ignore[arg-type]


def test_a_threats_life_is_recorded_and_dates_out_of_order_are_flagged(
        app: BargainingApp) -> None:
    tid = threat(app)
    assert app.defense.record_outcome(tid, ThreatOutcome.PASSED, on=date(2023, 5, 18),
                                      source="royal assent", actor=ORG) == ()
    flags = app.defense.record_outcome(tid, "implemented", on=date(2023, 5, 1),
                                       source="first clinic licensed", actor=ORG)
    assert [f.rule for f in flags] == [FlagRule.THREAT_OUT_OF_ORDER]
    assert "before it was passed on 2023-05-18" in flags[0].why
    late = app.defense.record_outcome(tid, ThreatOutcome.WITHDRAWN, on=date(2023, 6, 1),
                                      source="a rumour", actor=ORG)
    assert "after it was implemented on 2023-05-01" in late[0].why
    refused(app, lambda: app.defense.record_outcome(
        tid, ThreatOutcome.PASSED, on=date(2023, 5, 19), source="again", actor=ORG),
        RuleViolation, "already recorded as passed")
    found = app.defense.threat(tid)
    assert found.ended == (ThreatOutcome.IMPLEMENTED, date(2023, 5, 1))
    assert len(found.flags) == 2
    assert app.defense.threat(tid, on=date(2023, 5, 10)).acts[0][0] is ThreatOutcome.IMPLEMENTED
    assert app.defense.threat(tid, version=1).acts == []


# ---------------------------------------------------------------- templates


def test_templates_are_versioned_and_responses_keep_their_version(app: BargainingApp) -> None:
    hospitals(app)
    template(app)
    refused(app, lambda: template(app), RuleViolation, "published already")
    refused(app, lambda: app.defense.revise_template(
        "privatization", answers=["privatization"], actions=list(reversed(ACTIONS)), actor=ORG),
        InvalidInput, "come in order")
    refused(app, lambda: app.defense.revise_template(
        "privatization", answers=["privatization"],
        actions=[TemplateAction("sit-in", "occupation", 3)], actor=ORG),
        InvalidInput, "not a rung")
    first = threat(app)
    assert app.defense.revise_template(
        "Privatization", answers=["privatization"], actions=ACTIONS[:1], actor=ORG) == 2
    second = app.defense.register_threat(
        ThreatKind.PRIVATIZATION, name="Surgical clinics", on=date(2023, 6, 1),
        source="ministry", sectors=["hospitals"], actor=ORG)
    assert {r.template_version for r in app.defense.responses(threat=first)} == {1}
    assert {r.template_version for r in app.defense.responses(threat=second)} == {2}
    assert app.defense.template("privatization").plan_version(1).actions == tuple(ACTIONS)


# ---------------------------------------------------------- rapid response


def test_a_response_is_proposed_per_local_and_launched_once(app: BargainingApp) -> None:
    units = hospitals(app)
    template(app)
    tid = threat(app)
    responses = app.defense.responses(threat=tid)
    assert sorted(r.local for r in responses) == ["CUPE 1999", "OPSEU 5110"]
    opseu = next(r for r in responses if r.local == "OPSEU 5110")
    assert set(opseu.unit_ids) == set(units[:2])
    assert "template 'privatization' version 1 answers privatization" in opseu.why
    campaign = app.defense.launch_response(opseu.id, on=date(2023, 3, 1), actor=ORG,
                                           reason="the local's executive voted to fight")
    launched = app.defense.response(opseu.id)
    assert launched.status == "launched" and launched.campaign_id == campaign
    assert [(s.name, s.on) for s in launched.planned] == [
        ("town hall", date(2023, 3, 8)), ("petition", date(2023, 3, 22))]
    assert [a.planned_on for a in app.campaigns.get(campaign).plans.values()] == [
        date(2023, 3, 8), date(2023, 3, 22)]
    assert launched.response_time is not None and launched.response_time.total_seconds() > 0
    assert [name for name, _ in app.defense.response_times()] == [launched.name]
    refused(app, lambda: app.defense.launch_response(opseu.id, on=date(2023, 3, 2), actor=ORG),
            RuleViolation, "already launched")


def test_no_template_no_response_and_the_reason_is_recorded(app: BargainingApp) -> None:
    hospitals(app)
    tid = app.defense.register_threat(ThreatKind.CUTS, name="Cut", on=date(2024, 3, 1),
                                      source="budget", sectors=["hospitals"], actor=ORG)
    assert app.defense.responses(threat=tid) == []
    notes = [e.summary for e in app.history.audit_log(kind="ResponseTracking")]
    assert any("no template answers cuts threats" in n for n in notes)


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])  # memory dies with its app
def test_the_rapid_response_resumes_after_a_crash(store_url: str) -> None:
    """Stopped between the threat and the proposals, reopened, caught up."""
    with BargainingApp(store_url) as app:
        hospitals(app)
        template(app)
        del app.eventsourcing.followers["the rapid response"]  # the crash: nothing follows
        tid = threat(app)
        assert not any(e.aggregate_kind == "Response" for e in app.history.audit_log())
    with BargainingApp(store_url) as app:
        assert app.defense.catch_up() == 2
        assert app.defense.catch_up() == 0
        assert len(app.defense.responses(threat=tid)) == 2
        assert app.defense.rapid_response.position > 0


def test_a_launch_is_recorded_whole_or_not_at_all(app: BargainingApp,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The decision, the campaign and its plans are saved in one transaction: a launch that
    fails part-way (the host dies while the campaign is being made) records nothing, and the
    response can be launched again, once."""
    hospitals(app)
    template(app)
    tid = threat(app)
    response = app.defense.responses(threat=tid)[0]

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("the host died")

    from bargaining.domain.defense.response import Response
    monkeypatch.setattr(Response, "actions_planned", crash)
    before = position(app)
    with pytest.raises(OSError):
        app.defense.launch_response(response.id, on=date(2023, 3, 1), actor=ORG)
    monkeypatch.undo()
    assert position(app) == before
    assert app.defense.response(response.id).status == "proposed"
    campaign = app.defense.launch_response(response.id, on=date(2023, 3, 1), actor=ORG)
    kinds = [e for e in app.history.audit_log(kind="Campaign") if e.event == "Launched"]
    assert len(kinds) == 1 and app.defense.response(response.id).campaign_id == campaign
    assert app.defense.response(response.id).status == "launched"


def test_a_campaign_name_too_long_is_cut_not_refused(app: BargainingApp) -> None:
    """Long template and threat names make a campaign name within what a name may hold."""
    hospitals(app)
    app.defense.publish_template("privatization " + "x" * 150,
                                 answers=[ThreatKind.PRIVATIZATION], actions=ACTIONS,
                                 checklist=["hours lost"], roles=["spokesperson"], actor=ORG)
    tid = app.defense.register_threat(
        ThreatKind.PRIVATIZATION, name="Bill 60 " + "y" * 150, on=date(2023, 2, 21),
        source="Ontario legislature", sectors=["hospitals"], regions=["ON"], actor=ORG)
    response = app.defense.responses(threat=tid)[0]
    campaign = app.defense.launch_response(response.id, on=date(2023, 3, 1), actor=ORG)
    name = app.campaigns.get(campaign).name
    assert len(name) == 200 and name.endswith("…") and name.startswith("privatization xxx")


def test_threats_keep_being_answered_after_many_later_acts(app: BargainingApp) -> None:
    """The rapid response reads past pages of a threat's later acts (outcomes) to the next
    registration, whatever the page size."""
    del app.eventsourcing.followers["the rapid response"]
    hospitals(app)
    template(app)
    olds = [app.defense.register_threat(
        ThreatKind.PRIVATIZATION, name=f"Bill {n}", on=date(2023, 1, 2 + n),
        source="Ontario legislature", sectors=["hospitals"], regions=["ON"], actor=ORG)
        for n in range(3)]
    assert app.defense.rapid_response.catch_up(batch_size=2) == 6  # two locals each
    for old in olds:  # then a page and more of later acts, and no registration among them
        for day, outcome in enumerate(("passed", "implemented", "defeated", "withdrawn")):
            app.defense.record_outcome(old, outcome, on=date(2023, 2, 1 + day),
                                       source="Hansard", actor=ORG)
    new = threat(app)
    assert app.defense.rapid_response.catch_up(batch_size=2) == 2
    assert app.defense.rapid_response.catch_up(batch_size=2) == 0
    assert len(app.defense.responses(threat=new)) == 2


def _together(*calls: Callable[[], object]) -> list[object]:
    results: list[object] = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(i: int, call: Callable[[], object]) -> None:
        start.wait()
        try:
            results[i] = call()
        except BargainingError as error:
            results[i] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_two_applications_on_one_store_propose_and_launch_once(
        open_app: Callable[..., BargainingApp]) -> None:
    first, second = open_app(), open_app()
    for app in (first, second):
        del app.eventsourcing.followers["the rapid response"]
    hospitals(first)
    template(first)
    tid = threat(first)
    proposed = _together(first.defense.catch_up, second.defense.catch_up)
    assert sum(p for p in proposed if isinstance(p, int)) == 2
    responses = second.defense.responses(threat=tid)
    assert len(responses) == 2
    steps = [e for e in first.history.audit_log(kind="ResponseTracking") if e.event == "Advanced"]
    assert len(steps) == 1
    target = responses[0].id
    launched = _together(
        lambda: first.defense.launch_response(target, on=date(2023, 3, 1), actor=ORG),
        lambda: second.defense.launch_response(target, on=date(2023, 3, 1), actor=ORG))
    assert sum(isinstance(x, UUID) for x in launched) == 1
    assert sum(isinstance(x, RuleViolation) for x in launched) == 1
    campaigns = [e for e in first.history.audit_log(kind="Campaign") if e.event == "Launched"]
    assert len(campaigns) == 1


# ------------------------------------------------- public actions and messages


def test_a_referendum_is_counted_by_the_vote_arithmetic(app: BargainingApp) -> None:
    tid = threat(app)
    refused(app, lambda: app.defense.record_public_action(
        PublicActionKind.REFERENDUM, name="OHC referendum", on=date(2023, 5, 26),
        source="Ontario Health Coalition", threats=[tid], actor=ORG,
        tally=Tally(eligible=386_068, cast=386_068, yes=7_001, no=378_726, spoiled=340)),
        BargainingError, "does not add up")
    refused(app, lambda: app.defense.record_public_action(
        PublicActionKind.DEMONSTRATION, name="March", on=date(2023, 5, 26), source="x",
        tally=Tally(eligible=1, cast=1, yes=1, no=0), actor=ORG), InvalidInput, "no ballots")
    aid = app.defense.record_public_action(
        PublicActionKind.REFERENDUM, name="OHC referendum", on=date(2023, 5, 26),
        source="Ontario Health Coalition", threats=[tid], actor=ORG,
        tally=Tally(eligible=386_068, cast=386_068, yes=7_001, no=378_726, spoiled=341),
        counted_on=date(2023, 5, 30))
    action = app.defense.public_action(aid)
    assert action.result() == ("No: 378,726 of 385,727 valid ballots (98.2%); 341 spoiled, "
                               "386,068 cast")
    assert [a.id for a in app.defense.public_actions(threat=tid)] == [aid]


def test_a_message_names_impacts_and_never_a_persons_contacts(app: BargainingApp) -> None:
    tid = threat(app)
    beds = [Impact(ImpactMeasure.BEDS, 40, "Welland")]
    for text in ("call Jane at 905-555-0134 today", "write to jane.doe@example.org"):
        refused(app, lambda text=text: app.defense.record_message(  # type: ignore[misc]
            tid, headline="Keep surgeries public", audience="public", channel="leaflet",
            impacts=beds, on=date(2023, 4, 1), text=text, actor=ORG),
            InvalidInput, "never a person")
    refused(app, lambda: app.defense.record_message(
        tid, headline="Keep surgeries public", audience="public", channel="leaflet",
        impacts=[], on=date(2023, 4, 1), actor=ORG), InvalidInput, "community impact")
    with pytest.raises(BargainingError, match="cannot be negative"):
        Impact(ImpactMeasure.WAIT_DAYS, -3, "Welland")
    mid = app.defense.record_message(
        tid, headline="Keep surgeries public", audience="public", channel="leaflet",
        impacts=beds, on=date(2023, 4, 1), actor=ORG)
    (message,) = app.defense.messages(threat=tid)
    assert message.id == mid and message.impacts[0].describe() == "40 beds in Welland"


def test_the_connected_fight_links_threats_by_what_drives_them(app: BargainingApp) -> None:
    ministry = "Ministry of Municipal Affairs"
    for name, sector in [("Transit contracted out", "municipal"),
                         ("Home care contracted out", "long-term care"),
                         ("Custodians contracted out", "education"),
                         ("Shelters contracted out", "social services")]:
        app.defense.register_threat(ThreatKind.CONTRACTING_OUT, name=name, on=date(2025, 1, 6),
                                    source="illustrative", sectors=[sector], actor=ORG,
                                    behind=[ministry.upper()])
    app.defense.register_threat(ThreatKind.CUTS, name="Library hours", on=date(2025, 2, 1),
                                source="illustrative", sectors=["municipal"],
                                behind=["City council"], actor=ORG)
    before = datetime.now(UTC)
    fronts = app.defense.connected()
    assert fronts[0].sectors == ("municipal", "long-term care", "education", "social services")
    assert len(fronts[0].threats) == 4 and len(fronts) == 2
    app.defense.register_threat(ThreatKind.CUTS, name="Later", on=date(2025, 3, 1),
                                source="illustrative", sectors=["health"],
                                behind=[ministry], actor=ORG)
    assert len(app.defense.connected()[0].threats) == 5
    assert len(app.defense.connected(at=before)[0].threats) == 4


def test_a_follower_refusing_after_a_save_does_not_undo_the_command(
        app: BargainingApp, caplog: pytest.LogCaptureFixture) -> None:
    """A follower (the rapid response) runs after the change is recorded: a refusal it meets
    is logged by its kind, never its words, and the command still returns as done."""
    def refusing(recordings: object) -> int:
        raise RuleViolation("Marie on nights is wavering")  # words that must not be logged

    app.eventsourcing.followers["the rapid response"] = refusing
    hospitals(app)
    tid = threat(app)  # recorded and returned, whatever the follower met
    assert app.defense.threat(tid).name == "Bill 60"
    assert "RuleViolation" in caplog.text and "Marie" not in caplog.text
