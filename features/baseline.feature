Feature: The contract in force is the baseline an offer is judged against
  Members defend what they already have: "protect the language that keeps workers safe",
  "defend past gains". An agreement holds its terms and its clauses (contracting-out language,
  staffing ratios, job security); an offer or tentative agreement to replace it is judged term by
  term and clause by clause against it, and a clause or a term it weakens or drops is a
  concession, whatever the framework's floors say. A clause the offer does not name carries
  over, as a renewed agreement keeps the language it does not change.

  Background:
    # The unit, the yearly split and the 3% floor are illustrative; 4.1 hours of direct care per
    # resident day is the kind of staffing standard long-term care agreements and laws now set.
    Given a long-term care unit whose agreement in force runs from 2022-04-01 to 2025-03-31
    And that agreement gives wages of 2% a year, a contracting-out clause and a staffing ratio of 4.1 hours of care per resident day
    And the coalition's framework asks for wages of at least 3% a year (target 4%)

  Scenario: An offer that keeps every wage floor but drops the contracting-out clause is a concession on that clause
    When the employer offers 3.5% a year for 3 years without the contracting-out clause
    Then the offer meets the framework's floors
    But against the agreement in force the offer is a concession on "contracting-out" only
    And the "contracting-out" line says "drops the contracting-out clause of the agreement in force"

  Scenario: An offer that weakens the staffing ratio is a concession on it
    When the employer offers 3.5% a year for 3 years and 3.5 hours of care per resident day
    Then the offer meets the framework's floors
    But against the agreement in force the offer is a concession on "staffing ratio" only
    And the "staffing ratio" line says "weakens the staffing ratio clause of the agreement in force from 4.1 to 3.5 hours of care per resident day"

  Scenario: An offer that keeps the clauses and raises wages more concedes nothing
    When the employer offers 3.5% a year for 3 years
    Then against the agreement in force the offer is no concession
    And the "contracting-out" line says "carries over the contracting-out clause of the agreement in force"
    And the "wages" line says "improves wages: 3.5% a year against 2% a year under the agreement in force"

  Scenario: A clause kept for incumbents but not for new hires is a concession for them
    When the employer offers 3.5% a year for 3 years and the contracting-out clause only for workers hired before 2025-04-01
    Then against the agreement in force the offer is a concession on "contracting-out" only
    And the "contracting-out" line says "for workers hired from 2025-04-01 (two-tier)"

  Scenario: A gain won in one round is still defended in the next
    # A renewed agreement keeps what it does not change: a round that says nothing on
    # progression leaves the 3 years the members won, and the round after must defend them.
    Given that agreement brings workers to the top rate in 3 years
    And members ratify a tentative agreement of 3.5% a year from 2025-04-01 to 2028-03-31 that says nothing on progression
    When the employer's next offer is 3.5% a year and 8 years to the top rate
    Then against the agreement in force the offer is a concession on "progression" only
    And the "progression" line says "weakens progression from 3 to 8 years to the top rate"
    And the "contracting-out" line says "carries over the contracting-out clause of the agreement in force"

  Scenario Outline: What a sectoral table settles reaches the unit's agreement, whichever table ratifies first
    # As in the Front commun, a unit bargains wages and the term at a central table and what is
    # particular to its sector at a sectoral one; its agreement is all of what they settled.
    Given the unit sits at a central table bargaining wages and the term, and a sectoral table bargaining staffing
    And the sectoral table agrees to 3.5 hours of care per resident day
    And the central table agrees to 3.5% a year from 2025-04-01 to 2028-03-31
    When members ratify at the <first> table, then at the <second> table
    Then the unit's agreement runs from 2025-04-01 to 2028-03-31 with a staffing ratio of 3.5 hours of care per resident day
    And that agreement still has the contracting-out clause

    Examples:
      | first    | second   |
      | sectoral | central  |
      | central  | sectoral |
