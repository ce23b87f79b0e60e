Feature: Pathways of rank-and-file leadership: training, mentoring, call teams, field plans
  A network grows leaders on purpose: training sessions (who was trained, counted from the
  people recorded, never typed), mentoring pairs from a day to a day, call teams whose members'
  calls are counted per day (reached never more than made), field plan templates that a local
  makes its own, and new activists stepping into roles, rank-and-file members apart from elected
  officers. People are recorded only by the opaque ids the host gives them: history counts
  them and never names them. Every figure here is illustrative.

  Scenario: A training session and who took part in it
    When the network trains 3 workers of CSN DXT4 in one-on-one conversations on 2024-02-03
    And a sign-in sheet found later adds 1 more worker
    Then the session counts 4 people trained
    And its history reads "Training on 'One-on-one conversations' of CSN DXT4 held on 2024-02-03: 3 people trained"

  Scenario: A mentoring pair from one day to another
    When a steward mentors a new activist from 2024-02-05
    And the mentoring ends on 2024-08-01
    Then the pair was mentoring on 2024-05-01 and not on 2024-08-02

  Scenario: A call team's counts per day
    Given a call team "Night shift callers" formed on 2024-03-01 with 2 members
    When its members record their calls:
      | member | day        | made | reached |
      | p-21   | 2024-03-03 | 40   | 18      |
      | p-22   | 2024-03-03 | 30   | 12      |
      | p-21   | 2024-03-04 | 25   | 15      |
    Then the team made 95 calls and reached 45
    And on 2024-03-03 it made 70 calls and reached 30
    When a member records 12 calls reached of 10 made on 2024-03-05
    Then it is refused: "12 calls reached cannot be: only 10 were made"
    And nothing new is recorded

  Scenario: A local instantiates a field plan template
    Given the network's field plan template "First 90 days" with the steps: map every shift, one-on-ones, majority petition
    When CSN DXT4 adopts it on 2024-03-01
    And CSN DXT4 maps every shift by 2024-03-20
    Then CSN DXT4's plan has 1 of 3 steps done

  Scenario: A new activist steps into a role
    When a rank-and-file member steps into the role of shop steward in CSN DXT4 on 2024-06-01, their first role
    Then on 2024-06-30 the record shows who took part: a rank-and-file member stepped into a role, their first
