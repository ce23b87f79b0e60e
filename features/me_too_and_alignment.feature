Feature: Me-too done right, and alignment on the cluster's target expiry
  Under a pact with me-too, a later, better settlement flows back to the members that settled
  earlier. Like is compared with like: raises by their yearly figure, so a longer term cannot
  hide a smaller raise. Only members the pact binds (they signed it; under the same-employer
  rule, of the same employer) are owed or owe. A unit has one claim per demand, with its own
  life: owed, claimed, settled once, or waived. A cluster aims for one common expiry: it shows
  each member's expiry against that date and what term would bring it there.

  Scenario: Me-too is owed only for a later settlement of the same employer that is better per year, and settled once
    Given a cluster whose pact has me-too on wages between members of the same employer
    And these members, each of them signed the pact:
      | unit     | employer            |
      | Sudbury  | Extendicare         |
      | Kingston | Extendicare         |
      | Ottawa   | Sienna Senior Living|
      | Windsor  | Extendicare         |
    When "Sudbury" settles raises of 4%, 4%, 4% on 2026-03-01
    And "Kingston" settles raises of 3.2%, 3.2%, 3.2%, 3.2% on 2026-04-01
    Then "Sudbury" settled 12.5% over 3 years and "Kingston" 13.4% over 4 years
    And "Sudbury" is owed no me-too
    When "Ottawa" settles raises of 5%, 5%, 5% on 2026-05-01
    Then "Sudbury" is owed no me-too
    When "Windsor" settles raises of 4.5%, 4.5%, 4.5% on 2026-06-01
    Then "Sudbury" is owed me-too on wages from "Windsor", reading "4.5% a year"
    And "Kingston" is owed me-too on wages from "Windsor", reading "against 3.2% a year"
    When "Sudbury" claims its me-too on wages on 2026-06-15
    And "Sudbury"'s me-too on wages is settled on 2026-07-01 because "letter of understanding"
    Then the cluster's status reads "me-too settled since 2026-07-01 (letter of understanding)"
    When "Sudbury"'s me-too on wages is settled on 2026-07-02 because "again"
    Then it is refused with "a claim is settled once"
    And nothing new is recorded

  Scenario: A later, better settlement raises the open claim instead of adding another
    Given a cluster whose pact has me-too on wages
    And these members, each of them signed the pact:
      | unit     | employer    |
      | Sudbury  | Extendicare |
      | Ottawa   | Sienna      |
      | Windsor  | Revera      |
    When "Sudbury" settles raises of 3%, 3%, 3% on 2026-03-01
    And "Ottawa" settles raises of 4%, 4%, 4% on 2026-04-01
    Then "Sudbury" is owed me-too on wages from "Ottawa", reading "4% a year"
    When "Windsor" settles raises of 5%, 5%, 5%, 5% on 2026-05-01
    Then "Sudbury" is owed me-too on wages from "Windsor", reading "5% a year"
    And "Sudbury" has one me-too claim on wages

  Scenario: A member that has not signed the pact is owed nothing and owes nothing
    Given a cluster whose pact has me-too on wages
    And these members, each of them signed the pact:
      | unit     | employer    |
      | Sudbury  | Extendicare |
    And "Ottawa" of "Sienna" is a member that has not signed the pact
    When "Sudbury" settles raises of 3%, 3%, 3% on 2026-03-01
    And "Ottawa" settles raises of 5%, 5%, 5% on 2026-04-01
    Then "Sudbury" is owed no me-too

  Scenario: UAW 2023: the three Big Three agreements all expire April 30, 2028, and the cluster shows its members aligned
    Given a cluster "UAW Big Three 2023" targeting 2028-04-30, whose members' agreements expired 2023-09-14:
      | unit       |
      | Ford       |
      | GM         |
      | Stellantis |
    Then "GM" expires 2023-09-14, not on the target
    When each reaches a tentative agreement from 2023-09-15 to 2028-04-30
    Then the tentative agreement at "GM" lands on the target
    When GM's members ratify it by 19683 votes to 16274 on 2023-11-20
    And Ford's and Stellantis's members ratify theirs on 2023-11-20
    Then every member of the cluster is aligned on 2028-04-30
    And the cluster's status reads "UAW, GM (master): expires 2028-04-30, on the target 2028-04-30"

  Scenario: The planner proposes the term that brings a member onto the target date
    Given a cluster "Ontario LTC" targeting 2028-04-30, whose members' agreements expired 2026-03-31:
      | unit     |
      | Sudbury  |
    Then the planner proposes for "Sudbury" "a term of 2 years and 1 month, from 2026-04-01 to 2028-04-30"
    And the cluster's status reads "a term of 2 years and 1 month, from 2026-04-01 to 2028-04-30, lands on the target"
