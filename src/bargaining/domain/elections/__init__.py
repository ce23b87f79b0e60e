"""Union elections, counted in the open, and the caucuses that run slates in them.

An :class:`~bargaining.domain.elections.election.Election` is one office's election under its
rules (the majority needed, a runoff when no one passes it, the body voting): candidates and
their slates, returns per ballot box or region as they come in, challenged ballots and how
they were resolved, the result declared when the lead exceeds what the challenged ballots left
could change, and a runoff when the rules call for one. The arithmetic of a count is pure, in
:mod:`~bargaining.domain.elections.count`. A :class:`~bargaining.domain.elections.caucus.Caucus`
is a cross-union caucus: the locals that join it (members as counts), the positions it adopts,
the slates it runs and the campaigns it supports.

Candidates and members are people, so they are personal data: events name a candidate by an
opaque id the host gives (and the slate), never by name.
"""
