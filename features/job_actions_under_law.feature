Feature: Walkouts under a law, read as it was known before and after the law was undone
  A walkout is recorded whatever the law says. When a law covering the unit that bans strikes,
  imposes a contract or orders a return to work is in force on a day the unit is out, the
  walkout carries a flag naming the law. The flag is kept with the walkout as it was recorded;
  read later, the flags follow what is known then: a law repealed and deemed never in force
  flags nothing any more, while its record and the walkout's recorded flag still show it all.
  A law passed while a unit is out flags the strike only if the unit is still out the day
  after: the day it passes is the day to go back.

  Background:
    Given the school board workers of CUPE-OSBCU, about 55000 in Ontario
    And their campaign "OSBCU 2022" launched on 2022-08-01 on its strike vote rung
    And their strike vote of 2022-10-03: 43821 yes and 1612 no of 45433 ballots
    And the campaign climbed to its strike rung on 2022-10-04 by override, the 85% benchmark unmet

  Scenario: OSBCU 2022: the walkout of November 4 and 7 under Bill 28, then Bill 35
    Given Bill 28 "Keeping Students in Class Act, 2022" imposes a contract and bans strikes for the school board workers
    When Bill 28 receives royal assent on 2022-11-03
    And the workers walk out on 2022-11-04 and are back on 2022-11-08
    Then the walkout is recorded, flagged "struck while a law banning strikes or imposing a contract was in force"
    And the walkout carries no other flag
    And the campaign's readiness on 2022-11-07 lists the workers on strike and the dispute "Bill 28, Keeping Students in Class Act, 2022 (ON) passed on 2022-11-03"
    And the moment is noted as "known on November 5"
    When Bill 35 repeals Bill 28 on 2022-11-14, deeming it never to have been in force
    Then read as known on November 5, the walkout is flagged "Bill 28"
    And read as known now, the walkout carries no flag
    And the walkout's recorded flags still name "Bill 28"
    And the campaign's history shows the walkout "flagged: struck while a law banning strikes"
    And the campaign's disputes read "law passed" on 2022-11-03 and "law repealed" on 2022-11-14

  Scenario: Ontario colleges 2017: a back-to-work law passed while faculty are out
    Given the college faculty of OPSEU, 12841 eligible in Ontario, on strike from 2017-10-16
    And Bill 178 orders a return to work and imposes mediation-arbitration for the college faculty
    When the employer's forced vote on its last offer is held on 2017-11-16: 1708 accept and 10491 reject of 12199 ballots
    And Bill 178 receives royal assent on 2017-11-19
    And the faculty are back on 2017-11-20
    Then the faculty's strike carries no flag
    And the forced vote is listed in the campaign's disputes as "the offer was rejected (86% of valid ballots)"
    But had the faculty stayed out until 2017-11-22, the strike would be flagged "Bill 178"
