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

  Scenario: A member reading the counts on two days cannot subtract one day from the other
    Given a weekend shift of 4 workers, mapped, added on 2024-02-01
    When member "m-12" reads the workplace's counts on 2024-01-20 and on 2024-03-01
    Then the weekend shift shows no counts on either day
    And neither day's totals, nor what one day's total adds to the other's, give a hidden shift back
    When organizer "csn-o1" reads the workplace's counts on 2024-01-20 and on 2024-03-01
    Then the totals are 73 workers on the first day and 77 on the second

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

  Scenario: The leaders and the workplace as it was show names only to its organizers
    When organizer "csn-o2" of another team reads the workplace's leaders
    Then the leader shows as "a person"
    When organizer "csn-o1" reads the workplace as it was on 2024-01-31
    Then the leader shows as "Marie Tremblay"
    And an auditor sees that "csn-o1" read the data of "w-dxt4-017" through the history
    When member "m-12" asks for the workplace's leaders
    Then the read is refused: "a member may not read the organizing record of a workplace, an area team or a drive"
    And nothing new is recorded

  Scenario: A petition that all but two of a large shift signed shows members no test counts
    Given a weekend shift of 40 workers, mapped
    And a majority petition of the day shift that 68 of the 70 signed
    When member "m-12" reads the workplace's counts
    Then the day shift shows 70 workers but not its petition
    When organizer "csn-o1" reads the workplace's counts
    Then the day shift shows 70 workers, 70 tested and 68 who took part

  Scenario: A member's readiness report shows no counts of a work group of three
    Given a campaign whose unit's day shift had 36 of 60 at a meeting and its night shift 2 of 3
    When member "m-12" reads the campaign's readiness
    Then neither shift shows a count, and the unit shows 38 of 63
    When organizer "csn-o1" reads the campaign's readiness
    Then the night shift shows 2 of 3

  Scenario: A member may not read the counts of a drive of four
    Given a drive at a workplace of 4 workers, 3 of whom signed cards
    When member "m-12" reads the drive
    Then the read is refused: "a member may not read these counts: they would single out fewer than 5 workers"
    And nothing new is recorded
    When steward "s-1" reads the drive
    Then the drive shows 3 cards signed of 4

  Scenario: A member may not read a drive whose cards went from 150 to 152, on any day
    Given a drive at a workplace of 230 workers, 150 of whom signed cards
    And 152 cards counted a week later
    When member "m-12" reads the drive as it was before the second count
    Then the read is refused: "a member may not read these counts: they would single out fewer than 5 workers"
    When steward "s-1" reads the drive
    Then the drive shows 152 cards signed of 230

  Scenario: A member may not read a drive whose first and third card counts differ by two
    Given a drive at a workplace of 300 workers, 150 of whom signed cards
    And 157 cards counted a week later
    And 152 cards counted two weeks later
    When member "m-12" reads the drive as it was before the second count
    Then the read is refused: "a member may not read these counts: they would single out fewer than 5 workers"
    When member "m-12" reads the drive
    Then the read is refused: "a member may not read these counts: they would single out fewer than 5 workers"
    When steward "s-1" reads the drive
    Then the drive shows 152 cards signed of 300

  Scenario: A member may not read a drive where two more became eligible and no card was signed
    Given a drive at a workplace of 100 workers, 60 of whom signed cards
    And 102 workers eligible a week later
    When member "m-12" reads the drive as it was before the second count
    Then the read is refused: "a member may not read these counts: they would single out fewer than 5 workers"
    When member "m-12" reads the drive
    Then the read is refused: "a member may not read these counts: they would single out fewer than 5 workers"
    When steward "s-1" reads the drive
    Then the drive shows 60 cards signed of 102

  Scenario: A member may not read a drive vote that two did not cast
    Given a drive at a workplace of 230 workers, 150 of whom signed cards
    And a certification vote of the 230 where 228 voted, 150 yes and 78 no
    When member "m-12" reads the drive
    Then the read is refused: "a member may not read these counts: they would single out fewer than 5 workers"
