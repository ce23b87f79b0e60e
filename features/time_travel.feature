Feature: Time travel: the record as it stood at any version or moment
  Organizers ask "what did we know then?": who was in the cluster before the vote, what a
  unit's headcount was last spring. Any record can be read as of a version or a date-time,
  without changing anything.

  Background:
    Given a unit "CUPE 79" with 100 workers
    And its headcount changed to 120
    And a cluster "Toronto municipal 2027" that admitted "CUPE 79"
    And a moment later a second unit "CUPE 416" was admitted

  Scenario: A unit as of its first version
    When I look at "CUPE 79" as of version 1
    Then it has 100 workers
    And today it has 120 workers

  Scenario: A cluster as of a past moment
    When I look at the cluster as of the moment before "CUPE 416" was admitted
    Then its members are "CUPE 79"
    And today its members are "CUPE 79, CUPE 416"

  Scenario: Looking back records nothing
    When I look at the cluster as of the moment before "CUPE 416" was admitted
    Then nothing new is recorded

  Scenario: A moment without a time zone is refused
    When I look at "CUPE 79" as of "2026-11-23 09:00" with no time zone
    Then it is refused as invalid
    And the refusal mentions "has no time zone"

  Scenario: A record did not exist before it was created
    When I look at "CUPE 416" as of the moment before "CUPE 416" was admitted, before it existed
    Then it is refused, saying it "did not exist yet"
