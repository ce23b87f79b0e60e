Feature: Campaign escalation: ladders, structure tests, mandates and readiness
  A campaign climbs an escalation ladder one rung at a time. Each climb is earned by a structure
  test: an action whose turnout (participants of eligible, per unit and per work group) reaches
  the rung's threshold. Climbing without a passed test needs a recorded override: who decided,
  the mandate behind it, and why. A cluster campaign climbs jointly. The strike vote rung is
  passed by a strike vote that meets its organizing benchmark (or an override); the strike rung
  needs a valid strike mandate. A walkout is a fact: recorded, and flagged when it breaks a rule
  (see strikes.feature). Going back down, pausing, resuming and concluding are always allowed
  and always recorded.

  Scenario: A campaign starts on the first rung of the practitioners' ladder
    Given the units "Sudbury"
    When a campaign is launched for "Sudbury" on 2023-01-09
    Then the campaign stands on "organizing meeting"
    And its ladder reads:
      | rung                        | threshold | kind        |
      | organizing meeting          | 1%        | action      |
      | union cards / sign-up       | 10%       | action      |
      | majority petition           | 51%       | action      |
      | wear the union colours      | 60%       | action      |
      | rally or march on the boss  | 75%       | action      |
      | overtime ban / work-to-rule | 80%       | action      |
      | strike vote                 | 85%       | strike vote |
      | strike                      | 90%       | strike      |

  Scenario: A campaign brings its own ladder and changes it later, on the record
    Given the units "Sudbury"
    When a campaign is launched for "Sudbury" on 2023-01-09 with this ladder:
      | rung               | threshold | kind        |
      | organizing meeting | 5%        | action      |
      | majority petition  | 70%       | action      |
      | strike vote        | 90%       | strike vote |
      | strike             | 95%       | strike      |
    Then the campaign stands on "organizing meeting"
    When the campaign adopts the default ladder on 2023-02-01 because "a petition is a low rung here"
    Then the campaign stands on "organizing meeting"
    And the campaign's history reads: launched, unit joined, ladder changed

  Scenario: Red Shirt Friday fails at 52% against 60%
    Given the units "Sudbury"
    And a campaign for "Sudbury" launched on 2023-01-09
    And the campaign has climbed to "wear the union colours" by 2023-01-30
    When "Red Shirt Friday" is held on 2023-03-03 with these counts:
      | unit    | work group | eligible | took part |
      | Sudbury | days       | 180      | 100       |
      | Sudbury | nights     | 120      | 56        |
    Then the structure test reads "Red Shirt Friday (wear the union colours), 2023-03-03: 156 of 300 took part (52%) against 60%: failed"
    And the verdict is recorded with its numbers
    When the campaign tries to escalate on 2023-03-06
    Then it is refused with "the test of 'wear the union colours' has not passed"
    And nothing new is recorded

  Scenario: Participation can never exceed the eligible count
    Given the units "Sudbury"
    And a campaign for "Sudbury" launched on 2023-01-09
    And the campaign has climbed to "majority petition" by 2023-01-23
    When "Petition" is held on 2023-02-01 with these counts:
      | unit    | work group | eligible | took part |
      | Sudbury | days       | 120      | 130       |
    Then it is refused with "participation can never exceed the eligible count: 130 took part in days, but only 120 are eligible"
    And nothing new is recorded

  Scenario: A passed test earns one rung, and only one
    Given the units "Sudbury"
    And a campaign for "Sudbury" launched on 2023-01-09
    And the campaign has climbed to "majority petition" by 2023-01-23
    When "Petition" is held on 2023-02-01 with these counts:
      | unit    | work group | eligible | took part |
      | Sudbury | whole unit | 300      | 225       |
    And the campaign escalates on 2023-02-02
    Then the campaign stands on "wear the union colours"
    When the campaign tries to escalate on 2023-02-03
    Then it is refused with "the test of 'wear the union colours' has not passed"
    And nothing new is recorded

  Scenario: A climb rests on the latest test held by its day, whatever was recorded since
    Given the units "Sudbury"
    And a campaign for "Sudbury" launched on 2023-01-09
    And the campaign has climbed to "majority petition" by 2023-01-23
    When "Petition" is held on 2023-02-01 with these counts:
      | unit    | work group | eligible | took part |
      | Sudbury | whole unit | 300      | 225       |
    And "Second petition" is held on 2023-02-20 with these counts:
      | unit    | work group | eligible | took part |
      | Sudbury | whole unit | 300      | 90        |
    And "Third petition" is held on 2023-02-21 with these counts:
      | unit    | work group | eligible | took part |
      | Sudbury | whole unit | 300      | 100       |
    And the campaign escalates on 2023-02-06
    Then the campaign stands on "wear the union colours"

  Scenario: Climbing without a passed test needs an override with a mandate and a reason
    Given the units "Sudbury"
    And a campaign for "Sudbury" launched on 2023-01-09
    And the campaign has climbed to "wear the union colours" by 2023-01-30
    When "Red Shirt Friday" is held on 2023-03-03 with these counts:
      | unit    | work group | eligible | took part |
      | Sudbury | whole unit | 300      | 156       |
    And "c-1" acting as "committee co-chair" escalates on 2023-03-06 with a mandate of 41 votes to 9 because "the delegates voted to rally while we keep organizing"
    Then the campaign stands on "rally or march on the boss"
    And the climb to "rally or march on the boss" is recorded as an override by "c-1" acting as "committee co-chair", with a mandate of 41 votes to 9, because "the delegates voted to rally while we keep organizing"
    When "c-1" acting as "committee co-chair" escalates on 2023-03-07 with a mandate of 9 votes to 41 because "go anyway"
    Then it is refused with "the override's mandate did not carry"
    And nothing new is recorded

  Scenario: A cluster campaign climbs jointly, and one unit holds it back
    Given the units "Sudbury", "Ottawa" and "Toronto"
    And a campaign for the cluster "Ontario LTC" of them launched on 2023-01-09
    And the campaign has climbed to "majority petition" by 2023-01-23
    When "Petition" is held on 2023-02-01 with these counts:
      | unit    | work group   | eligible | took part |
      | Sudbury | whole unit   | 300      | 240       |
      | Ottawa  | whole unit   | 450      | 300       |
      | Toronto | nursing      | 800      | 320       |
      | Toronto | dietary      | 40       | 10        |
      | Toronto | housekeeping | 400      | 250       |
    Then 2 of 3 units are ready to climb, held back by "SEIU 2, Toronto (care)"
    And the biggest worst is the "nursing" work group of "Toronto", 88 short of "majority petition"
    When the campaign tries to escalate on 2023-02-02
    Then it is refused with "2 of 3 units passed and 3 must; held back by SEIU 2, Toronto (care)"
    And nothing new is recorded
    When the campaign lets 2 of every 3 units carry a climb, on 2023-02-02
    And the campaign escalates on 2023-02-02
    Then the campaign stands on "wear the union colours"

  Scenario: The Front commun's strike mandate, up to and including an unlimited general strike
    Given these units:
      | name | union | local | employer               | unit name     |
      | CSN  | CSN   | FSSS  | Gouvernement du Québec | health        |
      | CSQ  | CSQ   | FSE   | Gouvernement du Québec | education     |
      | FTQ  | FTQ   | SCFP  | Gouvernement du Québec | public sector |
      | APTS | APTS  |       | Gouvernement du Québec | professionals |
    And a campaign for the cluster "Front commun 2023" of them launched on 2023-01-09
    And the campaign has climbed to "strike vote" by 2023-02-20
    When each unit votes on a strike mandate "up to and including an unlimited general strike":
      | unit | held on    | eligible | cast | yes | no  | spoiled |
      | CSN  | 2023-09-18 | 1000     | 950  | 900 | 45  | 5       |
      | CSQ  | 2023-09-25 | 1000     | 940  | 890 | 48  | 2       |
      | FTQ  | 2023-10-02 | 1000     | 930  | 870 | 55  | 5       |
      | APTS | 2023-10-13 | 1000     | 900  | 800 | 95  | 5       |
    Then every strike vote carried, with the scope "up to and including an unlimited general strike"
    And 3 of 4 units are ready to climb, held back by "APTS, Gouvernement du Québec (professionals)"
    When the campaign tries to escalate on 2023-10-16
    Then it is refused with "held back by APTS, Gouvernement du Québec (professionals)"
    When "cc-1" acting as "Front commun coordinating committee" escalates on 2023-10-16 with a mandate of 12 votes to 0 because "a legal mandate at APTS; the central table strikes together"
    Then the campaign stands on "strike"

  Scenario: The strike rung needs a valid strike mandate; the 85% benchmark needs a vote that meets it, or an override
    Given the units "Sudbury"
    And a campaign for "Sudbury" launched on 2023-01-09
    And the campaign has climbed to "strike vote" by 2023-02-20
    When each unit votes on a strike mandate "a strike":
      | unit    | held on    | eligible | cast | yes | no  | spoiled |
      | Sudbury | 2023-03-01 | 300      | 250  | 100 | 150 | 0       |
    And "c-1" acting as "committee co-chair" escalates on 2023-03-02 with a mandate of 41 votes to 9 because "the vote is close enough"
    Then it is refused with "reaching 'strike' needs a valid strike mandate (a strike vote carried by a majority of valid ballots)"
    And nothing new is recorded
    When each unit votes on a strike mandate "a strike":
      | unit    | held on    | eligible | cast | yes | no | spoiled |
      | Sudbury | 2023-03-08 | 300      | 250  | 200 | 50 | 0       |
    And the campaign tries to escalate on 2023-03-09
    Then it is refused with "the test of 'strike vote' has not passed"
    When "c-1" acting as "committee co-chair" escalates on 2023-03-09 with a mandate of 41 votes to 9 because "the vote carried"
    Then the campaign stands on "strike"

  Scenario: Striking without a mandate is recorded and flagged, not refused
    Given the units "Sudbury" and "Ottawa"
    And a joint campaign for them launched on 2023-01-09
    And the campaign has climbed to "strike vote" by 2023-02-20
    When each unit votes on a strike mandate "a strike":
      | unit    | held on    | eligible | cast | yes | no | spoiled |
      | Sudbury | 2023-03-01 | 300      | 290  | 280 | 10 | 0       |
    And the campaign lets 1 of every 2 units carry a climb, on 2023-03-02
    And the campaign escalates on 2023-03-02
    And "Ottawa" walks out on 2023-03-06
    And "Sudbury" walks out on 2023-03-06
    Then on 2023-03-06 the units on strike are "Sudbury" and "Ottawa"
    And the walkout of "Ottawa" on 2023-03-06 is recorded, flagged "struck without a valid strike mandate: no strike vote covering it was recorded by 2023-03-06"

  Scenario: An escalating strike adds units week by week, and each return is recorded
    Given the units "Wentzville", "Toledo" and "Chicago"
    And a joint campaign for them launched on 2023-01-09
    And the campaign has climbed to "strike" by 2023-02-27
    When "Wentzville" walks out on 2023-09-15
    And "Toledo" walks out on 2023-09-22
    And "Chicago" walks out on 2023-09-29
    Then on 2023-09-25 the units on strike are "Wentzville" and "Toledo"
    When "Wentzville" returns to work on 2023-10-30
    And the campaign concludes "won" on 2023-11-06 because "record agreements ratified"
    Then the strike record reads:
      | unit       | walked out | returned   |
      | Wentzville | 2023-09-15 | 2023-10-30 |
      | Toledo     | 2023-09-22 | 2023-11-06 |
      | Chicago    | 2023-09-29 | 2023-11-06 |
    And the campaign has concluded "won"

  Scenario: Going back down, pausing and resuming are always allowed and recorded
    Given the units "Sudbury"
    And a campaign for "Sudbury" launched on 2023-01-09
    And the campaign has climbed to "wear the union colours" by 2023-01-30
    When the campaign pauses on 2023-02-06 because "mediation"
    And the campaign tries to escalate on 2023-02-07
    Then it is refused with "is paused: resume it to escalate"
    When the campaign steps down to "union cards / sign-up" on 2023-02-08 because "cooling off"
    And the campaign resumes on 2023-02-20
    Then the campaign stands on "union cards / sign-up"
    And the campaign's last entries read: paused, de escalated, resumed

  Scenario Outline: A concluded campaign refuses every change
    Given the units "Sudbury"
    And a campaign for "Sudbury" launched on 2023-01-09
    And the campaign concludes "withdrawn" on 2023-02-01 because "the employer withdrew the cut"
    When someone tries to <change> on 2023-03-01
    Then it is refused with "concluded (withdrawn) on 2023-02-01: nothing more can be recorded on it"
    And nothing new is recorded

    Examples:
      | change                   |
      | escalate the campaign    |
      | step the campaign down   |
      | pause the campaign       |
      | plan an action           |
      | record a strike vote     |
      | conclude it again        |
      | record a walkout         |

  Scenario: Readiness on any date, and participation growing over time
    Given the units "Sudbury" and "Toronto"
    And a joint campaign for them launched on 2023-01-09
    And the campaign has climbed to "wear the union colours" by 2023-01-30
    When "Button day" is held on 2023-02-10 with these counts:
      | unit    | work group | eligible | took part |
      | Sudbury | whole unit | 300      | 210       |
      | Toronto | nursing    | 1200     | 480       |
      | Toronto | dietary    | 40       | 4         |
    And "Red Shirt Friday" is held on 2023-02-24 with these counts:
      | unit    | work group | eligible | took part |
      | Toronto | nursing    | 1200     | 660       |
      | Toronto | dietary    | 40       | 30        |
    Then on 2023-02-17 the biggest worst is the "nursing" work group of "Toronto", 240 short of "wear the union colours"
    And on 2023-02-24 the biggest worst is the "nursing" work group of "Toronto", 60 short of "wear the union colours"
    And the participation of "Toronto" reads:
      | date       | action              | took part | eligible | share | passed |
      | 2023-01-16 | organizing meeting  | 95        | 100      | 95%   | yes    |
      | 2023-01-23 | union cards         | 95        | 100      | 95%   | yes    |
      | 2023-01-30 | majority petition   | 95        | 100      | 95%   | yes    |
      | 2023-02-10 | Button day          | 484       | 1240     | 39%   | no     |
      | 2023-02-24 | Red Shirt Friday    | 690       | 1240     | 55.6% | no     |
