"""The organizer network: area teams, workplace maps, organic leaders proven by tests.

An :class:`~bargaining.domain.organizing.team.AreaTeam` is a team by region or sector: its
organizers and volunteers (opaque person ids, with the days they joined and left) and the
locals and workplaces it supports, from a day to a day. A
:class:`~bargaining.domain.organizing.workplace.Workplace` is mapped work group by work group
(a shift, a department, a floor): the workers, how many are mapped, the contacts made, support
assessed on the 1-5 scale (as counts) and the leaders identified
(:mod:`~bargaining.domain.organizing.mapping`). A worker recorded as a possible leader of a
work group is proven when a structure test of that group passes with them leading it, and is
active while they lead or take part within a window the host sets
(:mod:`~bargaining.domain.organizing.leaders`). Named people are optional and always
:class:`~bargaining.domain.shared.personal.PersonalData`.
"""
