"""The campaigns' participation history: every held action's test and counts and every strike
spell, kept from the event log in tables of their own, so that a campaign keeps only what its
rules need. ``log`` holds the ``ParticipationLog`` the application follows and reads,
``ports`` what it asks of the stores beneath it (implemented in ``bargaining.infrastructure``).
"""

from bargaining.readmodels.participation.log import ParticipationLog

__all__ = ["ParticipationLog"]
