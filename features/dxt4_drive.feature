Feature: The Amazon DXT4 drive in Laval, from the first map to a first-contract round
  The organizer network and the drive to certification told as one story: an area team maps
  the warehouse shift by shift under the local's organizing plan, leaders are identified and
  proven by a majority petition per shift, workers are trained, cards pass the legal threshold,
  the tribunal certifies the union, the workplace becomes a bargaining unit, and bargaining
  for its first contract opens. The network's measures follow it.

  Public: the Amazon DXT4 warehouse in Laval, about 230 workers, became the first unionized
  Amazon workplace in Canada through a CSN drive, certified in May 2024. Illustrative: the
  split over four shifts, the counts, the days, the leaders' and trainees' ids, and Quebec's
  thresholds as configured here (a vote from 35% of cards, cards alone past 50%).

  Scenario: Shifts mapped, leaders proven per shift, cards past the threshold, certified in May 2024, a first contract opened
    Given the area team "Laval warehouses" for the region "Laval" supports the local "CSN DXT4" and the warehouse DXT4 of Amazon from 2023-10-01
    And its shifts are added on 2023-10-01:
      | shift    | workers |
      | Days     | 70      |
      | Evenings | 60      |
      | Nights   | 55      |
      | Weekends | 45      |
    And "CSN DXT4" adopts an organizing plan on 2023-11-01: map 80% of DXT4 by 2024-02-01, one leader per ten workers, and a majority petition in every shift by 2024-03-31
    And the CSN starts a drive at DXT4, of 230 workers, on 2024-01-15
    When the shifts are mapped on 2024-01-15:
      | shift    | workers | mapped |
      | Days     | 70      | 62     |
      | Evenings | 60      | 50     |
      | Nights   | 55      | 50     |
      | Weekends | 45      | 30     |
    And each shift's leader is identified on 2024-01-20 and leads a majority petition of the shift on 2024-02-15:
      | shift    | leader | eligible | signed |
      | Days     | d-1    | 70       | 49     |
      | Evenings | e-1    | 60       | 38     |
      | Nights   | n-1    | 55       | 41     |
      | Weekends | w-1    | 45       | 30     |
    And 12 workers of "CSN DXT4" are trained in house calls by "csn-t1" on 2024-03-10
    Then every shift's leader is proven on 2024-02-15
    And on 2024-03-01 the plan has mapped 83.5% of 80% and passed a petition in 4 of 4 shifts
    When 92 workers have signed cards by 2024-03-01
    And 131 workers have signed cards by 2024-04-02
    Then the cards certify on their own: "57% of cards: more than 50% certifies on cards alone"
    When the CSN files its application with the Tribunal administratif du travail on 2024-04-05
    And the tribunal certifies the CSN by card check on 2024-05-10
    Then the certification is recorded without a flag
    And "CSN DXT4, Amazon Canada (Warehouse workers)" is a bargaining unit of 230 workers with no agreement yet
    When the four leaders take part in the certification rally on 2024-05-11
    And first-contract bargaining opens on 2024-06-03
    Then a bargaining round of the unit is open, notice served on 2024-06-03
    And the network's measures by quarter of the first half of 2024 are:
      | quarter    | locals with real plans | active leaders | participants | rank-and-file | elected officers |
      | 2024-01-01 | 1                      | 4              | 17           | 17            | 0                |
      | 2024-04-01 | 1                      | 4              | 4            | 4             | 0                |
