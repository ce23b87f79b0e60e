Feature: Two timelines: the record as it was on a day, and as it was known at a moment
  Every fact has the day it happened and the moment it was recorded. Organizers ask both "who
  was working under an expired agreement on 2023-10-01?" of a campaign imported in 2026, and
  "what did we know on the morning of the vote?". The two answers differ for history filled in
  later.

  Scenario: A cluster formed in 2022 read as it was on 2023-10-01 and as it is now
    Given the Front commun units "CSN" and "APTS" with agreements expiring 2023-03-31
    And a cluster "Front commun 2023" formed on 2022-09-15 that admitted them that day
    And their tables opened on 2022-10-28 and settled agreements from 2023-04-01 to 2028-03-31, ratified on 2024-02-01
    When I read the cluster as it was on 2023-10-01
    Then the cluster was formed on 2022-09-15
    And the Expiry Map on 2023-10-01 shows "CSN, APTS" working past their expiry of 2023-03-31
    And the Expiry Map now shows "CSN, APTS" under agreements expiring 2028-03-31

  Scenario: A fact back-filled in 2026 about 2022 reads differently on its day and at a moment
    Given the Front commun units "CSN" and "APTS" with agreements expiring 2023-03-31
    And a cluster "Front commun 2023" formed on 2022-09-15 that admitted "CSN" that day
    And a moment passed
    When the admission of "APTS" on 2022-09-20 is recorded today
    Then as it was on 2022-10-01 the cluster's members are "CSN, APTS"
    And as it was known at the moment before, its members are "CSN"
    And as it was on 2022-09-16, its members are "CSN"
    And its history shows the admission of "APTS" happened on 2022-09-20

  Scenario: An agreement's effective date corrected after the fact reads corrected on every day
    Given the unit "CSN" with an agreement from 2020-04-01 to 2023-03-31
    And its next agreement, to 2028-03-31, recorded from a notice as effective 2024-04-01 by mistake
    When the steward corrects that agreement's effective date to 2023-04-01
    Then read as it was on 2023-10-01, "CSN" worked under its agreement from 2023-04-01 to 2028-03-31
    And the Expiry Map on 2023-10-01 shows "CSN" under its agreement expiring 2028-03-31
    And read as it was on 2023-03-15, "CSN" worked under its agreement from 2020-04-01 to 2023-03-31
    And its history keeps the agreement as first recorded, then its correction

  Scenario: An agreement corrected to take effect later was not in effect before
    Given the unit "CSN" with an agreement from 2020-04-01 to 2023-03-31
    And its next agreement, to 2028-03-31, recorded from a notice as effective 2023-04-01 by mistake
    When the steward corrects that agreement's effective date to 2024-04-01
    Then read as it was on 2023-10-01, "CSN" worked under its agreement from 2020-04-01 to 2023-03-31
    And the Expiry Map on 2023-10-01 shows "CSN" working past its expiry of 2023-03-31
    And read as it was on 2024-04-01, "CSN" worked under its agreement from 2024-04-01 to 2028-03-31
