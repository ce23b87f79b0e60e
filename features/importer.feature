Feature: Importing bargaining notices from a spreadsheet
  Coalitions start from spreadsheets, such as the FMCS F-7 notices to bargain. Every good row is
  imported; every bad row is set aside with its line and the reason, in a corrections file that
  someone can fix; odd rows are imported with a warning to check them. Nothing is dropped
  silently: rows imported, rows unchanged and rows rejected add up to the rows read. Importing the
  same file again changes nothing. Line 1 of a file is its header, so the first row is line 2.

  Background:
    Given I am "importer", acting as "data steward"

  Scenario: Bad rows are reported by line and reason, and written to a corrections file
    Given an F-7 notices file with these rows:
      | line | notice_date | expiration_date | employer      | union    | unit_city | unit_state | industry_code | bargaining_unit_size |
      | 2    | 2003-09-30  | 2004-01-31      | GOOD EMPLOYER | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
      | 3    | 2003-09-30  |                 | NO EXPIRY     | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
      | 4    | 2003-09-30  | 00:00:00        | BAD EXPIRY    | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
      | 5    | 2003-09-30  | 2004-02-30      | NO SUCH DAY   | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
      | 6    | 2003-09-30  | 31/01/2004      | DAY FIRST     | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
      | 7    | 2003-09-30  | 2004-01-31      | NEGATIVE      | SEIU - 1 | CHICAGO   | IL         | J             | -4                   |
      | 8    | 2003-09-30  | 2004-01-31      |               | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
      | 9    | 2003-09-30  | 2004-01-31      | NO UNION      |          | CHICAGO   | IL         | J             | 10                   |
      | 10   | 2003-09-30  | 2004-01-31      | WORDY         | SEIU - 1 | CHICAGO   | IL         | J             | ten                  |
      | 11   | 2003-10-01  | 2004-03-31      | OTHER GOOD    | IBT - 7  | DENVER    | CO         | T             | 25                   |
    When I import the file
    Then these rows are set aside for correction, with reasons beginning:
      | line | reason                                  |
      | 3    | expiry date is blank                    |
      | 4    | expiry date '00:00:00' is not a date    |
      | 5    | expiry date '2004-02-30' is not a date  |
      | 6    | expiry date '31/01/2004' is not a date  |
      | 7    | unit size -4 is negative                |
      | 8    | employer is missing                     |
      | 9    | union is missing                        |
      | 10   | unit size 'ten' is not a whole number   |
    And the corrections file lists those lines with their reasons and the rows as they were filed
    And 2 rows are imported, 0 unchanged and 8 rejected of 10 rows read
    And the Expiry Map lists 2 units

  Scenario: Odd rows are imported, with a warning to check them
    Given an F-7 notices file with these rows:
      | line | notice_date | expiration_date | employer    | union      | unit_city | unit_state | industry_code | bargaining_unit_size |
      | 2    | 2003-09-30  | 2004-01-31      | ACME FOODS  | UFCW - 7   | DENVER    | CO         | G             | 50                   |
      | 3    | 2003-10-15  | 2004-03-31      | BIG BOX     | UFCW - 7   | DENVER    | CO         | G             | 80                   |
      | 4    | 2003-11-01  | 2004-06-30      | CITY BAKERY | BCTGM - 26 | DENVER    | CO         | G             | 25                   |
      | 5    | 2003-09-30  | 2003-05-15      | LATE NOTICE | IBT - 7    | DENVER    | CO         | T             | 5                    |
      | 6    | 2003-09-30  | 2049-05-15      | FAR AWAY    | IBT - 7    | DENVER    | CO         | T             | 5                    |
      | 7    | 2003-09-30  | 2014-01-31      | TEN YEARS   | IBT - 7    | DENVER    | CO         | T             | 5                    |
      | 8    | 2003-09-30  | 2013-12-31      | NINE YEARS  | IBT - 7    | DENVER    | CO         | T             | 5                    |
    When I import the file
    Then 7 rows are imported, 0 unchanged and 0 rejected of 7 rows read
    And the import warns about these rows:
      | line | warning                                                          |
      | 5    | expiry 2003-05-15 is before the notice date 2003-09-30           |
      | 6    | expiry 2049-05-15 is 45 years from the file's typical year 2004  |
      | 7    | expiry 2014-01-31 is 10 years from the file's typical year 2004  |
    And the Expiry Map shows these employers expiring:
      | employer    | expiry     |
      | LATE NOTICE | 2003-05-15 |
      | ACME FOODS  | 2004-01-31 |
      | BIG BOX     | 2004-03-31 |
      | CITY BAKERY | 2004-06-30 |
      | NINE YEARS  | 2013-12-31 |
      | TEN YEARS   | 2014-01-31 |
      | FAR AWAY    | 2049-05-15 |

  Scenario: Every row is accounted for: imported, unchanged or rejected
    Given an F-7 notices file with these rows:
      | line | notice_date | expiration_date | employer      | union    | unit_city | unit_state | industry_code | bargaining_unit_size |
      | 2    | 2003-09-30  | 2004-01-31      | GOOD EMPLOYER | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
      | 3    | 2003-09-30  | 2004-01-31      | Good  Employer| seiu - 1 | Chicago   | IL         | J             | 10                   |
      | 4    | 2004-03-01  | 2006-06-30      | GOOD EMPLOYER | SEIU - 1 | CHICAGO   | IL         | J             | 12                   |
      | 5    | 2003-09-30  |                 | GOOD EMPLOYER | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
    When I import the file
    Then 2 rows are imported, 1 unchanged and 1 rejected of 4 rows read
    And the unit "SEIU 1, GOOD EMPLOYER (CHICAGO, IL)" has agreements expiring 2004-01-31 and 2006-06-30
    And the unit "SEIU 1, GOOD EMPLOYER (CHICAGO, IL)" is on record with:
      | workers | 10 |

  Scenario: Importing the same file twice changes nothing the second time
    Given an F-7 notices file with these rows:
      | line | notice_date | expiration_date | employer      | union    | unit_city | unit_state | industry_code | bargaining_unit_size |
      | 2    | 2003-09-30  | 2004-01-31      | GOOD EMPLOYER | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
      | 3    | 2004-03-01  | 2006-06-30      | GOOD EMPLOYER | SEIU - 1 | CHICAGO   | IL         | J             | 12                   |
      | 4    | 2003-10-01  | 2004-03-31      | OTHER GOOD    | IBT - 7  | DENVER    | CO         | T             | 25                   |
      | 5    | 2003-09-30  | 00:00:00        | BAD EXPIRY    | SEIU - 1 | CHICAGO   | IL         | J             | 10                   |
    When I import the file
    And I import the same file again
    Then the first import recorded 5 entries
    And the second import recorded nothing new
    And the second import finds 0 rows to import, 3 unchanged and 1 rejected of 4 rows read

  Scenario Outline: The F-7 union column holds the union and its local
    Given an F-7 notices file with these rows:
      | line | notice_date | expiration_date | employer                                  | union      | unit_city | unit_state | industry_code | bargaining_unit_size |
      | 2    | 2003-09-30  | 2003-11-20      | AIRCRAFT SERVICES INTERNATIONAL GROUP INC | <filed as> | TAMPA     | FL         | J             | 9                    |
    When I import the file
    Then I find union "<union>", local "<local>", employer "Aircraft Services International Group Inc" and unit "Tampa, FL" with 9 workers
    And the Expiry Map lists union "<union>", local "<local>" expiring 2003-11-20

    Examples:
      | filed as                    | union | local                |
      | IAM - 570 DISTRICT 166      | IAM   | 570 DISTRICT 166     |
      | PACE - 3-0361 EIGHT MILE AL | PACE  | 3-0361 EIGHT MILE AL |
      | MANA -                      | MANA  |                      |
      | UAW                         | UAW   |                      |

  Scenario: A coalition's own spreadsheet, with its own column names
    Given our spreadsheet names its columns like this:
      | what           | column  |
      | union          | Union   |
      | local          | Local   |
      | employer       | Boss    |
      | unit name      | Unit    |
      | sector         | Sector  |
      | workers        | Members |
      | effective date | Start   |
      | expiry date    | End     |
    And the spreadsheet has these rows:
      | line | Union | Local | Boss            | Unit              | Sector    | Members | Start      | End        |
      | 2    | CUPE  | 79    | City of Toronto | inside workers    | municipal | 20000   | 2020-01-01 | 2023-12-31 |
      | 3    | CUPE  | 79    | City of Toronto | inside workers    | municipal | 20000   | 2022-01-01 | 2025-12-31 |
      | 4    | CUPE  | 79    | City of Toronto | inside workers    | municipal | 20000   | 2024-01-01 | 2023-06-30 |
      | 5    | CUPE  | 79    | City of Toronto | inside workers    | municipal | 20000   | 2024-01-01 | 2027-12-31 |
      | 6    |       | 4400  | TDSB            | education workers | education | 12000   | 2022-09-01 | 2026-08-31 |
    When I import the file
    Then these rows are set aside for correction, with reasons beginning:
      | line | reason                                                                                                                                    |
      | 3    | CUPE 79, City of Toronto (inside workers): the agreement 2022-01-01 to 2025-12-31 overlaps the agreement 2020-01-01 to 2023-12-31 already recorded |
      | 4    | an agreement must expire after it takes effect: effective 2024-01-01, expiry 2023-06-30                                                  |
      | 6    | union is missing                                                                                                                          |
    And 2 rows are imported, 0 unchanged and 3 rejected of 5 rows read
    And the unit "CUPE 79, City of Toronto (inside workers)" has these agreements:
      | effective  | expiry     |
      | 2020-01-01 | 2023-12-31 |
      | 2024-01-01 | 2027-12-31 |

  Scenario: Importing the real F-7 sample of fiscal 2004
    When I import the FMCS F-7 sample of fiscal 2004
    Then 6000 rows are read
    And 622 rows are set aside for correction, each for a blank or malformed expiry date
    And rows imported, unchanged and rejected add up to the rows read
    And the corrections file holds 622 rows
    And the Expiry Map lists one unit for every unit the import registered
