Feature: Charts organizers read: the readiness wall, the escalating strike, the budget
  A coalition keeps a wall chart of its units by rung, each cell the unit's latest test of that
  rung, coloured by participation against the rung's threshold, and the units that hold a joint
  climb back marked; it charts the workers out on strike each day as units walk out; and members
  see their budget against the goals they ratified. The charts' numbers are the record's: the
  same tests, strike votes and walkouts the readiness report and the job actions read, the same
  money the budget report reads. Counts are illustrative where the design guide gives none.

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

  Scenario: The budget chart shows each goal's money, and organizing's share of spending against governance
    Given the members propose three goals:
      | goal                                       | proposed on |
      | Organize the unorganized in long-term care | 2024-09-14  |
      | Win safe staffing ratios                   | 2024-09-14  |
      | Stop the privatization of home care        | 2024-09-21  |
    When the members rank and ratify them on 2024-10-19, 2200 of 4000 voting: 1800 yes, 380 no and 20 spoiled:
      | goal                                       |
      | Win safe staffing ratios                   |
      | Organize the unorganized in long-term care |
      | Stop the privatization of home care        |
    Given the delegates' "2025 budget" from 2025-01-01 to 2025-12-31, approved by the delegates on 2024-11-30:
      | line                     | category                         | goals by rank | allocated  |
      | Worksite organizers      | organizing capacity              | 2             | 200,000.00 |
      | Local bargaining support | local support                    | 1             | 70,000.00  |
      | Convention and elections | governance and internal politics | 1,2,3         | 180,000.00 |
      | Communications           | communications                   | 3             | 240,000.00 |
      | Administration           | administration                   | 1,2,3         | 330,000.00 |
    When the delegates vote on 2025-06-14 to move 30,000.00 from "Convention and elections" to "Local bargaining support" of the "2025 budget"
    And spending on the "2025 budget" is recorded:
      | line                     | amount     | on         | payee            |
      | Worksite organizers      | 215,000.00 | 2025-11-28 | staff            |
      | Local bargaining support | 95,000.00  | 2025-10-03 | grant to a local |
      | Convention and elections | 120,000.00 | 2025-05-24 | vendor           |
      | Communications           | 240,000.00 | 2025-09-12 | vendor           |
      | Administration           | 330,000.00 | 2025-12-15 | staff            |
    Then the budget chart of the "2025 budget" reads, per goal:
      | goal                                          | allocated  | spent      | over     |
      | 1. Win safe staffing ratios                   | 260,000.00 | 245,000.00 |          |
      | 2. Organize the unorganized in long-term care | 360,000.00 | 365,000.00 | 5,000.00 |
      | 3. Stop the privatization of home care        | 400,000.00 | 390,000.00 |          |
    And the budget chart shows the share of spending:
      | part                                | spent      | share |
      | organizing and frontline engagement | 310,000.00 | 31%   |
      | governance and internal politics    | 120,000.00 | 12%   |
      | everything else                     | 570,000.00 | 57%   |
    And the budget chart says "1,020,000.00 CAD allocated, 1,000,000.00 CAD spent. Organizing and frontline engagement: 310,000.00 CAD, 31% of spending; governance and internal politics: 120,000.00 CAD, 12%."
    And the budget chart is written as a PNG and as an SVG
