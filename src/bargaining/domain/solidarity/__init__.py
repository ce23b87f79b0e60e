"""Solidarity and non-raiding pacts between unions, and with other movements.

A :class:`~bargaining.domain.solidarity.pact.SolidarityPact` is a pledge with what each
signatory commits to. Under a non-raiding pact, a raid (a certification application or a
membership drive by one signatory for a unit another represents) is a **fact**: always
recorded, and flagged as a breach of the pact for every signatory to see; whether it fell in
the jurisdiction's raiding period, set per region by a
:class:`~bargaining.domain.solidarity.raiding.RaidingCalendar`, is said in the flag. Solidarity
actions (a local joining another's picket line, a strike fund transfer in exact money) are
recorded with their counts.
"""
