"""People: erasure of a person's data, redaction of free text (the words are in ``README.md``)."""
