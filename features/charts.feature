Feature: Charts organizers read: the readiness wall and the escalating strike
  A coalition keeps a wall chart of its units by rung, each cell the unit's latest test of that
  rung, coloured by participation against the rung's threshold, and the units that hold a joint
  climb back marked; and it charts the workers out on strike each day as units walk out. The
  charts' numbers are the record's: the same tests, strike votes and walkouts the readiness
  report and the job actions read. Counts are illustrative where the design guide gives none.

  Scenario: The wall chart marks the unit that holds a joint climb back, and how far it is short
    Given the units "Sudbury", "Ottawa" and "Toronto"
    And a campaign for the cluster "Ontario LTC" of them launched on 2023-01-09
    And the campaign has climbed to "majority petition" by 2023-01-23
    When "Petition" is held on 2023-02-01 with these counts:
      | unit    | work group   | eligible | took part |
      | Sudbury | whole unit   | 300      | 240       |
      | Ottawa  | whole unit   | 450      | 300       |
      | Toronto | nursing      | 800      | 320       |
      | Toronto | dietary      | 40       | 10        |
      | Toronto | housekeeping | 400      | 250       |
    Then the readiness wall on 2023-02-01 reads, on "majority petition":
      | unit                   | cell              | verdict | marked    |
      | SEIU 2, Sudbury (care) | 80%, 240 of 300   | met     |           |
      | SEIU 2, Ottawa (care)  | 66.7%, 300 of 450 | met     |           |
      | SEIU 2, Toronto (care) | 46.8%, 53 short   | short   | held back |
    And the wall says "on 'majority petition': 2 of 3 units passed, 3 needed; held back by SEIU 2, Toronto (care)"
    And the wall chart is written as a PNG and as an SVG

  Scenario: The strike chart counts the workers out each day as plants join an escalating strike
    Given the units "Wentzville", "Toledo" and "Chicago"
    And their headcounts are 3600, 5800 and 4600
    And a joint campaign for them launched on 2023-01-09
    And the campaign has climbed to "strike" by 2023-02-27
    When "Wentzville" walks out on 2023-09-15
    And "Toledo" walks out on 2023-09-22
    And "Chicago" walks out on 2023-09-29
    And "Wentzville" returns to work on 2023-10-30
    And the campaign concludes "won" on 2023-11-06 because "record agreements ratified"
    Then the strike chart runs from 2023-09-15 to 2023-11-05 and reads:
      | day        | units out | workers out |
      | 2023-09-15 | 1         | 3,600       |
      | 2023-09-22 | 2         | 9,400       |
      | 2023-09-29 | 3         | 14,000      |
      | 2023-10-29 | 3         | 14,000      |
      | 2023-10-30 | 2         | 10,400      |
      | 2023-11-05 | 2         | 10,400      |
    And the strike chart says "peak 14,000 workers out (3 units) on 2023-09-29"
    And the strike chart is written as a PNG and as an SVG
