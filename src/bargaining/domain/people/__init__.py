"""People: erasure of a person's data (the words are in ``README.md``)."""
