Feature: Solidarity across unions: non-raiding pacts, solidarity actions and caucuses
  Unions pledge solidarity to each other and to other movements, each signatory saying what it
  commits to. Under a non-raiding pact, a raid (a certification application or a membership
  drive by one signatory for a unit another represents) is a fact: it is always recorded, and
  flagged as a breach of the pact that every signatory sees; the flag says whether it fell in
  the jurisdiction's raiding period (in Quebec's public sector, from the 270th to the 240th day
  before the agreements expire). Solidarity actions are recorded with their counts: people on
  another's picket line, strike fund transfers in exact money. A caucus across unions records
  the locals that join it with their members as counts, never as lists of people.

  Public: the Front commun of the 2023 round (CSN, CSQ, FTQ and APTS), the public sector's
  agreements expiring on March 31, 2023; Alliance Ouvrière's first congress, in Montreal on
  December 8, 2024, and its public-sector caucus formed from the Common Front solidarity
  campaign. Illustrative: the day the pact was signed, the raid, the solidarity actions, the
  locals and their member counts.

  Background:
    Given the Front commun's unions sign a non-raiding pact for QC on 2022-05-05:
      | signatory | commits to                                                  |
      | CSN       | no raid on a unit another signatory represents in the round |
      | CSQ       | no raid on a unit another signatory represents in the round |
      | FTQ       | no raid on a unit another signatory represents in the round |
      | APTS      | no raid on a unit another signatory represents in the round |

  Scenario: An application by one signatory for a unit another represents is flagged as a breach every signatory sees
    When the CSQ files a certification application on 2022-07-20 for "Laboratory technicians, CISSS region 1", which the APTS represents under an agreement expiring 2023-03-31
    Then the raid is recorded, flagged as a breach of the pact "in the raiding period, 2022-07-04 to 2022-08-03"
    And every signatory sees the breach: CSN, CSQ, FTQ and APTS
    And the history of the pact reads "CSQ's certification application for Laboratory technicians, CISSS region 1, which APTS represents, on 2022-07-20"

  Scenario: A raid by a union that did not sign the pact is not the pact's to record
    When the SQEES files a certification application on 2022-07-20 for "Cleaners, CISSS region 2", which the CSN represents under an agreement expiring 2023-03-31
    Then it is refused: "SQEES did not sign the pact"
    And nothing new is recorded

  Scenario: Solidarity actions are recorded with their counts
    When FTQ local 1108 joins the CSN's picket line on 2023-11-21 with 40 people
    And the CSQ sends 25,000.00 CAD from its strike fund to the APTS on 2023-12-12
    Then the pact counts 2 solidarity actions, 40 people and 25,000.00 CAD sent

  Scenario: A public-sector caucus formed from the Common Front solidarity campaign
    When Alliance Ouvrière's public-sector caucus is formed in Montreal on 2024-12-08 from the Common Front solidarity campaign, across CSN, CSQ, FTQ and APTS
    And these locals join it:
      | local                                  | members | on         |
      | Syndicat des employé-es du CHUM        | 60      | 2024-12-08 |
      | Syndicat de l'enseignement de Montréal | 45      | 2024-12-08 |
      | Syndicat des paramédics de Laval       | 20      | 2025-02-01 |
    Then the caucus has 3 locals and 125 members
    And on 2025-01-01 it had 2 locals and 105 members

  Scenario: Members join the caucus as themselves, known only by the ids their organizers keep
    When Alliance Ouvrière's public-sector caucus is formed in Montreal on 2024-12-08 from the Common Front solidarity campaign, across CSN, CSQ, FTQ and APTS
    And member "m-1041" joins it on 2024-12-08
    And member "m-2210" joins it on 2025-01-15
    And member "m-1041" leaves it on 2025-03-01
    Then the caucus's members by id are "m-2210"
    And on 2025-01-31 its members by id were "m-1041" and "m-2210"
    When member "m-2210" joins it on 2025-03-02
    Then it is refused: "that member is already in the caucus"
    And nothing new is recorded
