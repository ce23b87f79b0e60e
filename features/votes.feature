Feature: Votes say who voted and by which rule
  A vote that was held is a fact. It names the body that voted and the rule it was held under,
  and its result says which rule decided it. Spoiled ballots are not counted as yes or no
  under the usual rule, a majority of valid ballots.

  Scenario: Spoiled ballots do not count against under a majority of valid ballots
    Given a members' vote of 50 yes, 48 no and 2 spoiled with 120 eligible
    When it is counted by a majority of valid ballots
    Then the vote carries
    And the result reads "needs a majority of valid ballots: carried"

  Scenario: The same ballots fail a majority of ballots cast
    Given a members' vote of 50 yes, 48 no and 2 spoiled with 120 eligible
    When it is counted by a majority of ballots cast
    Then the vote fails
    And the result reads "needs a majority of ballots cast: failed"

  Scenario: A quorum of people present
    Given a general assembly's vote of 70 yes, 29 no and 0 spoiled with 400 eligible and 99 present
    When it is counted by a majority of valid ballots with a quorum of 100 present
    Then the vote fails
    And the result reads "with a quorum of 100 present (99 present): failed"

  Scenario: The OSBCU strike mandate of 2022 by each rule
    Given a members' vote of 43821 yes, 1612 no and 0 spoiled with 55000 eligible
    When it is counted by a majority of valid ballots
    Then the vote carries
    And the result reads "96.5% yes of valid ballots"
    When it is counted by two thirds of valid ballots
    Then the vote carries
    When it is counted by 85% of eligible members
    Then the vote fails
    And the result reads "79.7% yes of eligible members"
