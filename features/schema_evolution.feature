Feature: Events recorded by an earlier release still read the same
  An event's form can grow after release (a headcount change now says the day it was counted),
  but what was recorded before is never rewritten: old events are read as the new form, with
  the new fact left unknown.

  Scenario: A headcount change recorded before count dates existed still reads
    Given a unit whose headcount change was stored by the release before count dates existed
    When I read the unit's history
    Then the headcount change says 20,500 workers, with no count date
    And the unit covers 20500 workers
    And the record verifies intact
