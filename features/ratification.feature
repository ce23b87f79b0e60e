Feature: Ratification is a fact, and a tentative agreement's dates are checked when it is reached
  Members' votes on a tentative agreement are always recorded. Under a pact that requires the
  cluster's sign-off below a floor, a vote held without it is recorded all the same, with a flag
  naming the rule and the failing demands; the flag shows in the round, in the cluster's status
  and in the history. What counts is the day each vote was held: the committee's approval must
  have been voted on or before the day the members voted, whenever it was recorded. Only input
  that cannot be true is refused: a tentative agreement whose dates overlap the agreement in
  force could never become the unit's agreement, so it is refused when it is reached, saying
  which agreement and which dates.

  The tally is CUPE-OSBCU's: its later tentative agreement of 2022 was ratified by 73% of about
  41,000 voting. The cluster, its floor and the yearly raises are illustrative.

  Background:
    Given a cluster "Ontario education workers 2022" whose framework sets a wage floor of 16% and a target of 46% over the term
    And its pact requires the cluster's sign-off below a floor
    And "OSBCU", about 55,000 school board workers whose agreement runs from 2019-09-01 to 2022-08-31, bargains at its table in the cluster

  Scenario: Members ratify a below-floor tentative agreement without the cluster's sign-off: recorded, flagged, and shown in the cluster's status and history
    When the bargaining team at "OSBCU" reaches a tentative agreement on 2022-11-20 of 3.59% a year for four years, from 2022-09-01 to 2026-08-31
    Then the table at "OSBCU" is "awaiting sign-off"
    When members at "OSBCU" vote on 2022-12-05: 29,930 yes and 11,070 no of 41,000 voting, 55,000 eligible
    Then the vote is recorded as "73% yes of valid ballots; needs a majority of valid ballots: carried"
    And the table at "OSBCU" is "ratified"
    And the round at "OSBCU" is flagged "put to the members' vote below the framework's floor without the cluster's sign-off" because "below the framework's floor on wages, went to the members' vote of 2022-12-05 without the committee's sign-off the pact requires"
    And the cluster's status lists a breach of the pact by "OSBCU"
    And the cluster's status reads "breach of the pact: CUPE OSBCU, Ontario school boards (Education workers): tentative agreement 1"
    And the history of the round at "OSBCU" reads "Members ratified the tentative agreement" and "flagged: tentative agreement 1, below the framework's floor on wages"
    And the Expiry Map shows "OSBCU" expiring on 2026-08-31

  Scenario: With the committee's sign-off, the same vote carries no flag
    When the bargaining team at "OSBCU" reaches a tentative agreement on 2022-11-20 of 3.59% a year for four years, from 2022-09-01 to 2026-08-31
    And the committee approves sign-off on 2022-11-28 by 10 votes to 2 because "members decide"
    And members at "OSBCU" vote on 2022-12-05: 29,930 yes and 11,070 no of 41,000 voting, 55,000 eligible
    Then the table at "OSBCU" is "ratified"
    And the cluster's status shows no breach of the pact

  Scenario: The committee signed off five days after the members had voted: the vote still carries the flag
    When the bargaining team at "OSBCU" reaches a tentative agreement on 2022-11-20 of 3.59% a year for four years, from 2022-09-01 to 2026-08-31
    And members at "OSBCU" vote on 2022-12-05: 29,930 yes and 11,070 no of 41,000 voting, 55,000 eligible
    And the committee approves sign-off on 2022-12-10 by 10 votes to 2 because "the members have spoken"
    Then the table at "OSBCU" is "ratified"
    And the cluster's status lists a breach of the pact by "OSBCU"
    And the breach by "OSBCU" reads "the committee approved it on 2022-12-10, after the members' vote"
    And the cluster's status on 2022-12-06 lists a breach of the pact by "OSBCU"

  Scenario: An approval voted before the members' vote but recorded after it clears the flag; the vote's record keeps what was seen
    When the bargaining team at "OSBCU" reaches a tentative agreement on 2022-11-20 of 3.59% a year for four years, from 2022-09-01 to 2026-08-31
    And members at "OSBCU" vote on 2022-12-05: 29,930 yes and 11,070 no of 41,000 voting, 55,000 eligible
    Then the cluster's status lists a breach of the pact by "OSBCU"
    When the committee approves sign-off on 2022-11-28 by 10 votes to 2 because "the minutes of the 28th were found"
    Then the cluster's status shows no breach of the pact
    And the history of the round at "OSBCU" reads "Members ratified the tentative agreement" and "flagged: tentative agreement 1, below the framework's floor on wages"

  Scenario: A tentative agreement overlapping the agreement in force is refused when reached, saying why
    When the bargaining team at "OSBCU" reaches a tentative agreement on 2022-11-20 of 3.59% a year for four years, from 2022-06-01 to 2026-08-31
    Then it is refused with "the tentative agreement 2022-06-01 to 2026-08-31 overlaps the agreement 2019-09-01 to 2022-08-31 already recorded"
    And nothing new is recorded
    And the table at "OSBCU" is "open"

  Scenario: A vote of delegates on a tentative agreement is recorded but only members ratify
    When the bargaining team at "OSBCU" reaches a tentative agreement on 2022-11-20 of 3.59% a year for four years, from 2022-09-01 to 2026-08-31
    And delegates vote on it on 2022-11-22: 180 yes and 20 no
    Then the table at "OSBCU" is "awaiting sign-off"
    And the history of the round at "OSBCU" reads "The delegates voted on the tentative agreement" and "(only members ratify)"
