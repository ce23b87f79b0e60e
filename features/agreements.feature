Feature: Recording collective agreements
  A unit's agreements say when it bargains. An agreement expires after it takes effect, and the
  agreements of one unit never overlap. History is never edited: every change to a unit is its
  own entry, saying who made it and why, and a correction is a new entry that leaves the original
  agreement in the history.

  Background:
    Given I am "org-1", acting as "data steward"
    And this unit is registered:
      | union | local | employer        | unit name      | sector    | region | city    | workers | industry code |
      | CUPE  | 79    | City of Toronto | inside workers | municipal | ON     | Toronto | 20000   | 9111          |

  Scenario: Recording an agreement
    When I record an agreement effective 2022-01-01 expiring 2025-12-31
    Then the unit's current agreement runs from 2022-01-01 to 2025-12-31
    And the unit's history reads: registered, agreement recorded
    And every entry of the unit's history was made by "org-1" acting as "data steward"
    And the Expiry Map shows the unit expiring 2025-12-31, effective 2022-01-01

  Scenario Outline: An agreement must expire after it takes effect
    When I record an agreement effective <effective> expiring <expiry>
    Then it is refused as breaking a rule
    And the refusal says "an agreement must expire after it takes effect: effective <effective>, expiry <expiry>"
    And nothing new is recorded
    And the unit has no agreement on record

    Examples:
      | effective  | expiry     |
      | 2026-01-01 | 2025-12-31 |
      | 2025-12-31 | 2025-12-31 |

  Scenario Outline: The agreements of one unit never overlap
    Given the unit has an agreement effective 2022-01-01 expiring 2025-12-31
    When I record an agreement <dates>
    Then it is refused as breaking a rule
    And the refusal says "CUPE 79, City of Toronto (inside workers): the <new> overlaps the agreement 2022-01-01 to 2025-12-31 already recorded"
    And nothing new is recorded
    And the unit's history reads: registered, agreement recorded
    And the unit's current agreement runs from 2022-01-01 to 2025-12-31

    Examples: the new agreement starts before the old one ends, sits inside it, or surrounds it
      | dates                                               | new                                            |
      | effective 2025-06-01 expiring 2028-12-31            | agreement 2025-06-01 to 2028-12-31             |
      | effective 2025-12-31 expiring 2028-12-31            | agreement 2025-12-31 to 2028-12-31             |
      | effective 2019-01-01 expiring 2022-01-01            | agreement 2019-01-01 to 2022-01-01             |
      | effective 2023-01-01 expiring 2024-12-31            | agreement 2023-01-01 to 2024-12-31             |
      | effective 2021-01-01 expiring 2026-12-31            | agreement 2021-01-01 to 2026-12-31             |
      | with an unknown effective date expiring 2024-06-30  | agreement unknown effective date to 2024-06-30 |

  Scenario: The next agreement may start the day after the last one expires
    Given the unit has an agreement effective 2022-01-01 expiring 2025-12-31
    When I record an agreement effective 2026-01-01 expiring 2029-12-31
    Then the unit's agreements are:
      | effective  | expiry     |
      | 2022-01-01 | 2025-12-31 |
      | 2026-01-01 | 2029-12-31 |
    And the unit's current agreement runs from 2026-01-01 to 2029-12-31
    And the unit's history reads: registered, agreement recorded, agreement recorded
    And the Expiry Map shows the unit expiring 2029-12-31, effective 2026-01-01

  Scenario: An agreement whose effective date is not known
    When I record an agreement with an unknown effective date expiring 2025-03-31
    Then the unit's current agreement has an unknown effective date and expires 2025-03-31
    And the unit's history reads: registered, agreement recorded
    And the Expiry Map shows the unit expiring 2025-03-31, effective date unknown

  Scenario: Agreements whose effective dates are not known overlap only on a shared expiry
    Given the unit has an agreement with an unknown effective date expiring 2025-03-31
    When I record an agreement with an unknown effective date expiring 2028-03-31
    Then the unit's agreements are:
      | effective | expiry     |
      |           | 2025-03-31 |
      |           | 2028-03-31 |
    When I record an agreement with an unknown effective date expiring 2028-03-31
    Then it is refused as breaking a rule
    And nothing new is recorded
    And the unit's history reads: registered, agreement recorded, agreement recorded

  Scenario Outline: Each change to a unit's profile is recorded as its own entry
    When I change the unit's <fact> to "<value>" because "<why>"
    Then the unit "CUPE 79, City of Toronto (inside workers)" is on record with:
      | <fact> | <value> |
    And the unit's history reads: registered, <entry>
    And the last entry of the unit's history was made by "org-1" acting as "data steward" because "<why>"
    And the Expiry Map shows the unit's <fact> as "<value>"

    Examples:
      | fact          | value           | entry                 | why                            |
      | workers       | 21500           | headcount changed     | new hires after the staffing win |
      | sector        | social services | sector changed        | the unit moved to shelters     |
      | region        | QC              | region changed        | federal certification moved    |
      | city          | Mississauga     | city changed          | the depot moved                |
      | industry code | 9120            | industry code changed | the census code was updated    |

  Scenario: Several changes make several entries, and earlier states stay readable
    When I change the unit's workers to "21500" because "new hires"
    And I change the unit's sector to "social services" because "moved to shelters"
    And I change the unit's city to "Mississauga" because "the depot moved"
    Then the unit's history reads: registered, headcount changed, sector changed, city changed
    And as recorded at entry 2 of its history, the unit had:
      | workers | 21500     |
      | sector  | municipal |
      | city    | Toronto   |
    And as recorded at entry 1 of its history, the unit had:
      | workers | 20000 |

  Scenario: Setting a fact to the value it already has records nothing
    When I change the unit's sector to "municipal" because "checking"
    Then nothing new is recorded
    And the unit's history reads: registered

  Scenario: A correction is a new entry and the original agreement stays in history
    Given the unit has an agreement effective 2022-01-01 expiring 2025-12-31
    When I correct the agreement expiring 2025-12-31 to run from 2022-01-01 to 2026-03-31 because "the signed copy says March 31"
    Then the unit's current agreement runs from 2022-01-01 to 2026-03-31
    And the unit's history reads: registered, agreement recorded, agreement corrected
    And the last entry of the unit's history was made by "org-1" acting as "data steward" because "the signed copy says March 31"
    And as recorded at entry 2 of its history, the unit's agreements were:
      | effective  | expiry     |
      | 2022-01-01 | 2025-12-31 |
    And the Expiry Map shows the unit expiring 2026-03-31, effective 2022-01-01

  Scenario: A correction may not make agreements overlap
    Given the unit has an agreement effective 2019-01-01 expiring 2021-12-31
    And the unit has an agreement effective 2022-01-01 expiring 2025-12-31
    When I correct the agreement expiring 2021-12-31 to run from 2019-01-01 to 2022-06-30 because "typo"
    Then it is refused as breaking a rule
    And the refusal says "CUPE 79, City of Toronto (inside workers): the corrected agreement 2019-01-01 to 2022-06-30 overlaps the agreement 2022-01-01 to 2025-12-31 already recorded"
    And nothing new is recorded
    And the unit's history reads: registered, agreement recorded, agreement recorded

  Scenario: Only an agreement on record can be corrected
    Given the unit has an agreement effective 2022-01-01 expiring 2025-12-31
    When I correct the agreement expiring 2025-06-30 to run from 2022-01-01 to 2025-12-31 because "typo"
    Then it is refused as breaking a rule
    And the refusal says "CUPE 79, City of Toronto (inside workers) has no agreement expiring 2025-06-30 to correct"
    And nothing new is recorded
