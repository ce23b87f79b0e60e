Feature: Disputes: laws, interventions and the employer's moves
  A law passed, a lockout, a "no board" report, a forced vote on the employer's last offer:
  each is a fact, recorded with its date, its source and the units it covers, and listed in
  date order for each unit, campaign and cluster it concerns. A strike is recorded whatever the
  law says; a strike day is flagged when a law covering the unit that bans strikes, imposes a
  contract or orders a return to work was in force that day, and when the unit's jurisdiction
  has a strike position rule and the unit had not reached its legal strike position. A law
  repealed and deemed never in force was in force as known before the repeal was recorded, and
  is void from the start as known after; its record keeps both.

  Scenario: OSBCU 2022: Bill 28 flags the walkout as known on November 5, not after Bill 35
    Given the bargaining unit "OSBCU education workers" in "ON"
    And the law "Bill 28, Keeping Students in Class Act, 2022" of "ON" that imposes a contract and bans strikes, covering "OSBCU education workers"
    When the law passes on 2022-11-03
    And the moment is noted as "known on November 5"
    Then a strike by "OSBCU education workers" on 2022-11-04 is flagged as a strike while a law is in force, naming "Bill 28"
    When Bill 35 repeals the law on 2022-11-14, deeming it never to have been in force
    Then read as "known on November 5", a strike by "OSBCU education workers" on 2022-11-04 is flagged as a strike while a law is in force, naming "Bill 28"
    And read as known now, a strike by "OSBCU education workers" on 2022-11-04 carries no flag
    And the law was never in force, as known now
    And the law's history reads:
      | event    | on         |
      | recorded |            |
      | passed   | 2022-11-03 |
      | repealed | 2022-11-14 |
    And the disputes of "OSBCU education workers" read, in date order:
      | on         | what         | summary                                                                  |
      | 2022-11-03 | law passed   | since deemed never in force by its repeal of 2022-11-14                  |
      | 2022-11-14 | law repealed | Bill 28, Keeping Students in Class Act, 2022 (ON) repealed on 2022-11-14 and deemed never in force |

  Scenario: Ontario colleges 2017: the forced offer vote fails, then back-to-work legislation
    Given the bargaining unit "Ontario college faculty" in "ON"
    And the campaign "Colleges 2017" for "Ontario college faculty" launched on 2017-10-16
    When the employer's forced vote on its last offer is recorded for "Ontario college faculty", held on 2017-11-16 with 12841 eligible, 12199 voting, 1708 accepting and 10491 rejecting
    Then the forced vote fails, with 95% voting and the offer rejected by 86% of valid ballots
    Given the law "Bill 178, Colleges of Applied Arts and Technology Labour Dispute Resolution Act, 2017" of "ON" that orders a return to work and imposes mediation-arbitration, covering "Ontario college faculty"
    When the law passes on 2017-11-19
    And mediation-arbitration is imposed on "Ontario college faculty" on 2017-11-19 by "Bill 178"
    Then a strike by "Ontario college faculty" on 2017-11-18 carries no flag
    And a strike by "Ontario college faculty" on 2017-11-20 is flagged as a strike while a law is in force, naming "Bill 178"
    And the disputes of the campaign "Colleges 2017" read, in date order:
      | on         | what                                     | summary                              |
      | 2017-11-16 | forced vote on the employer's last offer | the offer was rejected               |
      | 2017-11-19 | law passed                               | orders a return to work, imposes mediation-arbitration |
      | 2017-11-19 | mediation-arbitration imposed            | by Bill 178, covering 1 unit         |

  Scenario: In Ontario a legal strike position comes 17 days after a "no board" report
    Given the host's rule for "ON": a legal strike position 17 days after a "no board" report
    And the bargaining unit "Hamilton library workers" in "ON"
    And the bargaining unit "Winnipeg library workers" in "MB"
    Then a strike by "Hamilton library workers" on 2023-03-01 is flagged as before the legal strike position, naming "no 'no board' report"
    When a "no board" report for "Hamilton library workers" and "Winnipeg library workers" is issued on 2023-03-01
    Then a strike by "Hamilton library workers" on 2023-03-17 is flagged as before the legal strike position, naming "2023-03-18"
    And a strike by "Hamilton library workers" on 2023-03-18 carries no flag
    And a strike by "Winnipeg library workers" on 2023-03-02 carries no flag

  Scenario: A lockout declared and ended shows in the campaign's disputes
    Given the bargaining unit "Hamilton library workers" in "ON"
    And the campaign "Libraries 2023" for "Hamilton library workers" launched on 2023-01-09
    When the employer locks out "Hamilton library workers" on 2023-04-03
    And the employer ends the lockout of "Hamilton library workers" on 2023-04-24
    Then the disputes of the campaign "Libraries 2023" read, in date order:
      | on         | what             | summary                                                          |
      | 2023-04-03 | lockout declared | Lockout declared on 2023-04-03 by the employer, covering 1 unit  |
      | 2023-04-24 | lockout ended    | Lockout ended on 2023-04-24 by the employer, covering 1 unit     |

  Scenario: A repeal dated before the law passed cannot be true, and records nothing
    Given the bargaining unit "OSBCU education workers" in "ON"
    And the law "Bill 28, Keeping Students in Class Act, 2022" of "ON" that imposes a contract and bans strikes, covering "OSBCU education workers"
    When the law passes on 2022-11-03
    And Bill 35 repeals the law on 2022-11-02, deeming it never to have been in force
    Then it is refused: "cannot be repealed before that, on 2022-11-02"
    And nothing new is recorded
