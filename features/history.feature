Feature: History a person can read, and the audit log
  Members must be able to see who decided what, when and why. Every record (a unit, a framework,
  a cluster, a round, a campaign) shows its history as lines a person can read: what happened,
  who did it and in what role, why where a reason was given, when it was recorded and, when the
  fact happened on another day (a vote held last Tuesday, a count taken last month), that day
  too. The audit log lists the whole application's events, filtered and page by page, and
  exports to CSV and JSON Lines for the coalition's own records.

  Background:
    Given the unit "CUPE 79, City of Toronto (Outside workers)" whose agreement expires 2026-12-31
    And the cluster "Toronto municipal 2027" for expiries from 2026-06-01 to 2027-06-30, coordinated by the coordinating committee

  Scenario: A cluster's history says who admitted a unit, in one line
    When the coordinating committee admits "CUPE 79, City of Toronto (Outside workers)" to the cluster
    Then the cluster's history reads:
      | version | event        | role                   | summary                                                                                                                                                   |
      | 1       | Formed       | coordinating committee | Cluster 'Toronto municipal 2027' formed by the coordinating committee: municipal; expiries 2026-06-01 to 2027-06-30; target alignment 2027-12-31; committee of 1 |
      | 2       | UnitAdmitted | coordinating committee | CUPE 79, City of Toronto (Outside workers) admitted to cluster 'Toronto municipal 2027' by the coordinating committee: expiry 2026-12-31 inside window      |

  Scenario: An admission outside the window keeps its reason beside the summary
    Given the unit "CUPE 416, City of Toronto (Paramedics)" whose agreement expires 2028-03-31
    When the coordinating committee admits "CUPE 416, City of Toronto (Paramedics)" to the cluster because "one employer, one table"
    Then the cluster's last entry reads "CUPE 416, City of Toronto (Paramedics) admitted to cluster 'Toronto municipal 2027' by the coordinating committee: expiry 2028-03-31 outside the window, by override"
    And its reason is "one employer, one table"

  Scenario: A headcount counted last month shows the day it was counted and the day it was recorded
    When the data steward records 20500 workers at "CUPE 79, City of Toronto (Outside workers)" counted on 2026-01-05 because "dues list of December"
    Then the unit's last entry reads "CUPE 79, City of Toronto (Outside workers) now covers 20,500 workers, counted 2026-01-05, recorded by the data steward"
    And it happened on 2026-01-05 and was recorded today
    And its reason is "dues list of December"

  Scenario: The audit log shows what one person did, and what happened to one kind of record
    When the data steward records 20500 workers at "CUPE 79, City of Toronto (Outside workers)" counted on 2026-01-05 because "dues list of December"
    And the coordinating committee admits "CUPE 79, City of Toronto (Outside workers)" to the cluster
    Then the audit log of the data steward lists Registered, AgreementRecorded, HeadcountChanged
    And the audit log of the coordinating committee lists Formed, UnitAdmitted
    And the audit log of bargaining clusters lists Formed, UnitAdmitted
    And the audit log read 2 entries at a time lists Registered, AgreementRecorded, Formed, HeadcountChanged, UnitAdmitted

  Scenario: The audit log is exported to CSV and JSON Lines with the same stable columns
    When the coordinating committee admits "CUPE 79, City of Toronto (Outside workers)" to the cluster
    And the audit log is exported to CSV and to JSON Lines
    Then both files have the columns position, recorded_at, occurred_on, aggregate_kind, aggregate_id, version, event, actor_id, actor_role, reason, summary, data
    And both files hold the 4 entries of the audit log

  Scenario: The history of a record that is not kept is refused
    When someone asks for the history of a record that is not kept
    Then it is refused as not found
    And nothing new was recorded

  Scenario: A time range without a time zone is refused
    When someone asks for the audit log since 2026-01-01 09:00 without a time zone
    Then it is refused as invalid input, saying "must say its time zone"
    And nothing new was recorded
