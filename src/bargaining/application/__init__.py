"""The use cases, a module per context: each loads records, asks the domain, and saves.

They reach the store only through the small interfaces of :mod:`bargaining.application.ports`;
:mod:`bargaining.app` hands them the store that provides those.
"""
