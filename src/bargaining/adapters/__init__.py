"""Adapters at the edge: importing and exporting records."""
