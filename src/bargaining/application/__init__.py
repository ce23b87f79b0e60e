"""The application layer: commands, queries and persistence wiring."""
