Feature: Organizing drives to certification, then a first contract
  A workplace with no union yet is organized by a drive: workers sign union cards (counted,
  never listed by name), the union files its application with the labour board, and the board
  certifies the union, on the cards alone or after a certification vote, or dismisses the
  application. A certified workplace becomes a bargaining unit, with no agreement yet, and
  bargaining for its first contract opens as any round does. The thresholds are the host's
  configuration, not law: here Quebec certifies on cards alone past an absolute majority of
  the unit (more than 50%) and calls a vote from 35%. A certification is a fact: recorded
  always, and flagged when it falls short of the configured threshold.

  Public: the Amazon DXT4 warehouse in Laval, about 230 workers, became the first unionized
  Amazon workplace in Canada through a CSN drive, certified in May 2024. Illustrative: the
  exact days (2024-05-10 for the certification), the card counts, the board's file, and the
  dismissed drive.

  Background:
    Given the CSN starts a drive at the Amazon DXT4 warehouse in Laval, QC, of 230 workers, on 2024-01-15

  Scenario: The Amazon DXT4 drive is certified on its cards and bargains its first contract
    When 92 workers have signed cards by 2024-03-01
    Then the cards call for a certification vote: "40% of cards: at least 35% calls for a vote"
    When 131 workers have signed cards by 2024-04-02
    Then the cards certify on their own: "57% of cards: more than 50% certifies on cards alone"
    When the CSN files its application with the Tribunal administratif du travail on 2024-04-05
    And the tribunal certifies the CSN by card check on 2024-05-10
    Then the certification is recorded without a flag
    And "CSN DXT4, Amazon Canada (Warehouse workers)" is a bargaining unit of 230 workers with no agreement yet
    When first-contract bargaining opens on 2024-06-03
    Then a bargaining round of the unit is open, notice served on 2024-06-03
    And on 2024-03-15 the drive had 92 cards signed and no application filed

  Scenario: A certification short of the configured threshold is recorded with a flag
    When 110 workers have signed cards by 2024-04-02
    And the tribunal certifies the CSN by card check on 2024-05-10
    Then the certification is flagged: "110 cards of 230 eligible (47.8%) on 2024-05-10, not more than 50%"

  Scenario: More cards than workers cannot be
    When the organizer records 240 cards signed by 2024-03-01
    Then it is refused: "240 cards signed cannot be: the workplace had 230 eligible workers on 2024-03-01"
    And nothing new is recorded

  Scenario: A dismissed drive ends there
    When the tribunal dismisses the application on 2024-06-01 because "the unit applied for is not appropriate"
    Then the drive reads as dismissed
    And when the organizer records 100 cards signed by 2024-06-10
    Then it is refused: "a new application is a new drive"
    And nothing new is recorded

  Scenario: A drive may start before its workplace is mapped, and then names the mapped workplace
    Given the organizing context has mapped the warehouse DXT4 of Amazon
    When the CSN starts a drive at the mapped warehouse DXT4, of 230 workers, on 2024-02-01
    Then the drive names the mapped warehouse, and the drive started before the mapping names none

  Scenario: A drive cannot name a workplace the organizing context does not know
    When the CSN starts a drive at a workplace the organizing context does not know, on 2024-02-01
    Then it is refused: "the organizing context knows no workplace with id"
    And nothing new is recorded
