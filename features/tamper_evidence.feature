Feature: Tamper evidence: proof that nobody rewrote the record
  Every event the library stores is chained to the one before it by a hash, in the same
  transaction. Members can be handed a receipt (a position and a hash, one printed line); anyone
  can later check the record against it. Whoever edits the database behind the library's back
  is caught, and the check says where and how.

  Background:
    Given the campaign's record is kept in a SQLite file
    And four units were registered, each with an agreement

  Scenario: An untouched record verifies clean
    When the record is verified
    Then it is intact up to position 8

  Scenario: A receipt is one printed line that verifies the record
    When the coordinating committee takes a receipt
    Then the receipt fits on one line and names position 8
    And the record verifies against the receipt

  Scenario: Changing one byte of one stored event is caught
    Given someone changes one byte of the event at position 5 in the database
    When the record is verified
    Then it is broken at position 5 because an event was "changed"
    And it is intact up to position 4

  Scenario: Deleting an event is caught
    Given someone deletes the event at position 3 from the database
    When the record is verified
    Then it is broken at position 3 because an event was "missing"

  Scenario: Swapping two events is caught
    Given someone swaps the events at positions 2 and 6 in the database
    When the record is verified
    Then it is broken at position 2 because an event was "reordered"

  Scenario: Cutting off the latest events is caught by an earlier receipt
    Given the coordinating committee took a receipt
    And someone deletes every event after position 5, with their chain records
    When the record is verified against the receipt
    Then it is broken because the record was "truncated"
    And it is intact up to position 5

  Scenario: A forger who rewrites the whole chain is caught by an earlier receipt
    Given the coordinating committee took a receipt
    And someone changes one byte of the event at position 2 in the database
    And recomputes the whole chain to hide it
    When the record is verified
    Then it is intact up to position 8
    When the record is verified against the receipt
    Then it is broken because the record was "rewritten"
