Feature: The organizer network maps workplaces and proves organic leaders by tests
  An area team, by region or sector, has organizers and volunteers (people named only by the
  ids the host gives them) and supports locals and workplaces from a day to a day. A workplace
  is mapped work group by work group: the workers, how many are mapped, the contacts made,
  support assessed on the 1-5 scale as counts, and the leaders identified. A worker recorded
  as a possible leader of a work group is proven when a structure test of that group passes
  with them leading it, and active while they lead or take part within the window the host
  sets. Coverage is leaders per workers, by work group, against an aim of one per ten.

  Amazon's DXT4 warehouse in Laval: about 230 workers; the CSN's drive made it the first
  unionized Amazon workplace in Canada in May 2024 (the drive to certification is told in its
  own feature). The split of the 230 workers over four shifts, the map counts, the petitions'
  turnouts and the leaders' ids are illustrative, not published figures.

  Background:
    Given the area team "Laval warehouses" for the region "Laval", formed on 2023-09-01
    And "csn-o1" joined the team as an organizer and "vol-3" as a volunteer on 2023-09-01
    And the workplace "DXT4" of "Amazon", supported by the team from 2023-10-01
    And its work groups by shift:
      | shift      | workers |
      | Days       | 70      |
      | Evenings   | 60      |
      | Nights     | 55      |
      | Weekends   | 45      |

  Scenario: Shifts mapped, leaders identified and proven by a majority petition per shift
    When the shifts are mapped on 2024-01-15:
      | shift    | workers | mapped | contacts | at 1 | at 2 | at 3 | at 4 | at 5 | leaders |
      | Days     | 70      | 62     | 55       | 25   | 15   | 10   | 3    | 2    | 7       |
      | Evenings | 60      | 50     | 44       | 20   | 12   | 8    | 2    | 2    | 6       |
      | Nights   | 55      | 50     | 46       | 24   | 12   | 6    | 2    | 2    | 6       |
      | Weekends | 45      | 30     | 22       | 8    | 8    | 4    | 1    | 1    | 3       |
    Then 192 of 230 workers are mapped
    When these workers are identified as possible leaders on 2024-01-20:
      | shift    | leaders                         |
      | Days     | d-1, d-2, d-3, d-4, d-5, d-6, d-7 |
      | Evenings | e-1, e-2, e-3, e-4, e-5, e-6    |
      | Nights   | n-1, n-2, n-3, n-4, n-5, n-6    |
      | Weekends | w-1, w-2                        |
    And each leader leads a majority petition of their shift on 2024-02-15:
      | shift    | eligible | signed |
      | Days     | 70       | 49     |
      | Evenings | 60       | 38     |
      | Nights   | 55       | 41     |
      | Weekends | 45       | 20     |
    Then the leaders of Days, Evenings and Nights are proven on 2024-02-15, and none of Weekends
    And the coverage on 2024-03-01 is:
      | shift    | workers | proven | needed | met |
      | Days     | 70      | 7      | 7      | yes |
      | Evenings | 60      | 6      | 6      | yes |
      | Nights   | 55      | 6      | 6      | yes |
      | Weekends | 45      | 0      | 5      | no  |
    And on 2024-01-31, before the petitions, no leader was proven
    And the organizers of DXT4 on 2024-03-01 are "csn-o1"

  Scenario: An organizer who left the team no longer counts among the workplace's organizers
    Given "csn-o2" joined the team as an organizer on 2024-01-08
    When "csn-o1" left the team on 2024-06-30
    Then the organizers of DXT4 on 2024-03-01 are "csn-o1", "csn-o2"
    And the organizers of DXT4 on 2024-07-01 are "csn-o2"

  Scenario: A leader stays active while they take part within the team's 60-day window
    Given "n-1" is identified as a possible leader of Nights on 2024-01-20
    And "n-1" leads a majority petition of Nights on 2024-02-15, signed by 41 of 55
    When "n-1" takes part in "the rally at the warehouse" on 2024-04-01
    Then "n-1" is active on 2024-05-01 within 60 days
    And "n-1" is not active on 2024-06-15 within 60 days

  Scenario: A count above the workers mapped is refused, and nothing is recorded
    When Nights is mapped on 2024-01-15 with 55 workers, 50 mapped and support assessed for 51
    Then it is refused: "support assessed for 51 workers cannot be: only 50 are mapped"
    And nothing new is recorded

  Scenario: A leader in no work group is refused, and nothing is recorded
    When "x-1" is identified as a possible leader of "Loading dock" on 2024-01-20
    Then it is refused: "DXT4 has no work group of that name"
    And nothing new is recorded

  Scenario: A petition signed by more than were eligible is refused, and nothing is recorded
    Given "n-1" is identified as a possible leader of Nights on 2024-01-20
    When "n-1" leads a majority petition of Nights on 2024-02-15, signed by 56 of 55
    Then it is refused: "56 took part cannot be: only 55 were eligible"
    And nothing new is recorded

  Scenario: A workplace naming a bargaining unit nobody registered is refused, and nothing is recorded
    When the workplace "YUL2" of "Amazon" is recorded as unionized in a bargaining unit nobody registered
    Then it is refused: "no bargaining unit is registered with id"
    And nothing new is recorded
