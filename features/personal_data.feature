Feature: A worker's personal data, sealed with their own key and erasable
  What the record holds about a worker (their name, how to reach them, an organizer's 1-5
  assessment of their support, notes) is the most dangerous thing it holds: an employer that
  sees it can retaliate. Each worker's data is sealed with that worker's own key. A worker who
  asks to be forgotten is erased by deleting the key, with a recorded erasure: their data then
  reads as "erased person" everywhere, nobody else's history changes, and the hash chain the
  coalition audits still verifies, receipts taken before included.

  Public: the Amazon DXT4 warehouse in Laval, the first unionized Amazon workplace in Canada
  (CSN, May 2024, about 230 workers); Amazon announced the closure of its Quebec warehouses on
  January 22, 2025. Illustrative: the workers, their ids and assessments, the day of erasure.

  Scenario: A worker asks to be forgotten
    Given the organizing record of DXT4 is kept in a SQLite file
    And an organizer recorded a conversation with worker "w-dxt4-017", "Marie Tremblay", assessed 2
    And an organizer recorded a conversation with worker "w-dxt4-018", "Luc Gagnon", assessed 1
    And the coordinating committee took a receipt of the record
    When the data steward erases worker "w-dxt4-017" on 2025-02-04, as she asked
    Then "Marie Tremblay" is in no table, file or export of the record
    And a committee member sees "erased person" in the history where her name was
    And "Luc Gagnon" still reads as recorded
    And the receipt taken before the erasure still verifies
    And erasing worker "w-dxt4-017" again is reported and records nothing

  Scenario: A worker erased at the office is erased on the phone-bank laptop too
    # The phone-bank laptop and the office computer each run the library on the same record,
    # each in its own process; the laptop read Marie's data before the office erased her.
    Given the organizing record of DXT4 is kept in a SQLite file
    And an organizer recorded a conversation with worker "w-dxt4-017", "Marie Tremblay", assessed 2
    And the coordinating committee took a receipt of the record
    And the phone-bank laptop shows "Marie Tremblay" in the history and has her conversation open
    When the data steward erases worker "w-dxt4-017" from the office computer on 2025-02-04
    Then a call with "Marie Tremblay" noted on the laptop's open conversation records nothing and says she was erased meanwhile
    And the phone-bank laptop shows "erased person" in the history where her name was, without restarting
    And "Marie Tremblay" is in no table, file or export of the record
    And the receipt taken before the erasure still verifies

  Scenario: An organizer's note about a worker is redacted by a committee decision
    Given the organizing record of DXT4 is kept in a SQLite file
    And the night shift of the DXT4 warehouse is a work group of 60 workers
    And an organizer mapped the night shift with the note "Marie on nights is wavering"
    And the coordinating committee took a receipt of the record
    When the coordinating committee redacts that note on 2025-02-04, as it was about a worker
    Then the history shows "[redacted]" where the note was, and "[caviardé]" in French
    And "wavering" is in no file or export of the record
    And the receipt taken before the redaction still verifies
    And redacting the note again is reported and records nothing
