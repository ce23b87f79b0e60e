Feature: The Expiry Map: who bargains when
  Every local should know when the others bargain, so that units can move together. The Expiry
  Map shows every unit's current expiry, grouped by sector, region, union, employer and time
  window. An expired agreement carries over until a new one is recorded. The map is kept in the
  same database as the record, resumes where it stopped when the host restarts, and can be rebuilt
  from the full history with the same answers.

  Background:
    Given I am "org-1", acting as "data steward"
    And the record is kept in a database file on this computer
    And these units are registered with their current agreements:
      | union  | local | employer                      | unit name         | sector         | region | workers | effective  | expiry     |
      | CUPE   | 79    | City of Toronto               | inside workers    | municipal      | ON     | 20000   | 2022-01-01 | 2025-12-31 |
      | CUPE   | 416   | City of Toronto               | outside workers   | municipal      | ON     | 5000    | 2022-01-16 | 2026-01-15 |
      | CUPE   | 503   | City of Ottawa                | inside workers    | municipal      | ON     | 6000    | 2022-03-01 | 2026-02-28 |
      | OPSEU  | 101   | Sunnyside Home                | care staff        | long-term care | ON     | 400     |            | 2026-03-31 |
      | SEIU   | 1     | Extendicare                   | nursing staff     | long-term care | ON     | 1200    | 2023-04-16 | 2026-04-15 |
      | CSN    | 2     | CHSLD Laval                   | care staff        | long-term care | QC     | 900     | 2023-03-21 | 2026-03-20 |
      | CUPE   | 4400  | Toronto District School Board | education workers | education      | ON     | 12000   | 2022-09-01 | 2026-08-31 |
      | CSN    | 3     | CHSLD Québec                  | care staff        | long-term care | QC     | 2000    | 2023-10-01 | 2026-09-30 |
      | CSN    | 4     | CHSLD Gatineau                | care staff        | long-term care | QC     | 800     | 2023-10-16 | 2026-10-15 |
      | SEIU   | 2     | Revera                        | support staff     | long-term care | ON     | 300     | 2021-04-01 | 2024-03-31 |
      | UNIFOR | 302   | Chartwell                     | care staff        | long-term care | ON     | 150     |            |            |

  Scenario: Units expiring in a date range, soonest first
    When I ask which units expire from 2026-01-01 to 2026-03-31
    Then the units are:
      | unit                                        | expiry     | workers |
      | CUPE 416, City of Toronto (outside workers) | 2026-01-15 | 5000    |
      | CUPE 503, City of Ottawa (inside workers)   | 2026-02-28 | 6000    |
      | CSN 2, CHSLD Laval (care staff)             | 2026-03-20 | 900     |
      | OPSEU 101, Sunnyside Home (care staff)      | 2026-03-31 | 400     |

  Scenario Outline: Units expiring in a date range, for one sector, region, union or employer
    When I ask which units expire from <from> to <to> <filter>
    Then the units are just: <units>

    Examples:
      | from       | to         | filter                                            | units                                                                                |
      | 2026-01-01 | 2026-03-31 | in sector "long-term care"                        | CSN 2, CHSLD Laval (care staff); OPSEU 101, Sunnyside Home (care staff)              |
      | 2026-01-01 | 2026-03-31 | in region "ON"                                    | CUPE 416, City of Toronto (outside workers); CUPE 503, City of Ottawa (inside workers); OPSEU 101, Sunnyside Home (care staff) |
      | 2026-01-01 | 2026-12-31 | of union "csn"                                    | CSN 2, CHSLD Laval (care staff); CSN 3, CHSLD Québec (care staff); CSN 4, CHSLD Gatineau (care staff) |
      | 2025-01-01 | 2026-12-31 | with employer "city of  TORONTO"                  | CUPE 79, City of Toronto (inside workers); CUPE 416, City of Toronto (outside workers) |
      | 2026-01-01 | 2026-06-30 | in sector "Long-Term Care" and region "on"        | OPSEU 101, Sunnyside Home (care staff); SEIU 1, Extendicare (nursing staff)          |
      | 2026-01-01 | 2026-12-31 | in sector "education" and region "QC"             | nobody                                                                               |

  Scenario: Month by month, how many units and workers come up for bargaining
    When I ask for the month-by-month table from 2025-12-01 to 2026-04-30
    Then the table reads:
      | month   | units | workers |
      | 2025-12 | 1     | 20000   |
      | 2026-01 | 1     | 5000    |
      | 2026-02 | 1     | 6000    |
      | 2026-03 | 2     | 1300    |
      | 2026-04 | 1     | 1200    |

  Scenario: Month by month for one sector, months with nobody included
    When I ask for the month-by-month table from 2026-03-01 to 2026-10-31 in sector "long-term care"
    Then the table reads:
      | month   | units | workers |
      | 2026-03 | 2     | 1300    |
      | 2026-04 | 1     | 1200    |
      | 2026-05 | 0     | 0       |
      | 2026-06 | 0     | 0       |
      | 2026-07 | 0     | 0       |
      | 2026-08 | 0     | 0       |
      | 2026-09 | 1     | 2000    |
      | 2026-10 | 1     | 800     |

  Scenario Outline: Who bargains alongside a unit
    When I ask who expires within <days> days of "<unit>"
    Then the units are just: <alongside>

    Examples:
      | unit                                     | days | alongside                                                                               |
      | CUPE 79, City of Toronto (inside workers) | 30   | CUPE 416, City of Toronto (outside workers)                                            |
      | CUPE 79, City of Toronto (inside workers) | 60   | CUPE 416, City of Toronto (outside workers); CUPE 503, City of Ottawa (inside workers) |
      | OPSEU 101, Sunnyside Home (care staff)    | 30   | CSN 2, CHSLD Laval (care staff); SEIU 1, Extendicare (nursing staff)                   |
      | SEIU 2, Revera (support staff)            | 365  | nobody                                                                                  |

  Scenario: A unit with no agreement on record has no expiry to compare
    When I ask who expires within 30 days of "UNIFOR 302, Chartwell (care staff)"
    Then it is refused as invalid
    And the refusal says "UNIFOR 302, Chartwell (care staff) has no agreement recorded, so no expiry to compare"

  Scenario Outline: Units working under a carried-over agreement on a given day
    When I ask which units work under a carried-over agreement on <day>
    Then the units are just: <units>

    Examples:
      | day        | units                                                                      |
      | 2024-03-31 | nobody                                                                     |
      | 2024-04-01 | SEIU 2, Revera (support staff)                                             |
      | 2025-12-31 | SEIU 2, Revera (support staff)                                             |
      | 2026-01-01 | SEIU 2, Revera (support staff); CUPE 79, City of Toronto (inside workers) |

  Scenario: A new agreement ends the carry-over
    When "SEIU 2, Revera (support staff)" records an agreement effective 2024-04-01 expiring 2027-03-31
    And I ask which units work under a carried-over agreement on 2026-01-01
    Then the units are just: CUPE 79, City of Toronto (inside workers)

  Scenario: Cluster candidates in one sector, ranked by workers
    When I look for cluster candidates in sector "long-term care" expiring from 2026-01-01 to 2026-12-31 within 30 days of each other
    Then the candidates are, largest first:
      | sector         | region | first expiry | last expiry | workers | units                                                                                                   |
      | long-term care |        | 2026-09-30   | 2026-10-15  | 2800    | CSN 3, CHSLD Québec (care staff); CSN 4, CHSLD Gatineau (care staff)                                   |
      | long-term care |        | 2026-03-20   | 2026-04-15  | 2500    | CSN 2, CHSLD Laval (care staff); OPSEU 101, Sunnyside Home (care staff); SEIU 1, Extendicare (nursing staff) |

  Scenario: A unit is put in only one cluster candidate, the largest it can join
    When I look for cluster candidates in sector "long-term care" expiring from 2026-01-01 to 2026-12-31 within 15 days of each other
    Then the candidates are, largest first:
      | sector         | region | first expiry | last expiry | workers | units                                                                   |
      | long-term care |        | 2026-09-30   | 2026-10-15  | 2800    | CSN 3, CHSLD Québec (care staff); CSN 4, CHSLD Gatineau (care staff)   |
      | long-term care |        | 2026-03-31   | 2026-04-15  | 1600    | OPSEU 101, Sunnyside Home (care staff); SEIU 1, Extendicare (nursing staff) |

  Scenario: Cluster candidates in one sector and one region
    When I look for cluster candidates in sector "long-term care" and region "ON" expiring from 2026-01-01 to 2026-12-31 within 30 days of each other
    Then the candidates are, largest first:
      | sector         | region | first expiry | last expiry | workers | units                                                                       |
      | long-term care |        | 2026-03-31   | 2026-04-15  | 1600    | OPSEU 101, Sunnyside Home (care staff); SEIU 1, Extendicare (nursing staff) |

  Scenario: Cluster candidates kept apart by region
    When I look for cluster candidates region by region in sector "long-term care" expiring from 2026-01-01 to 2026-12-31 within 30 days of each other
    Then the candidates are, largest first:
      | sector         | region | first expiry | last expiry | workers | units                                                                       |
      | long-term care | QC     | 2026-09-30   | 2026-10-15  | 2800    | CSN 3, CHSLD Québec (care staff); CSN 4, CHSLD Gatineau (care staff)       |
      | long-term care | ON     | 2026-03-31   | 2026-04-15  | 1600    | OPSEU 101, Sunnyside Home (care staff); SEIU 1, Extendicare (nursing staff) |

  Scenario: Cluster candidates across every sector, ranked by workers
    When I look for cluster candidates expiring from 2025-12-01 to 2026-12-31 within 60 days of each other
    Then the candidates are, largest first:
      | sector         | region | first expiry | last expiry | workers | units                                                                                                        |
      | municipal      |        | 2025-12-31   | 2026-02-28  | 31000   | CUPE 79, City of Toronto (inside workers); CUPE 416, City of Toronto (outside workers); CUPE 503, City of Ottawa (inside workers) |
      | long-term care |        | 2026-09-30   | 2026-10-15  | 2800    | CSN 3, CHSLD Québec (care staff); CSN 4, CHSLD Gatineau (care staff)                                        |
      | long-term care |        | 2026-03-20   | 2026-04-15  | 2500    | CSN 2, CHSLD Laval (care staff); OPSEU 101, Sunnyside Home (care staff); SEIU 1, Extendicare (nursing staff) |

  Scenario: Units in an open period, by the calendar of their jurisdiction
    Given this open-period calendar:
      | jurisdiction    | period                     | opens (days before expiry) | closes (days before expiry) |
      | ON              | notice to bargain          | 90                         | 0                           |
      | everywhere else | notice to bargain (60/30)  | 60                         | 30                          |
    When I ask which units are in an open period on 2026-02-01
    Then the units in an open period are:
      | unit                                      | period                    | opens      | closes     |
      | CSN 2, CHSLD Laval (care staff)           | notice to bargain (60/30) | 2026-01-19 | 2026-02-18 |
      | CUPE 503, City of Ottawa (inside workers) | notice to bargain         | 2025-11-30 | 2026-02-28 |
      | OPSEU 101, Sunnyside Home (care staff)    | notice to bargain         | 2025-12-31 | 2026-03-31 |
      | SEIU 1, Extendicare (nursing staff)       | notice to bargain         | 2026-01-15 | 2026-04-15 |

  Scenario: A jurisdiction the calendar does not list has no open period
    Given this open-period calendar:
      | jurisdiction | period            | opens (days before expiry) | closes (days before expiry) |
      | ON           | notice to bargain | 90                         | 0                           |
    When I ask which units are in an open period on 2026-02-01 in sector "long-term care"
    Then the units in an open period are:
      | unit                                   | period            | opens      | closes     |
      | OPSEU 101, Sunnyside Home (care staff) | notice to bargain | 2025-12-31 | 2026-03-31 |
      | SEIU 1, Extendicare (nursing staff)    | notice to bargain | 2026-01-15 | 2026-04-15 |

  Scenario: The map picks up where it stopped when the host restarts
    Given I have asked the Expiry Map my usual questions
    When the host application restarts
    Then the map resumes where it stopped, with nothing to read again
    And the map gives the same answers as before

  Scenario: A second host opened on the same database file sees the same map
    Given I have asked the Expiry Map my usual questions
    When a second host opens the same database file
    Then the second host's map stands at the same place in the history
    And the second host's map gives the same answers

  Scenario: A restarted host sees what another host recorded while it was down
    When the host application stops
    And another host records an agreement effective 2024-04-01 expiring 2027-03-31 for "SEIU 2, Revera (support staff)"
    And the host application starts again
    And I ask which units work under a carried-over agreement on 2026-01-01
    Then the units are just: CUPE 79, City of Toronto (inside workers)
    And the map has read the whole history

  Scenario: Rebuilding the map from the full history gives the same answers
    Given "OPSEU 101, Sunnyside Home (care staff)" has changed its workers to "450"
    And "CUPE 79, City of Toronto (inside workers)" has corrected its agreement expiring 2025-12-31 to run from 2022-01-01 to 2026-01-31
    And I have asked the Expiry Map my usual questions
    When the map is rebuilt from the full history
    Then the rebuild read all 23 entries of the history
    And the map has read the whole history
    And the map gives the same answers as before
