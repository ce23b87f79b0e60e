"""The pure domain, a package per context (see README.md for each context's words).

``shared`` holds what every context speaks (actors, dates, votes, the domain's errors);
``units`` the bargaining units, their agreements and open periods; ``frameworks`` demand
frameworks and the evaluation of terms; ``coordination`` clusters, pacts and bargaining
rounds; ``campaigns`` escalation ladders, participation and readiness. Nothing here imports
infrastructure: aggregates subclass ``eventsourcing.domain.Aggregate`` as that library
intends, and nothing else of it is used.
"""
