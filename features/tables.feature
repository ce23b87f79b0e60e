Feature: Bargaining tables across units, and ratification returns
  A coalition bargains some matters once for everyone and others sector by sector. A central
  table (the UAW calls it a master table) covers many units and bargains the matters they share;
  a sectoral table bargains workload and working conditions for the units of one sector. Offers,
  tentative agreements, sign-offs and votes are recorded once per table, not once per unit. What
  the table that bargains the term settles becomes every covered unit's collective agreement at
  once. A unit is settled only when every table it sits at has ratified.

  Members ratify unit by unit, local by local, assembly by assembly, over weeks. Each return is
  recorded on the day it was held, and the returns combine by the table's rule: all ballots
  together, a majority of units, or both. The units that voted no stay visible whatever the
  rule decides.

  The Front commun's agreement in principle of December 28, 2023 (raises of 6%, 2.8%, 2.5%, 2.5%
  and 2.5% to March 31, 2028) and GM's ratification totals of 2023 (19,683 yes, 16,274 no, seven
  of eleven US assembly plants against) are public. The units chosen, the assemblies' tallies
  and the per-plant splits are illustrative: the plant figures are made up so that they add up
  to the public totals.

  Background:
    Given the Front commun cluster of 2023 with a wage floor of 16.4% over the term and a workload protection
    And these units of the Front commun, each with an agreement from 2020-04-01 to 2023-03-31:
      | unit          | union | sector    |
      | CSN health    | CSN   | health    |
      | APTS health   | APTS  | health    |
      | CSQ education | CSQ   | education |
      | FTQ education | FTQ   | education |
    And a central table for every unit opened on 2022-10-28, bargaining wages, pensions, benefits and the term
    And a sectoral table for "health" opened on 2022-10-28 for "CSN health" and "APTS health", bargaining workload
    And a sectoral table for "education" opened on 2022-10-28 for "CSQ education" and "FTQ education", bargaining workload

  Scenario: The agreement in principle is recorded once at the central table and becomes every unit's agreement
    When the agreement in principle is reached at the central table on 2023-12-28: raises of 6%, 2.8%, 2.5%, 2.5% and 2.5% from 2023-04-01 to 2028-03-31
    Then the central table's tentative agreement is judged on wages only: "meets floor"
    And "CSN health" sits at the central table and the sectoral table "health"
    When the assemblies return their votes on the central table's agreement:
      | unit          | held on    | yes    | no    |
      | CSQ education | 2024-01-16 | 41,200 | 6,300 |
      | CSN health    | 2024-01-25 | 52,400 | 9,100 |
      | APTS health   | 2024-02-08 | 38,900 | 7,700 |
      | FTQ education | 2024-02-20 | 29,800 | 4,500 |
    Then the returns read "162,300 yes, 27,600 no of 189,900 cast from 4 of 4 units"
    And the returns read "4 of 4 units carried; by all ballots together: carried"
    When the count closes on 2024-02-21
    Then the central table is "ratified"
    And the Expiry Map shows every unit of the Front commun expiring on 2028-03-31
    And "CSN health" is not settled: its sectoral table is "open"
    When the health sectoral table reaches a tentative agreement on workload on 2023-12-22
    And members of the health sectoral table ratify it on 2024-02-15
    Then "CSN health" and "APTS health" are settled
    And "CSQ education" and "FTQ education" are not settled
    And the Front commun is not settled

  Scenario: Returns come in over weeks, and the result so far shows who has returned
    When the agreement in principle is reached at the central table on 2023-12-28: raises of 6%, 2.8%, 2.5%, 2.5% and 2.5% from 2023-04-01 to 2028-03-31
    And the assemblies return their votes on the central table's agreement:
      | unit          | held on    | yes    | no    |
      | CSQ education | 2024-01-16 | 41,200 | 6,300 |
      | CSN health    | 2024-01-25 | 52,400 | 9,100 |
    Then the returns as they stood on 2024-01-20 read "41,200 yes, 6,300 no of 47,500 cast from 1 of 4 units"
    And the returns read "from 2 of 4 units"
    And the central table is "at tentative agreement"

  Scenario: A sectoral table does not set the agreement's dates, and a unit that does not sit at a table cannot return a vote on it
    When the education sectoral table reaches a tentative agreement from 2023-04-01 to 2028-03-31
    Then it is refused because "this table does not bargain the term"
    When the agreement in principle is reached at the central table on 2023-12-28: raises of 6%, 2.8%, 2.5%, 2.5% and 2.5% from 2023-04-01 to 2028-03-31
    And the education sectoral table reaches a tentative agreement on workload on 2023-12-22
    And "CSN health" returns a vote on the education sectoral table's agreement
    Then it is refused because "does not sit at this table"

  Scenario: GM's plants ratify by all ballots together while seven of eleven assembly plants vote no
    Given a master table at GM over these plants, its returns combined by "all ballots together":
      | plant                   |
      | Assembly plant A        |
      | Assembly plant B        |
      | Assembly plant C        |
      | Assembly plant D        |
      | Assembly plant E        |
      | Assembly plant F        |
      | Assembly plant G        |
      | Assembly plant H        |
      | Assembly plant I        |
      | Assembly plant J        |
      | Assembly plant K        |
      | Components              |
      | Parts distribution      |
      | Other GM units          |
    And a tentative agreement at the master table from 2023-11-01 to 2028-04-30
    When the plants return their votes (illustrative splits):
      | plant              | held on    | yes   | no    |
      | Assembly plant A   | 2023-11-06 | 1,800 | 2,400 |
      | Assembly plant B   | 2023-11-07 | 1,500 | 2,000 |
      | Assembly plant C   | 2023-11-08 | 1,300 | 1,700 |
      | Assembly plant D   | 2023-11-09 | 1,100 | 1,500 |
      | Assembly plant E   | 2023-11-10 | 1,000 | 1,300 |
      | Assembly plant F   | 2023-11-11 | 900   | 1,200 |
      | Assembly plant G   | 2023-11-12 | 700   | 900   |
      | Assembly plant H   | 2023-11-13 | 1,600 | 1,200 |
      | Assembly plant I   | 2023-11-14 | 1,400 | 1,000 |
      | Assembly plant J   | 2023-11-15 | 1,200 | 900   |
      | Assembly plant K   | 2023-11-15 | 1,000 | 700   |
      | Components         | 2023-11-16 | 2,600 | 600   |
      | Parts distribution | 2023-11-16 | 2,100 | 500   |
      | Other GM units     | 2023-11-16 | 1,483 | 374   |
    Then the returns read "19,683 yes, 16,274 no of 35,957 cast from 14 of 14 units (54.7% yes of valid ballots)"
    And the returns read "7 of 14 units carried; by all ballots together: carried"
    And the units that voted no are "Assembly plant A, Assembly plant B, Assembly plant C, Assembly plant D, Assembly plant E, Assembly plant F, Assembly plant G"
    And with "all ballots together and a majority of units" as the rule the returns would fail
    And with "a majority of units" as the rule the returns would fail
    When the count closes on 2023-11-17
    Then the master table is "ratified"
    And the Expiry Map shows every GM plant expiring on 2028-04-30
    And the history of the master table reads "Returns counted on 2023-11-17 in the master table 'UAW-GM'" and "voted no: UAW, General Motors (Assembly plant A)"

  Scenario: A majority of units is counted over the plants at the table, not over those that returned
    Given a master table at GM over these plants, its returns combined by "a majority of units":
      | plant            |
      | Assembly plant A |
      | Assembly plant B |
      | Assembly plant C |
    And a tentative agreement at the master table from 2023-11-01 to 2028-04-30
    When the plants return their votes (illustrative splits):
      | plant            | held on    | yes   | no    |
      | Assembly plant A | 2023-11-06 | 1,800 | 1,200 |
    Then the returns read "1 of 3 units carried; by a majority of units: failed"
    And the plants that have not returned are "Assembly plant B, Assembly plant C"
    When the count closes on 2023-11-17
    Then the master table is "at tentative agreement"
    And the history of the master table reads "1 of 3 units carried; rejected by a majority of units" and "not returned: UAW, General Motors (Assembly plant B), UAW, General Motors (Assembly plant C)"

  Scenario: A count closed with a plant missing names the plant that did not return
    Given a master table at GM over these plants, its returns combined by "a majority of units":
      | plant            |
      | Assembly plant A |
      | Assembly plant B |
      | Assembly plant C |
    And a tentative agreement at the master table from 2023-11-01 to 2028-04-30
    When the plants return their votes (illustrative splits):
      | plant            | held on    | yes   | no    |
      | Assembly plant A | 2023-11-06 | 1,800 | 1,200 |
      | Assembly plant B | 2023-11-07 | 1,500 | 900   |
    And the count closes on 2023-11-17
    Then the master table is "ratified"
    And the Expiry Map shows every GM plant expiring on 2028-04-30
    And the history of the master table reads "2 of 3 units carried; ratified by a majority of units" and "not returned: UAW, General Motors (Assembly plant C)"
