Feature: The UAW's 2023 Big Three round: three master tables, one target date
  The UAW bargained one master agreement per company (Ford, General Motors, Stellantis) for many
  plants at once, and brought all three to expire on April 30, 2028, a deliberate common date.
  Each master table records its offers, its tentative agreement and its ratification once for
  every plant it covers; what it settles becomes every plant's agreement, and the cluster shows
  its members aligned on the target date. The raises (25%, 11% of it on ratification), the
  cost-of-living adjustment, the progression cut from eight years to three and the pension tier
  left for members hired after 2007 are public; the plants, their sizes, the September days of
  the later raises and the projected inflation are illustrative. GM's returns add up to the
  public totals, 19,683 yes and 16,274 no, with seven of eleven assembly plants voting no.

  Background:
    Given the cluster "Big Three 2023" aiming at 2028-04-30 with the UAW's demands: wages of at least 4% a year (target 8%), progression to the top rate in at most 3 years, a defined-benefit pension, and no two-tier
    And Ford's 3 plants, General Motors' 12 and Stellantis' 3, each under an agreement expiring 2023-09-14, admitted on 2023-07-13
    And a master table for each company opened on 2023-07-13

  Scenario: One tentative agreement per company, judged once, becomes every plant's agreement
    When each master table reaches the tentative agreement of 11% on ratification, then 3%, 3%, 3% and 5% each September, a cost-of-living adjustment, progression in 3 years instead of 8 and no defined-benefit pension for members hired after 2007, to 2028-04-30
    Then each master table's wages are judged "meets floor" and its pensions "below floor" once, for all its plants
    When Ford's members ratify on 2023-11-17 by 69% of valid ballots and Stellantis' by 68%
    And GM's plants return 19683 yes and 16274 no, seven of the eleven assembly plants voting no, counted on 2023-11-17
    Then GM's master table is ratified by all ballots together at 54.7%, naming the seven assembly plants that voted no
    And every plant of the three companies expires on 2028-04-30 in the Expiry Map
    And the cluster shows all 18 members aligned on 2028-04-30
