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
