Feature: Budgets in the open, tied to the members' goals
  Members deserve to see where resources go. The members propose goals, rank them and ratify
  the ranking by a vote; each budget line serves one or more of those goals and has one
  category. Allocations and reallocations are decisions of the body that holds the power over
  the budget: each needs a carried vote of that body, or it is refused and nothing is recorded.
  Spending is a fact: it is always recorded, with its day, its line and the kind of payee, and
  flagged when it takes a line past its allocation or falls outside the budget's period.
  Reports show spent against allocated per line and per goal, and the share of spending on
  organizing and frontline engagement (organizing capacity, local support, training, rapid
  response) against governance and internal politics, period over period. The figures below
  are illustrative, in Canadian dollars.

  Background:
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

  Scenario: A budget year: organizing's share of spending rises from 18% to 31% while internal politics falls
    Then the goals in force read, by rank:
      | rank | goal                                       | life                                     |
      | 1    | Win safe staffing ratios                   | proposed 2024-09-14; ratified 2024-10-19 |
      | 2    | Organize the unorganized in long-term care | proposed 2024-09-14; ratified 2024-10-19 |
      | 3    | Stop the privatization of home care        | proposed 2024-09-21; ratified 2024-10-19 |
    Given the delegates' "2024 budget" from 2024-01-01 to 2024-12-31, approved by the delegates on 2023-11-25 and spent as allocated:
      | line                     | category                         | goals by rank | allocated  |
      | Worksite organizers      | organizing capacity              | 2             | 180,000.00 |
      | Convention and elections | governance and internal politics | 1,2,3         | 300,000.00 |
      | Communications           | communications                   | 3             | 220,000.00 |
      | Administration           | administration                   | 1,2,3         | 300,000.00 |
    And the delegates' "2025 budget" from 2025-01-01 to 2025-12-31, approved by the delegates on 2024-11-30:
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
    Then the spending on "Worksite organizers" is recorded and flagged: "215,000.00 CAD is spent from it, 15,000.00 CAD over"
    And the "2025 budget" reads, per line:
      | line                     | allocated  | spent      | flagged |
      | Worksite organizers      | 200,000.00 | 215,000.00 | yes     |
      | Local bargaining support | 100,000.00 | 95,000.00  | no      |
      | Convention and elections | 150,000.00 | 120,000.00 | no      |
      | Communications           | 240,000.00 | 240,000.00 | no      |
      | Administration           | 330,000.00 | 330,000.00 | no      |
    And the "2025 budget" reads, per goal, a line serving several goals split evenly among them:
      | rank | goal                                       | allocated  | spent      |
      | 1    | Win safe staffing ratios                   | 260,000.00 | 245,000.00 |
      | 2    | Organize the unorganized in long-term care | 360,000.00 | 365,000.00 |
      | 3    | Stop the privatization of home care        | 400,000.00 | 390,000.00 |
    And read on 2025-06-13, before the reallocation, "Local bargaining support" had 70,000.00 allocated and nothing spent
    And the shares of spending read, period over period:
      | budget      | organizing and frontline | governance and internal politics |
      | 2024 budget | 18%                      | 30%                              |
      | 2025 budget | 31%                      | 12%                              |
    And members read: "Share of spending on organizing and frontline engagement: 18% in 2024 budget, 31% in 2025 budget (up 13 points)."
    And members read: "Share of spending on governance and internal politics: 30% in 2024 budget, 12% in 2025 budget (down 18 points)."

  Scenario: Spending dated outside the budget's period is recorded, and flagged
    Given the delegates' "2025 budget" from 2025-01-01 to 2025-12-31, approved by the delegates on 2024-11-30:
      | line                | category            | goals by rank | allocated  |
      | Worksite organizers | organizing capacity | 2             | 200,000.00 |
    When spending on the "2025 budget" is recorded:
      | line                | amount   | on         | payee                |
      | Worksite organizers | 1,250.40 | 2026-01-08 | member reimbursement |
    Then the spending on "Worksite organizers" is recorded and flagged: "spent on 2026-01-08, outside the budget's period from 2025-01-01 to 2025-12-31"

  Scenario Outline: What cannot be true, or a decision without its vote, is refused and records nothing
    Given the delegates' "2025 budget" from 2025-01-01 to 2025-12-31, approved by the delegates on 2024-11-30:
      | line                     | category                         | goals by rank | allocated  |
      | Worksite organizers      | organizing capacity              | 2             | 200,000.00 |
      | Convention and elections | governance and internal politics | 1,2,3         | 100,000.00 |
    When <attempt>
    Then it is refused: "<refusal>"
    And nothing new is recorded

    Examples:
      | attempt                                                                                                                 | refusal                                                                                 |
      | 120.00 USD is recorded as spent on "Worksite organizers" of the "2025 budget"                                           | is in USD, but this budget keeps its money in CAD                                       |
      | -120.00 CAD is recorded as spent on "Worksite organizers" of the "2025 budget"                                          | must be more than zero                                                                  |
      | 120.00 CAD is recorded as spent on "Strike fund" of the "2025 budget"                                                   | has no line 'Strike fund'                                                               |
      | 120.005 CAD is recorded as spent on "Worksite organizers" of the "2025 budget"                                          | cannot have been paid: CAD's smallest amount is 0.01                                    |
      | the members vote to allocate 50,000.00 to "Worksite organizers" of the "2025 budget"                                    | is decided by a vote of the delegates, which holds the power                            |
      | the delegates vote down allocating 50,000.00 to "Worksite organizers" of the "2025 budget"                              | needs a carried vote of the delegates; this one failed                                  |
      | the delegates count 280 ballots, 230 yes and 40 no, to allocate 50,000.00 to "Worksite organizers" of the "2025 budget" | the tally does not add up: yes 230 + no 40 + spoiled 0 = 270, but 280 ballots were cast |
      | a line "Strike fund" serving a goal that does not exist is added to the "2025 budget"                                   | hold no goal                                                                            |
      | the delegates vote to move 250,000.00 from "Worksite organizers" to "Convention and elections" of the "2025 budget"     | has 200,000.00 CAD allocated on 2025-06-14: 250,000.00 CAD cannot be moved from it      |

  Scenario: A goal amended and one retired by later votes; the goals read as they were before
    When the members amend "Win safe staffing ratios" to read "Win safe staffing ratios in law" by a vote on 2025-03-01
    And the members retire "Stop the privatization of home care" by a vote on 2025-03-01
    Then the goals in force read, by rank:
      | rank | goal                                       | life                                                         |
      | 1    | Win safe staffing ratios in law            | proposed 2024-09-14; ratified 2024-10-19; amended 2025-03-01 |
      | 2    | Organize the unorganized in long-term care | proposed 2024-09-14; ratified 2024-10-19                     |
    And read on 2025-02-28, the goals in force read, by rank:
      | rank | goal                                       | life                                     |
      | 1    | Win safe staffing ratios                   | proposed 2024-09-14; ratified 2024-10-19 |
      | 2    | Organize the unorganized in long-term care | proposed 2024-09-14; ratified 2024-10-19 |
      | 3    | Stop the privatization of home care        | proposed 2024-09-21; ratified 2024-10-19 |
    Given the delegates' "2025 budget" from 2025-01-01 to 2025-12-31, approved by the delegates on 2024-11-30:
      | line                | category            | goals by rank | allocated  |
      | Worksite organizers | organizing capacity | 2             | 200,000.00 |
    When a line "Home care campaign" serving "Stop the privatization of home care" is added to the "2025 budget"
    Then it is refused: "is retired: a line serves goals the members ratified and have not retired"
    And nothing new is recorded

  Scenario: A line serving several goals by stated shares gives each its share, to the cent
    Given the delegates' "2025 budget" from 2025-01-01 to 2025-12-31, approved by the delegates on 2024-11-30:
      | line                     | category                         | goals by rank  | allocated  |
      | Convention and elections | governance and internal politics | 1:50,2:30,3:20 | 100,000.01 |
    Then the "2025 budget" reads, per goal, a line's money split by its stated shares, the cent left over to the goal that lost most in the rounding:
      | rank | goal                                       | allocated | spent |
      | 1    | Win safe staffing ratios                   | 50,000.01 | 0.00  |
      | 2    | Organize the unorganized in long-term care | 30,000.00 | 0.00  |
      | 3    | Stop the privatization of home care        | 20,000.00 | 0.00  |
