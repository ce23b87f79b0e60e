Feature: Who may read what: names to the workplace's organizers, no small counts to members
  The host authenticates people; the library is told who reads (an id and a role: member,
  steward, organizer, committee or auditor) and enforces the coalition's read policy. A
  worker's name and an organizer's assessment of their support show only to the organizers of
  that workplace, and every read that shows them is recorded. The audit log is not the
  members' to read. A member-facing view hides the counts of any work group smaller than five:
  a structure test of a work group of three that two signed says who did not.

  Public: the Amazon DXT4 warehouse in Laval, the first unionized Amazon workplace in Canada
  (CSN, May 2024, about 230 workers). Illustrative: the shift of three, the ids, the names.

  Background:
    Given the workplace DXT4, supported by an area team whose organizer is "csn-o1"
    And its night shift of 3 workers, mapped, with "w-dxt4-017" identified as its leader
    And a majority petition of the night shift that 2 of the 3 signed

  Scenario: A member's view of a work group of three shows no counts
    When member "m-12" reads the workplace's counts
    Then the night shift shows no counts
    And no total gives the night shift's counts back
    When organizer "csn-o1" reads the workplace's counts
    Then the night shift shows 3 workers, 3 tested and 2 who took part

  Scenario: Names only to the organizers of that workplace, and every such read recorded
    When organizer "csn-o2" of another team reads the workplace's history
    Then the leader shows as "a person"
    When organizer "csn-o1" reads the workplace's history
    Then the leader shows as "Marie Tremblay"
    And an auditor sees that "csn-o1" read the data of "w-dxt4-017" through the history

  Scenario: A member is refused the audit log
    When member "m-12" asks for the audit log
    Then the read is refused: "a member may not read the audit log"
    And nothing new is recorded

  Scenario: A committee member sees "erased person" after the worker is erased
    When the data steward erases worker "w-dxt4-017" on 2025-02-04
    And a committee member reads the audit log
    Then the leader shows as "erased person"
