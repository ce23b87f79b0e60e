Feature: Defending public services as one connected fight
  A threat to public services (privatization, contracting out, cuts, a closure, a law) is a
  fact, registered with its day and source against the sectors, regions, employers or
  services it hits. The units it hits are found on the Expiry Map, with their workers and when
  they bargain: a threat that lands while a cluster's agreements are open is a lever. When a
  threat is registered, the rapid response proposes a response for every local it hits, from
  the template that answers it, and says why; launching a response makes a campaign with the
  template's actions planned on real dates, once. Referendums, petitions, town halls,
  demonstrations, boycott calls and legal complaints are recorded with their counts. Counts of
  workers marked illustrative are examples; the others are public figures.

  Scenario: Ontario's Bill 60 (2023): hospital locals answered from the "privatization" template
    Given these units (illustrative workers):
      | union | local | employer        | unit                     | sector    | region | workers | expiry     |
      | OPSEU | 294   | Niagara Health  | Hospital professionals   | hospitals | ON     | 900     | 2024-03-31 |
      | CUPE  | 1999  | Niagara Health  | Hospital service workers | hospitals | ON     | 1200    | 2024-03-31 |
      | CUPE  | 79    | City of Toronto | Inside workers           | municipal | ON     | 20000   | 2025-12-31 |
    And the template "privatization" answers privatization threats with these actions:
      | action    | rung               | days after launch |
      | town hall | organizing meeting | 7                 |
      | petition  | majority petition  | 21                |
    When the privatization threat "Bill 60, Your Health Act, 2023" of 2023-02-21 is registered against the sector "hospitals" in "ON", driven by "Ontario Ministry of Health"
    Then responses from template "privatization" version 1 are proposed for "CUPE 1999, OPSEU 294"
    And the threat hits 2 units with 2,100 workers
    When the referendum "Ontario Health Coalition referendum" is recorded against the threat with 386068 ballots: 378726 no, 7001 yes, 341 spoiled, as of 2023-05-30
    Then the referendum reads "No: 378,726 of 385,727 valid ballots (98.2%); 341 spoiled, 386,068 cast"
    When the threat is recorded as passed on 2023-05-18
    And the response at "OPSEU 294" is launched on 2023-06-01
    Then its campaign plans "town hall" on 2023-06-08 and "petition" on 2023-06-22
    And the response's time from threat to actions planned is recorded
    When the response at "OPSEU 294" is launched again on 2023-06-02
    Then it is refused as "already launched" and nothing new is recorded

  Scenario: Amazon closes its seven Quebec facilities months after DXT4 unionized
    Given these units (illustrative workers except DXT4's, about 230):
      | union | local | employer      | unit             | sector      | region | workers | expiry |
      | CSN   | DXT4  | Amazon        | Laval warehouse  | warehousing | QC     | 230     |        |
      | CSN   | 1500  | Metro         | Laval warehouse  | warehousing | QC     | 400     | 2026-12-31 |
    And the template "closures" answers closure threats with these actions:
      | action          | rung               | days after launch |
      | members meeting | organizing meeting | 1                 |
    When the closure threat "Amazon closes its seven Quebec facilities (about 1,700 permanent and 250 temporary jobs)" of 2025-01-22 is registered against the employer "Amazon" in "QC", driven by "Amazon"
    Then responses from template "closures" version 1 are proposed for "CSN DXT4"
    And the threat hits 1 unit with 230 workers
    When the response at "CSN DXT4" is launched on 2025-01-23
    And the response records the boycott call "Boycott Amazon" of 2025-02-04
    And the response records the demonstration "Demonstration against the closures" of 2025-02-15
    And the response records the legal complaint "Complaint against the closures" of 2025-02-20 before "Tribunal administratif du travail"
    Then the response's public actions read, in date order:
      | on         | kind            | name                               |
      | 2025-02-04 | boycott call    | Boycott Amazon                     |
      | 2025-02-15 | demonstration   | Demonstration against the closures |
      | 2025-02-20 | legal complaint | Complaint against the closures     |

  Scenario: Quebec's May 2024 construction law lands while the 2025 agreements come up for bargaining
    Given these units (illustrative workers):
      | union              | local           | employer                 | unit                          | sector       | region | workers | expiry     |
      | Alliance syndicale | residential     | APCHQ                    | Residential sector            | construction | QC     | 40000   | 2025-04-30 |
      | Alliance syndicale | civil           | ACRGTQ                   | Civil engineering and roads   | construction | QC     | 30000   | 2025-04-30 |
      | Alliance syndicale | industrial      | ACQ                      | Industrial sector             | construction | QC     | 20000   | 2025-04-30 |
      | Alliance syndicale | institutional   | ACQ                      | Institutional and commercial  | construction | QC     | 90000   | 2025-04-30 |
      | LIUNA              | 183             | Toronto general contractors | Labourers                  | construction | ON     | 5000    | 2025-04-30 |
    And the cluster "Quebec construction 2025" of the Quebec units, expiring 2025-04-30
    And the host's calendar opens bargaining in "QC" 365 days before expiry (illustrative)
    When the legislation threat "Bill 51, An Act to modernize the construction industry" of 2024-05-23 is registered against the sector "construction" in "QC", driven by "Quebec Ministry of Labour"
    Then the threat hits 4 units with 180,000 workers
    And the threat shows the cluster "Quebec construction 2025" open, with 4 of its 4 members hit open
    When the threat is recorded as passed on 2024-05-28
    Then the threat reads "passed 2024-05-28"

  Scenario: A threat's life is recorded whatever its dates; dates out of order are flagged
    Given these units (illustrative workers):
      | union | local | employer       | unit                   | sector    | region | workers | expiry     |
      | OPSEU | 294   | Niagara Health | Hospital professionals | hospitals | ON     | 900     | 2024-03-31 |
    When the privatization threat "Bill 60, Your Health Act, 2023" of 2023-02-21 is registered against the sector "hospitals" in "ON", driven by "Ontario Ministry of Health"
    And the threat is recorded as passed on 2023-05-18
    And the threat is recorded as implemented on 2023-05-01
    Then the threat's last act is flagged: "implemented on 2023-05-01, before it was passed on 2023-05-18"

  Scenario: The same playbook across sectors is one connected fight
    When these threats are registered, driven by "Ministry of Municipal Affairs" (illustrative):
      | kind            | name                       | sector          |
      | contracting out | Transit contracted out     | municipal       |
      | contracting out | Home care contracted out   | long-term care  |
      | contracting out | Custodians contracted out  | education       |
      | contracting out | Shelter staff contracted out | social services |
    Then the connected fight shows "Ministry of Municipal Affairs" hitting "municipal, long-term care, education, social services"
