Feature: Ids that reveal nothing on an encrypted store
  A record's id is kept in clear beside its encrypted events. When a unit's id was computed from
  its public names, anyone with a copy of an encrypted database could tell whose records it
  held: from the public F-7 names, 5,380 of 6,000 units were identified in one such copy. On an
  encrypted store a unit's id is now derived with the store's key, so only the key's holder can
  find a unit by its names; a unit recorded before keeps its id and still answers to its names.

  Background:
    Given I am "org-1", acting as "data steward", on an encrypted store

  Scenario: On an encrypted store, a unit's id cannot be computed from its public names
    When I register the unit CUPE 79, City of Toronto (Inside workers)
    Then its id is not the one anyone can compute from its names
    And a store with another key gives the same names another id
    And looking for cupe 79, CITY OF TORONTO (inside   workers) finds it
    When I register the unit CUPE 79, City of Toronto (Inside workers) again
    Then it is refused as already registered
    And nothing new is recorded

  Scenario: A unit recorded before keyed ids is still found by its names
    Given the unit CUPE 4400, Toronto DSB (Education workers) was recorded before keyed ids
    When I look for CUPE 4400, Toronto DSB (Education workers)
    Then I find the unit recorded before
    When I register the unit CUPE 4400, Toronto DSB (Education workers) again
    Then it is refused as already registered
    And nothing new is recorded
    When I import a row for CUPE 4400, Toronto DSB (Education workers) expiring 2026-08-31
    Then the import registers no unit and records the agreement on the unit recorded before

  Scenario: The public F-7 names identify none of the units imported into an encrypted store
    When I import the first 1,000 notices of the F-7 sample of fiscal 2004
    Then the import registers 868 units
    And none of the ids computed from the notices' public names is in the store
