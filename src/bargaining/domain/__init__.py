"""The pure domain: aggregates, value objects and rules. Imports no infrastructure."""
