"""What a host calls at the edge: CSV import and audit export."""
