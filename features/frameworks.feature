Feature: Shared demand frameworks and the evaluation of offers
  A framework holds the demands every table fights for. Each demand has a floor, below which a
  settlement is a concession, and a target, the ask. Wages are judged over the whole term, with
  yearly increases compounded. Under "no two-tier", terms that treat new hires worse are a
  concession whatever their numbers. A framework version counts only once members ratify it.

  Background:
    Given a framework "Front commun 2023" with these demands:
      | demand          | category        | measure          | floor | target | unit                      |
      | wages           | wages           | compound         | 16.4  | 21.5   |                           |
      | care hours      | staffing        | more is better   | 4.0   | 4.1    | hours per resident per day |
      | class size      | workload        | less is better   | 24    | 20     | students                  |
      | contracting out | contracting-out | protection       |       |        | no contracting out        |
      | two-tier        | job security    | protection       |       |        | no two-tier               |
      | term            | term            | maximum term     | 5     | 3      |                           |

  Scenario: The 2023 Front commun offer falls below the purchasing-power floor
    When the employer offers wage increases of 2, 2, 1.5, 1.5 and 2 percent
    Then the wages verdict is "below floor"
    And the wages explanation reads "increases 2%, 2%, 1.5%, 1.5%, 2% compound to 9.3% over 5 years; floor 16.4%: 7.1 points below floor; that is 1.8% a year"
    And the overall verdict is "below floor"

  Scenario Outline: Each kind of demand is judged in its own direction
    When the employer offers <offer> on "<demand>"
    Then the <demand> verdict is "<verdict>"

    Examples:
      | demand          | offer          | verdict      |
      | wages           | 5, 5, 5, 5     | meets target |
      | wages           | 4, 4, 4, 4     | meets floor  |
      | care hours      | 4.2            | meets target |
      | care hours      | 3.8            | below floor  |
      | class size      | 20             | meets target |
      | class size      | 27             | below floor  |
      | contracting out | the clause     | meets target |
      | contracting out | no clause      | below floor  |
      | term            | 6 years        | below floor  |
      | term            | 4 years        | meets floor  |

  Scenario: A two-tier offer is a concession whatever its numbers
    When the employer offers 8% a year for three years to current workers and 6% a year to those hired from 2024-01-01
    Then the wages verdict is "below floor"
    And the two-tier verdict is "below floor"
    And the two-tier explanation reads "two-tier terms on wages: a concession"

  Scenario: Demands the offer says nothing about are missing
    When the employer offers wage increases of 6, 6 and 6 percent
    Then the care hours verdict is "missing"
    And the overall verdict is "missing"

  Scenario: A target below its floor is refused
    When someone drafts a wage demand with floor 16.4 and target 12
    Then it is refused with "the target 12 sits below its floor 16.4"

  Scenario: A draft takes effect only when members ratify it
    When members vote on version 1: 1000 eligible, 640 cast, 600 yes, 30 no, 10 spoiled, majority of cast, quorum one half
    Then version 1 is "ratified"
    And the effective version is 1
    When the committee drafts an amendment
    Then the effective version is still 1 and version 1 is still readable

  Scenario: A failed ratification vote is recorded and nothing takes effect
    When members vote on version 1: 1000 eligible, 400 cast, 150 yes, 250 no, 0 spoiled, majority of cast, quorum one third
    Then version 1 is "rejected by members"
    And no version is in effect

  Scenario: A tally that does not add up is refused and records nothing
    When members vote on version 1: 1000 eligible, 640 cast, 600 yes, 30 no, 0 spoiled, majority of cast, quorum none
    Then it is refused with "the tally does not add up"
    And no version is in effect
