"""Organizing drives to certification: a workplace with no union yet, cards signed, an
application filed, a certification vote or a card check, and the drive certified (the
workplace becomes a bargaining unit) or dismissed. The words are in this package's README.
"""
