"""Member democracy in the open: bodies and their elected roles, accountability, meetings,
motions, documents and the decisions members read.

- A :class:`~bargaining.domain.democracy.body.GoverningBody` (an executive board, a bargaining
  team, a congress ...) has roles, each with its number of seats, and holders with their terms
  (:mod:`~bargaining.domain.democracy.roles`); each role's reporting expectations, work plans
  and reports, and the reports overdue on any day (derived, never stored)
  (:mod:`~bargaining.domain.democracy.accountability`).
- A :class:`~bargaining.domain.democracy.meeting.Meeting` of a body: one record per meeting,
  with its notice, attendance and whether it sat in camera; motions moved, seconded, amended
  and decided by votes of the body. Short notice or a missing quorum are facts: recorded and
  flagged, and the meeting's decisions carry the flags.
- A :class:`~bargaining.domain.democracy.document.Document` (a platform, a strategy paper, a
  budget) in versions, with amendments and feedback, adopted by a carried motion.
- :mod:`~bargaining.domain.democracy.decisions`: the decisions of a body in a period, and how
  many were taken in camera.

People are personal data: they are named only by the opaque ids the host gives (like an
:class:`~bargaining.domain.shared.actor.Actor`'s id), never by name.
"""
