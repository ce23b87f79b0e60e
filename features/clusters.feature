Feature: Bargaining clusters, the coordination pact and the settlement gate
  Units that bargain together form a cluster with a coordinating committee and a window of
  expiry dates. They adopt a ratified framework and sign a pact: no settlement below a floor
  goes to members without the cluster's sign-off; no deal until every table settles; a later,
  better settlement flows back to those who settled earlier (me-too). A vote members hold
  anyway is recorded, with a flag (see ratification.feature).

  Background:
    Given a ratified framework with a wage floor of 16.4% and a target of 21.5% over the term
    And a cluster "Ontario LTC" whose window runs from 2026-01-01 to 2026-06-30 and which adopted it
    And its pact requires sign-off, no deal until every table settles, and me-too on wages
    And these units, each with an agreement expiring:
      | unit     | expiry     |
      | Sudbury  | 2026-03-31 |
      | Ottawa   | 2026-04-30 |
      | Windsor  | 2027-09-30 |

  Scenario: A unit whose expiry is in the window is admitted
    When the committee admits "Sudbury"
    Then "Sudbury" is a member of the cluster

  Scenario: A unit outside the window needs an override with a reason
    When the committee admits "Windsor"
    Then it is refused with "outside the window of 'Ontario LTC' (2026-01-01 to 2026-06-30)"
    And nothing new is recorded
    When the committee admits "Windsor" with the reason "same employer chain, aligning in 2029"
    Then "Windsor" is a member of the cluster, admitted by override "same employer chain, aligning in 2029"

  Scenario: A withdrawn unit stays in the cluster's history
    Given "Sudbury" is a member
    When "Sudbury" withdraws
    Then "Sudbury" is recorded as withdrawn

  Scenario: An unratified framework version cannot be adopted
    When the committee tries to adopt an amendment members have not ratified
    Then it is refused with "has not been ratified by members"
    And nothing new is recorded

  Scenario: A below-floor tentative agreement awaits the cluster's sign-off
    Given "Sudbury" is a member bargaining at its table
    When the team at "Sudbury" reaches a tentative agreement of 2% a year for four years
    Then the table at "Sudbury" is "awaiting sign-off"
    When the committee refuses sign-off by 2 votes to 10 because "below the purchasing-power floor"
    Then the table at "Sudbury" is "awaiting sign-off"
    When the committee approves sign-off by 10 votes to 2 because "members decide"
    Then the table at "Sudbury" is "at tentative agreement"
    When members at "Sudbury" ratify it
    Then the table at "Sudbury" is "ratified"
    And the cluster's status shows no breach of the pact
    And the Expiry Map shows "Sudbury" expiring on 2030-03-31

  Scenario: No deal until every table settles, and me-too flows back
    Given "Sudbury" is a member bargaining at its table
    And "Ottawa" is a member bargaining at its table
    And "Sudbury" and "Ottawa" signed the pact
    When the team at "Sudbury" reaches a tentative agreement of 4.5% a year for four years
    And members at "Sudbury" ratify it
    Then the cluster is not settled
    When the team at "Ottawa" reaches a tentative agreement of 5% a year for four years
    And members at "Ottawa" ratify it
    Then the cluster is settled
    And "Sudbury" is owed me-too on wages from "Ottawa"

  Scenario: A member that withdraws with its table open stays in view but does not hold the cluster back
    Given "Sudbury" is a member bargaining at its table
    And "Ottawa" is a member bargaining at its table
    When the team at "Sudbury" reaches a tentative agreement of 4.5% a year for four years
    And members at "Sudbury" ratify it
    Then the cluster is not settled
    When "Ottawa" withdraws
    Then the cluster is settled
    And the table at "Ottawa" is "open"
    And the cluster's status reads "withdrawn (its table: open)"
