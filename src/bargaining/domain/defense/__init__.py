"""Defending public services: threats, campaign templates, rapid responses, public actions
and messages. Imports no infrastructure."""
