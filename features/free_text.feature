Feature: Free text can be redacted, and what a worker wrote is erased with them
  Organizers and committees write free text about people: a motion's words, an amendment, a
  new version's note, feedback on a plan, the action leaders took part in. Each is sealed with
  its own key, so a committee can redact it by a recorded decision; feedback a worker gave,
  and an action one leader took part in, are sealed with that person's key as well, so they go
  when the person asks to be forgotten. The hash chain the coalition audits still verifies.

  Public: the Amazon DXT4 warehouse in Laval, the first unionized Amazon workplace in Canada
  (CSN, May 2024). Illustrative: the committee, its motion, the worker and her feedback.

  Scenario: A motion's text naming a worker is redacted by a committee decision
    Given the organizing record of DXT4 is kept in a SQLite file
    And the DXT4 organizing committee met on 2024-04-10
    And a motion was moved that reads "That the committee thank Marie Tremblay of the night shift"
    And the coordinating committee took a receipt of the record
    When the coordinating committee redacts the motion's words on 2025-02-04, as they name a worker
    Then the motion reads "[redacted]" in the history, and "[caviardé]" in French
    And "Marie Tremblay" is in no file or export of the record
    And the receipt taken before the redaction still verifies

  Scenario: A worker's feedback on the organizing plan goes when she asks to be forgotten
    Given the organizing record of DXT4 is kept in a SQLite file
    And the DXT4 organizing committee drafted its organizing plan on 2024-04-01
    And worker "w-dxt4-017" gave the feedback "Marie Tremblay can lead the night shift"
    And the coordinating committee took a receipt of the record
    When the data steward erases worker "w-dxt4-017" on 2025-02-04, as she asked
    Then her feedback reads "[redacted]" in the history
    And "Marie Tremblay" is in no file or export of the record
    And the receipt taken before the erasure still verifies
