Feature: Member democracy in the open: accountable roles, meetings, motions, documents and decisions
  The platform asks for "a member-first accountability standard: clear reporting expectations for
  every elected role, regular work plans, transparent updates, and accessible summaries of
  decisions", to "end closed-door decision-making". A body (an executive board, a bargaining team,
  a congress) has roles, each held by as many people at once as it has seats, with terms and how
  each was filled. Each role reports what, to whom and how often; a report not filed when due is
  flagged as overdue, derived on any reading day. A meeting is a fact: held with short notice or
  without quorum it is recorded and flagged, and its decisions carry the flags. A motion needs
  its mover, and is decided by a vote of the meeting's body; a decision taken in camera is
  recorded as such, so closed-door decisions can be counted year over year. People are named
  only by the opaque ids the host gives them. The counts of decisions and in-camera decisions
  are the issue's; tallies, names of roles and days are illustrative.

  Background:
    Given the "Provincial executive board" of "CUPE Ontario", an executive board whose meetings need 7 days of notice and 6 present
    And its roles:
      | role                    | seats |
      | President               | 1     |
      | Secretary-treasurer     | 1     |
      | Regional vice-president | 3     |
    And its officers, elected for 2024 and 2025:
      | role                    | person | filled by   | rank                 | first role |
      | President               | p-1    | election    | elected officer      | no         |
      | Secretary-treasurer     | p-2    | election    | elected officer      | no         |
      | Regional vice-president | p-3    | election    | elected officer      | no         |
      | Regional vice-president | p-4    | acclamation | rank-and-file member | yes        |
      | Regional vice-president | p-5    | election    | rank-and-file member | yes        |
    And every role reports "Quarterly report" to "the members" every 3 months from 2024-01-01, due 30 days after each quarter

  Scenario: A provincial executive board's year: work plans, two missed reports, decisions in camera counted year over year
    When each officer files a work plan on 2024-01-20
    And every quarterly report of 2024 is filed on time, led by rank-and-file members, except:
      | role                    | quarter ending |
      | Secretary-treasurer     | 2024-06-30     |
      | Regional vice-president | 2024-09-30     |
    And the board decides 40 motions at 10 meetings in 2024, 11 of them in camera
    And the board decides 38 motions at 10 meetings in 2025, 3 of them in camera
    Then read on 2025-01-31, the overdue reports are flagged:
      | role                    | period ending | due        |
      | Secretary-treasurer     | 2024-06-30    | 2024-07-30 |
      | Regional vice-president | 2024-09-30    | 2024-10-30 |
    And read on 2024-07-15, no report is overdue
    And the accountability report for 2024 read on 2025-01-31 says: "10 reports filed, 10 led by rank-and-file members; 2 reports overdue; 2 new activists took a first role; 2 rank-and-file members hold roles"
    And the accountability report for 2024 read on 2025-01-31 shows "Secretary-treasurer: 1 holder, 1 work plan filed"
    And the decisions taken in camera read, year over year:
      | period                   | in camera | decisions | share |
      | 2024-01-01 to 2024-12-31 | 11        | 40        | 27.5% |
      | 2025-01-01 to 2025-12-31 | 3         | 38        | 7.9%  |
    And the summary for members of 2024 lists every one of its 40 decisions with its vote, 11 marked "taken in camera"
    And the summary for members of 2024 begins: "Decisions of the Provincial executive board, 2024-01-01 to 2024-12-31: 40 decisions, 11 taken in camera"

  Scenario: A report filed late stops being overdue from the day it is filed
    When the "Quarterly report" of the President for the quarter ending 2024-03-31 is filed on 2024-06-01, led by p-1, an elected officer
    Then read on 2024-05-15, the President's report for the quarter ending 2024-03-31 is "overdue"
    And read on 2024-06-15, the President's report for the quarter ending 2024-03-31 is "filed late"

  Scenario: A meeting held on short notice and without quorum is recorded, flagged, and its decisions carry the flags
    When the board meets on 2024-03-02 with 3 days of notice, 5 of its 5 members present
    And motion "That the board endorse the rally of March 9" moved by p-1, seconded by p-3, is carried 4 to 1
    Then the meeting is recorded and flagged: "3 days of notice were given; the Provincial executive board's rules require 7"
    And the meeting is recorded and flagged: "5 were present; the Provincial executive board's quorum is 6"
    And the summary for members of 2024 reads: "2024-03-02: Carried by the Provincial executive board (motion 1): That the board endorse the rally of March 9 — vote held 2024-03-02: 4 yes, 1 no of 5 cast (5 eligible), carried; flagged: met with less notice than the body's rules require: 3 days of notice were given; the Provincial executive board's rules require 7; met without the body's quorum: 5 were present; the Provincial executive board's quorum is 6"

  Scenario: The summary reads as it was on a day, and as it was known at a moment
    When the board meets on 2024-03-02 with 10 days of notice, 5 of its 5 members present
    And motion "That the board endorse the rally of March 9" moved by p-1, seconded by p-3, is carried 4 to 1
    And the moment is noted
    And the board meets on 2024-02-03 with 10 days of notice, 5 of its 5 members present
    And motion "That the board hire an organizer" moved by p-3, seconded by p-4, is carried 5 to 0
    Then the summary for members of 2024 lists the decisions of 2024-02-03 and 2024-03-02
    And the summary for members of 2024 read on 2024-02-29 lists the decisions of 2024-02-03
    And the summary for members of 2024 read as known at the noted moment lists the decisions of 2024-03-02

  Scenario Outline: A role held by more people than the body allows, a motion without a mover, a vote without its body: refused, nothing recorded
    Given the board meets on 2024-04-06 with 10 days of notice, 5 of its 5 members present
    And motion "That the board fund the picket kitchen" moved by p-1, seconded by p-3
    When <attempt>
    Then it is refused: "<refusal>"
    And nothing new is recorded

    Examples:
      | attempt                                                                          | refusal                                                                                           |
      | p-9 is elected President from 2025-06-01                                         | allows 1 holder of the role 'President' at once; from 2025-06-01 this would make 2                |
      | p-9 is elected Regional vice-president from 2024-02-01                           | allows 3 holders of the role 'Regional vice-president' at once; from 2024-02-01 this would make 4 |
      | a motion with no mover is put to the board                                       | a motion needs its mover                                                                          |
      | the motion is decided by a vote that names no body                               | is decided by a vote of the Provincial executive board                                            |
      | the motion is decided by a vote of the members                                   | this vote names the members                                                                       |
      | a report is filed for the quarter ending 2024-02-29                              | is not the last day of a period of 'Quarterly report'                                             |

  Scenario: Who held which role on any date
    When p-4's term as Regional vice-president ends on 2024-09-30
    And p-6 is appointed Regional vice-president from 2024-10-01, a rank-and-file member in a first role
    Then on 2024-09-30 the Regional vice-presidents are "p-3, p-4, p-5"
    And on 2024-10-01 the Regional vice-presidents are "p-3, p-5, p-6"

  Scenario: Alliance Ouvrière's first congress (Montreal, December 8, 2024): a strategy document debated in versions, amended from the floor and adopted by motion
    Given the "Congress" of "Alliance Ouvrière", a congress whose meetings need 30 days of notice and 50 present
    And the "Strategy document" is published for debate on 2024-09-15 at "https://example.org/ao/strategy-v1"
    And feedback on version 1 is given by "Montreal members' assembly" on 2024-10-05
    And feedback on version 1 is given by "Quebec City members' assembly" on 2024-10-12
    And version 2 is published on 2024-11-08 at "https://example.org/ao/strategy-v2", taking in the feedback
    When the congress meets in "Montreal" on 2024-12-08 with 45 days of notice, 120 of 150 delegates present
    And motion "That the congress adopt the Strategy document, version 2" moved by d-1, seconded by d-2, adopting version 2
    And an amendment from the floor by d-7 to read "That the congress adopt the Strategy document, version 2, with a public-sector section" is carried 80 to 35
    And an amendment from the floor by d-9 to read "That the congress refer the Strategy document back" is defeated 30 to 88
    And the motion is carried 101 to 12
    And the congress adopts the Strategy document by that motion
    Then the Strategy document reads: version 2 adopted, 2 versions, 2 pieces of feedback
    And the summary for members of 2024 reads: "2024-12-08: Carried by the Congress (motion 1): That the congress adopt the Strategy document, version 2, with a public-sector section — vote held 2024-12-08: 101 yes, 12 no of 113 cast (150 eligible), carried; adopts 'Strategy document', version 2, at https://example.org/ao/strategy-v2"
    And the congress's meeting reads, in its history: "Meeting of 'Congress' held in Montreal on 2024-12-08: 45 days of notice, 120 of 150 present, recorded by the recording secretary"

  Scenario: A document is adopted only by a carried motion that names it
    Given the "Congress" of "Alliance Ouvrière", a congress whose meetings need 30 days of notice and 50 present
    And the "Strategy document" is published for debate on 2024-09-15 at "https://example.org/ao/strategy-v1"
    When the congress meets in "Montreal" on 2024-12-08 with 45 days of notice, 120 of 150 delegates present
    And motion "That the congress adopt the Strategy document, version 1" moved by d-1, seconded by d-2, adopting version 1
    And the motion is defeated 40 to 70
    And the congress adopts the Strategy document by that motion
    Then it is refused: "is adopted by a carried motion; motion 1 was defeated"
    And nothing new is recorded
