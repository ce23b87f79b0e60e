Feature: Registering bargaining units
  So that every local can see who bargains where, each bargaining unit is on record once, under
  its union, local, employer and unit name. Case and extra spaces in those names do not make a
  different unit. Every change says who made it; a change that does not is refused, and a
  refused change records nothing.

  Background:
    Given I am "org-1", acting as "data steward"

  Scenario: Registering a unit records who the workers are and where they work
    When I register this unit:
      | union | local | employer        | unit name      | sector    | region | city    | workers | industry code |
      | CUPE  | 79    | City of Toronto | inside workers | municipal | ON     | Toronto | 20000   | 9111          |
    Then the unit "CUPE 79, City of Toronto (inside workers)" is on record with:
      | union         | CUPE            |
      | local         | 79              |
      | employer      | City of Toronto |
      | unit name     | inside workers  |
      | sector        | municipal       |
      | region        | ON              |
      | city          | Toronto         |
      | workers       | 20000           |
      | industry code | 9111            |
    And the unit's history reads: registered
    And every entry of the unit's history was made by "org-1" acting as "data steward"
    And the Expiry Map lists the unit with 20000 workers and no agreement yet

  Scenario: Extra spaces in the names are tidied away
    When I register this unit:
      | union | local | employer             | unit name         | workers |
      | CUPE  | 79    | City   of    Toronto | inside    workers | 20000   |
    Then the unit "CUPE 79, City of Toronto (inside workers)" is on record with:
      | employer  | City of Toronto |
      | unit name | inside workers  |

  Scenario Outline: The same unit cannot be registered twice, whatever the case or spacing
    Given this unit is registered:
      | union | local | employer        | unit name      | workers |
      | CUPE  | 79    | City of Toronto | inside workers | 20000   |
    When I register this unit:
      | union   | local   | employer   | unit name   | workers |
      | <union> | <local> | <employer> | <unit name> | 25000   |
    Then it is refused as already registered
    And the refusal says "CUPE 79, City of Toronto (inside workers) is already registered"
    And nothing new is recorded
    And the unit "CUPE 79, City of Toronto (inside workers)" is on record with:
      | workers | 20000 |
    And the unit's history reads: registered

    Examples:
      | union | local | employer            | unit name          |
      | CUPE  | 79    | City of Toronto     | inside workers     |
      | cupe  | 79    | CITY OF TORONTO     | Inside Workers     |
      | Cupe  | 79    | city  of    toronto | INSIDE    workers  |

  Scenario: Units that differ in their local or unit name are different units
    Given this unit is registered:
      | union | local | employer        | unit name      | workers |
      | CUPE  | 79    | City of Toronto | inside workers | 20000   |
    When I register this unit:
      | union | local | employer        | unit name       | workers |
      | CUPE  | 416   | City of Toronto | outside workers | 5000    |
    Then the unit "CUPE 416, City of Toronto (outside workers)" is on record with:
      | workers | 5000 |
    And the Expiry Map lists 2 units

  Scenario: Finding a unit by its names, whatever their case and spacing
    Given these units are registered:
      | union | local | employer        | unit name       | workers |
      | CUPE  | 79    | City of Toronto | inside workers  | 20000   |
      | CUPE  | 416   | City of Toronto | outside workers | 5000    |
    When I look for union "cupe", local "416", employer "CITY OF  TORONTO" and unit "Outside Workers"
    Then I find "CUPE 416, City of Toronto (outside workers)" with 5000 workers

  Scenario: Looking for a unit that is not on record says so
    Given this unit is registered:
      | union | local | employer        | unit name      | workers |
      | CUPE  | 79    | City of Toronto | inside workers | 20000   |
    When I look for union "CUPE", local "4400", employer "City of Toronto" and unit "inside workers"
    Then it is refused as not found
    And the refusal says "no bargaining unit is registered for CUPE 4400, City of Toronto (inside workers)"

  Scenario: A registration that does not say who made it is refused and records nothing
    Given I have not said who I am
    When I register this unit:
      | union | local | employer        | unit name      | workers |
      | CUPE  | 79    | City of Toronto | inside workers | 20000   |
    Then it is refused for not saying who made the change
    And the refusal says "every change must name an actor (an id and a role); none was given"
    And nothing new is recorded
    And no unit "CUPE 79, City of Toronto (inside workers)" is on record

  Scenario Outline: A change to a unit that does not say who made it is refused and records nothing
    Given this unit is registered:
      | union | local | employer        | unit name      | sector    | workers |
      | CUPE  | 79    | City of Toronto | inside workers | municipal | 20000   |
    And I have not said who I am
    When I <change>
    Then it is refused for not saying who made the change
    And nothing new is recorded
    And the unit's history reads: registered
    And the unit "CUPE 79, City of Toronto (inside workers)" is on record with:
      | sector  | municipal |
      | workers | 20000     |

    Examples:
      | change                                                                 |
      | change the unit's workers to "21000"                                   |
      | change the unit's sector to "health"                                   |
      | record an agreement effective 2022-01-01 expiring 2025-12-31           |

  Scenario Outline: A unit needs a union, an employer and a unit name
    When I register this unit:
      | union   | local | employer   | unit name   | workers |
      | <union> | 79    | <employer> | <unit name> | 20000   |
    Then it is refused as invalid
    And the refusal says the unit needs <missing>
    And nothing new is recorded

    Examples:
      | union | employer        | unit name      | missing     |
      | CUPE  |                 | inside workers | an employer |
      |       | City of Toronto | inside workers | a union     |
      | CUPE  | City of Toronto |                | a unit name |

  Scenario: An employer made only of spaces is a blank employer
    When I register union "CUPE", local "79", employer "   " and unit "inside workers"
    Then it is refused as invalid
    And the refusal says the unit needs an employer
    And nothing new is recorded

  Scenario Outline: A unit's names and profile fields are at most 200 characters
    When I register a unit whose <field> is <length> characters long
    Then it is refused as invalid
    And the refusal says "the <field> is <length> characters long; a unit's names and profile fields are at most 200"
    And nothing new is recorded
    And no unit "CUPE 79, City of Toronto (inside workers)" is on record

    Examples:
      | field     | length |
      | employer  | 201    |
      | unit name | 1,000  |
      | sector    | 5,000  |
      | region    | 201    |

  Scenario: A name of exactly 200 characters is accepted
    When I register a unit whose sector is 200 characters long
    Then the Expiry Map lists the unit with 20000 workers and no agreement yet

  Scenario: A unit cannot have a negative number of workers
    When I register this unit:
      | union | local | employer        | unit name      | workers |
      | CUPE  | 79    | City of Toronto | inside workers | -5      |
    Then it is refused as breaking a rule
    And the refusal says "headcount cannot be negative (-5)"
    And nothing new is recorded
    And no unit "CUPE 79, City of Toronto (inside workers)" is on record

  Scenario: A unit's workers cannot be changed to a negative number
    Given this unit is registered:
      | union | local | employer        | unit name      | workers |
      | CUPE  | 79    | City of Toronto | inside workers | 20000   |
    When I change the unit's workers to "-1"
    Then it is refused as breaking a rule
    And the refusal says "headcount cannot be negative (-1)"
    And nothing new is recorded
    And the unit's history reads: registered
