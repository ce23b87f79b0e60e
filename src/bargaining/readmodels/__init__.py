"""Read models: query tables built from the event log."""
