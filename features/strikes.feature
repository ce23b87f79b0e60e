Feature: Strike mandates by their own rule, and walkouts recorded as facts with flags
  A strike mandate is valid when the strike vote carries by the rule the ladder states for it
  (a majority of valid ballots unless the ladder says otherwise; two thirds in the UAW
  constitution). Apart from that rule, the strike vote rung has an organizing benchmark, 85% of
  the eligible members voting yes on the practitioners' ladder: readiness measures it, and the
  campaign climbs past it only when it is met or with a recorded override.
  A walkout is a fact. It is recorded for any unit taking part, on any day since the launch,
  for whole days or part of a day. When it breaks a rule it is recorded with a flag naming the
  rule and why: no valid mandate, the campaign below its strike rung or paused, the unit's
  agreement in force. Only what cannot be true is refused.

  Background:
    Given the unit "OSBCU" of about 55000 Ontario school board workers
    And a campaign for "OSBCU" launched on 2022-08-01 that has climbed to "strike vote" by 2022-09-12

  Scenario: OSBCU 2022: the mandate carries by a majority of valid ballots, the 85% benchmark is unmet, and climbing past it records an override
    When the members of "OSBCU" vote on a strike on 2022-10-03: 43821 yes, 1612 no of 45433 ballots, 55000 eligible
    Then the strike mandate of "OSBCU" is valid by "a majority of valid ballots"
    And readiness shows "OSBCU" at 79.7% of eligible against the 85% benchmark, 2929 short
    When the campaign tries to escalate on 2022-10-04
    Then it is refused with "the test of 'strike vote' has not passed"
    And nothing new is recorded
    When "p-1" acting as "OSBCU president" escalates on 2022-10-04 with a mandate of 38 votes to 2 because "96.5% of the ballots said strike"
    Then the campaign stands on "strike"
    And the climb to "strike" is recorded as an override by "p-1" acting as "OSBCU president", with a mandate of 38 votes to 2, because "96.5% of the ballots said strike"

  Scenario: A ladder whose strike mandate needs two thirds of valid ballots
    Given the campaign adopts a ladder whose strike mandate needs two thirds of valid ballots, on 2022-09-20
    When the members of "OSBCU" vote on a strike on 2022-10-03: 600 yes, 400 no of 1000 ballots, 1200 eligible
    Then "OSBCU" has no valid strike mandate
    When "p-1" acting as "OSBCU president" escalates on 2022-10-04 with a mandate of 38 votes to 2 because "we go anyway"
    Then it is refused with "reaching 'strike' needs a valid strike mandate (a strike vote carried by two thirds of valid ballots)"
    And nothing new is recorded

  Scenario: A walkout by a unit with no valid mandate is recorded and flagged
    Given the unit "Halton" of Ontario school board workers joins the campaign on 2022-09-20
    When the members of "OSBCU" vote on a strike on 2022-10-03: 43821 yes, 1612 no of 45433 ballots, 55000 eligible
    And the members of "Halton" vote on a strike on 2022-10-03: 400 yes, 600 no of 1000 ballots, 1200 eligible
    And "p-1" acting as "OSBCU president" escalates on 2022-10-04 with a mandate of 38 votes to 2 because "96.5% of the ballots said strike"
    And "Halton" walks out on 2022-11-04
    Then the walkout of "Halton" on 2022-11-04 is recorded, flagged "struck without a valid strike mandate: its latest strike vote (number 2, held 2022-10-03) did not carry by a majority of valid ballots: 40% yes"
    And the campaign's history says the walkout of "Halton" was flagged "struck without a valid strike mandate"
    And readiness on 2022-11-04 lists "Halton" on strike, flagged "struck without a valid strike mandate"

  Scenario: The walkout of November 4 and 7, back on November 8, recorded afterwards below the strike rung
    When the members of "OSBCU" vote on a strike on 2022-10-03: 43821 yes, 1612 no of 45433 ballots, 55000 eligible
    And "OSBCU" walked out on 2022-11-04 and was back on 2022-11-08, recorded afterwards
    Then the job actions read:
      | unit  | walked out | back on    | flags                                              |
      | OSBCU | 2022-11-04 | 2022-11-08 | struck before the campaign reached its strike rung |
    And on 2022-11-07 the units on strike are "OSBCU"

  Scenario: A walkout while the unit's agreement is in force is recorded and flagged
    Given "OSBCU" had an agreement from 2019-09-01 to 2022-08-31
    When "OSBCU" walks out for 2 hours on 2022-08-15
    Then the walkout of "OSBCU" on 2022-08-15 is recorded, flagged "struck while an agreement was in force: its agreement 2019-09-01 to 2022-08-31 was in force on 2022-08-15"
    And the job actions read:
      | unit  | walked out | back on  | flags                                                                                                                             |
      | OSBCU | 2022-08-15 | part day | struck without a valid strike mandate; struck before the campaign reached its strike rung; struck while an agreement was in force |

  Scenario: A walkout during a pause is flagged; one that cannot be is refused
    When the campaign pauses on 2022-09-26 because "talks resume"
    And "OSBCU" walks out on 2022-09-28
    Then the walkout of "OSBCU" on 2022-09-28 is recorded, flagged "struck while the campaign was paused: the campaign was paused on 2022-09-28 (since 2022-09-26)"
    When "OSBCU" tries to walk out on 2022-09-29
    Then it is refused with "was already out on strike then (from 2022-09-28, still out)"
    And nothing new is recorded
    When "OSBCU" tries to walk out on 2022-07-01
    Then it is refused with "2022-07-01 is before the campaign 'OSBCU 2022' was launched"
    And nothing new is recorded
