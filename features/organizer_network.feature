Feature: The organizer network's growth, measured over time
  The network measures itself by active workplace leaders, not contact lists; by how many of
  the locals it supports have real organizing plans; and by participation growth among
  rank-and-file members, apart from elected officers. A local's plan is real on a day when it
  is in force, has at least one goal, and something happened at its workplaces (a map count,
  a structure test, a leader identified or taking part) within the last 90 days: a plan on
  paper does not count. A leader is active when proven by a test they led and leading or
  taking part within those 90 days. Participants are counted once per period; those holding an
  elected role on a day they took part are elected officers, every other one is rank-and-file.

  An area team of Ontario long-term care homes supports twelve locals, each with one home of
  60 workers in two work groups of 30. The locals' numbers, the homes' counts, the dates and
  the people's ids are illustrative, not published figures.

  Background:
    Given the area team "Ontario long-term care" for the sector "long-term care", formed on 2023-11-01
    And the team supports 12 locals from 2023-11-01, each with one home of two work groups of 30 workers
    And each local's president holds an elected role on its executive board from 2023-01-01

  Scenario: Locals with real plans rise from 2 of 12 to 9 of 12 over a year while officers' share falls
    When the locals organize their homes as follows:
      | local     | plan adopted | plan          | leaders | petition   |
      | Local 101 | 2023-12-01   | working       | 4       | 2024-02-15 |
      | Local 102 | 2023-12-15   | working       | 4       | 2024-03-01 |
      | Local 103 | 2024-04-10   | working       | 4       | 2024-06-01 |
      | Local 104 | 2024-05-01   | working       | 3       | 2024-07-15 |
      | Local 105 | 2024-06-01   | working       | 3       | 2024-08-15 |
      | Local 106 | 2024-07-15   | working       | 6       | 2024-09-16 |
      | Local 107 | 2024-08-01   | working       | 6       | 2024-10-15 |
      | Local 108 | 2024-10-01   | working       | 6       | 2024-11-15 |
      | Local 109 | 2024-11-01   | working       | 6       | 2024-12-10 |
      | Local 110 | 2024-02-01   | on paper      | 0       | none       |
      | Local 111 | 2024-02-01   | never worked  | 0       | none       |
      | Local 112 | none         | none          | 0       | none       |
    Then the network's measures by quarter of 2024 are:
      | quarter    | locals supported | locals with real plans | active leaders | participants | rank-and-file | elected officers |
      | 2024-01-01 | 12               | 2                      | 8              | 8            | 8             | 0                |
      | 2024-04-01 | 12               | 5                      | 12             | 21           | 18            | 3                |
      | 2024-07-01 | 12               | 7                      | 24             | 32           | 30            | 2                |
      | 2024-10-01 | 12               | 9                      | 42             | 44           | 42            | 2                |
    And locals with real plans rise from 2 of 12 to 9 of 12 over the year
    And the elected officers' share of participants falls from 14.3% in the second quarter to 4.5% in the last
    And the plan of Local 110, on paper without a goal, is not real, nor that of Local 111, which never worked
    And counting the measures again from every recorded event gives the same quarters

  Scenario: A session recorded late counts in its own quarter at the next question
    When the locals organize their homes as follows:
      | local     | plan adopted | plan          | leaders | petition   |
      | Local 101 | 2023-12-01   | working       | 4       | 2024-02-15 |
    And the network's measures by quarter of 2024 are read
    And a training session held on 2024-02-20 at Local 101 by one of its leaders, for 3 members who took no other part, is recorded afterwards
    Then the first quarter counts 3 more rank-and-file participants and the other quarters are unchanged
    And counting the measures again from every recorded event gives the same quarters

  Scenario: A plan's progress is read from the home's maps and tests
    When the locals organize their homes as follows:
      | local     | plan adopted | plan          | leaders | petition   |
      | Local 101 | 2023-12-01   | working       | 4       | 2024-02-15 |
    Then the progress of the plan of Local 101 on 2024-01-31 is:
      | goal                                         | done | of | reached |
      | map the workplace                            | 70   | 80 | no      |
      | one leader per so many workers               | 0    | 6  | no      |
      | a majority petition in every work group      | 0    | 2  | no      |
    And the progress of the plan of Local 101 on 2024-03-01 is:
      | goal                                         | done | of | reached |
      | map the workplace                            | 90   | 80 | yes     |
      | one leader per so many workers               | 4    | 6  | no      |
      | a majority petition in every work group      | 2    | 2  | yes     |

  Scenario: A host that ends a plan in the facts it was handed changes no measure
    When the locals organize their homes as follows:
      | local     | plan adopted | plan          | leaders | petition   |
      | Local 101 | 2023-12-01   | working       | 4       | 2024-02-15 |
    And the network's measures by quarter of 2024 are read
    And the host ends the plan of Local 101 on 2024-02-01 in the facts it was handed
    Then the quarters are unchanged
    And nothing new is recorded

  Scenario: A goal naming a workplace the network does not know is refused, and nothing is recorded
    When Local 112 adopts a plan to map a workplace that is not recorded
    Then it is refused: "no workplace is recorded with id"
    And nothing new is recorded
