Feature: The terms real offers use, judged so that a term's length cannot hide a small raise
  A wage demand says what its floor binds: the total over the term, the total over a stated
  period, the yearly average, or the real wage against the inflation series the host supplies.
  Every explanation gives the total and the yearly figure, and the change of real wages when an
  inflation series is given. Raises come on dates, as a percent or a flat amount against a base
  wage, indexed to inflation, or as the greater of two; a lump sum is paid once, outside the base.

  Scenario: A long term cannot hide a small raise
    Given a wage demand whose floor binds the yearly average: floor 3.3% a year, target 4% a year
    When the employer offers 1.6% a year for 10 years
    Then the wages verdict is "below floor"
    And the wages explanation says "compound to 17.2% over 10 years, 1.6% a year; floor 3.3% a year: 1.7 points a year below floor"
    When the employer offers 5% a year for 3 years
    Then the wages verdict is "meets target"
    And the wages explanation says "compound to 15.8% over 3 years, 5% a year"

  Scenario: Front commun 2023: 9% over five years and a $1,000 lump sum lose to projected inflation
    # The yearly split of the government's 9% and the yearly inflation figures are illustrative;
    # the 16.4% projected over the five years is public.
    Given a wage demand whose floor binds the real wage: floor 0% a year above inflation, target 2% a year above inflation
    And projected inflation of 4, 3.5, 3, 2.7 and 2.2 percent a year from 2023-04-01
    When the employer offers raises of 2, 2, 2, 1.5 and 1.5 percent each April 1 from 2023-04-01 to 2028-03-31 and a $1,000 lump sum
    Then the wages verdict is "below floor"
    And the wages explanation says "a $1,000 lump sum on 2023-04-01 (paid once, outside the base)"
    And the wages explanation says "9.3% over 5 years, 1.8% a year; against 16.4% projected inflation: real wages fall 6% (1.2% a year)"

  Scenario: Front commun 2023: the improved offer of October 29, 2023 is still below floor
    # The public figure is 10.3% over five years; the yearly split is illustrative.
    Given a wage demand whose floor binds the real wage: floor 0% a year above inflation, target 2% a year above inflation
    And projected inflation of 4, 3.5, 3, 2.7 and 2.2 percent a year from 2023-04-01
    When the employer offers raises of 3, 2.3, 1.7, 1.7 and 1.6 percent each April 1 from 2023-04-01 to 2028-03-31
    Then the wages verdict is "below floor"
    And the wages explanation says "10.7% over 5 years, 2.1% a year; against 16.4% projected inflation: real wages fall 4.8%"

  Scenario: Front commun 2023: the agreement in principle of December 28, 2023 keeps purchasing power
    # 6%, 2.8%, 2.5%, 2.5% and 2.5% to March 31, 2028: reported as about 17.4%, compounding to 17.3%.
    Given a wage demand whose floor binds the real wage: floor 0% a year above inflation, target 2% a year above inflation
    And projected inflation of 4, 3.5, 3, 2.7 and 2.2 percent a year from 2023-04-01
    When the employer offers raises of 6, 2.8, 2.5, 2.5 and 2.5 percent each April 1 from 2023-04-01 to 2028-03-31
    Then the wages verdict is "meets floor"
    And the wages explanation says "17.3% over 5 years, 3.3% a year; against 16.4% projected inflation: real wages rise 0.8%"

  Scenario: Front commun 2023: the greater of $100 a week or CPI + 2% is what the members asked
    # The base wage of $1,000 a week is illustrative.
    Given a wage demand whose floor binds the real wage: floor 0% a year above inflation, target 2% a year above inflation
    And projected inflation of 4, 3.5, 3, 2.7 and 2.2 percent a year from 2023-04-01
    When the employer offers the greater of $100 a week or CPI + 2% on 2023-04-01, then CPI + 3% and CPI + 4%, to 2026-03-31 on a base of $1,000 a week
    Then the wages verdict is "meets target"
    And the wages explanation says "the greater of $100 a week or CPI + 2% on 2023-04-01; CPI + 3% on 2024-04-01; CPI + 4% on 2025-04-01"

  Scenario: UAW 2023: raises on dates, a cost-of-living adjustment and a three-year progression, with a pension tier left
    # 25% in raises (11% on ratification, then 3%, 3%, 3% and 5% each September) to April 30,
    # 2028 is public; the September days, the yearly COLA and the inflation figures are illustrative.
    Given the UAW's demands: wages of at least 4% a year (target 8%), progression to the top rate in at most 3 years, a defined-benefit pension, and no two-tier
    And projected inflation of 3, 2.5, 2.5, 2.5 and 2.5 percent a year from 2023-11-20
    When the company offers 11% on ratification on 2023-11-20, 3% on 2024-09-23, 3% on 2025-09-22, 3% on 2026-09-21 and 5% on 2027-09-20 to 2028-04-30, with a cost-of-living adjustment, progression cut from 8 years to 3, and no defined-benefit pension for members hired after 2007
    # Each cost-of-living adjustment comes at the end of its year, so the raises earn a little
    # less than they compound to: just short of the 8% target.
    Then the wages verdict is "meets floor"
    And the wages explanation says "8.1% a year compounded, but 7.9% a year earned over the term"
    And the wages explanation says "11% on 2023-11-20"
    And the wages explanation says "a cost-of-living adjustment of 100% of inflation each year from 2023-11-20"
    And the progression verdict is "meets target"
    And the progression explanation says "progression to the top rate in 3 years (from 8)"
    And the pensions verdict is "below floor"
    And the pensions explanation says "two-tier by benefit plan: members hired after 2007 without a defined-benefit pension get less"
    And the two-tier verdict is "below floor"

  Scenario: Back-loaded raises cannot pass a yearly floor
    # The term-length trick in another form: a raise on the term's last day compounds to a
    # yearly figure, but workers earn nothing more for three years.
    Given a wage demand whose floor binds the yearly average: floor 3.3% a year, target 4% a year
    When the employer offers 12% on 2026-03-31, the last day of a term from 2023-04-01 to 2026-03-31
    Then the wages verdict is "below floor"
    And the wages explanation says "12% on 2026-03-31, the term's last day; 12% over 3 years, 3.8% a year compounded, but 0% a year earned over the term; floor 3.3% a year: 3.3 points a year below floor"
    When the employer offers 3.3% on 2023-04-01, 2024-04-01 and 2025-04-01, to 2026-03-31
    Then the wages verdict is "meets floor"
    When the employer offers 12% on 2023-04-01, to 2026-03-31
    Then the wages verdict is "meets floor"
    And the wages explanation says "12% over 3 years, 3.8% a year; floor 3.3% a year"

  Scenario: Yearly increases are judged against the inflation of the years they run
    # Yearly increases carry no dates: the host says the day they start.
    Given a wage demand whose floor binds the real wage: floor 0% a year above inflation, target 2% a year above inflation
    And projected inflation of 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 7, 7 and 7 percent a year from 2020-01-01
    When the employer offers 2% a year for 3 years starting on 2026-01-01
    Then the wages verdict is "below floor"
    And the wages explanation says "against 22.5% projected inflation: real wages fall 13.4%"
    When the employer offers 2% a year for 3 years with no start
    Then it is refused with "yearly increases carry no dates"

  Scenario: A tiered term is judged by its worse tier
    Given a wage demand whose floor binds the yearly average: floor 3.3% a year, target 4% a year
    When the employer offers 1% a year to incumbents and 5% a year to those hired from 2024-01-01, for 3 years
    Then the wages verdict is "below floor"
    And the wages explanation says "the worse tier: most workers"

  Scenario: A cost-of-living adjustment never cuts pay
    Given a wage demand whose floor binds the yearly average: floor 0% a year, target 2% a year
    And projected inflation of -1.5, -1.5 and -1.5 percent a year from 2023-04-01
    When the employer offers a cost-of-living adjustment from 2023-04-01 to 2026-03-31
    Then the wages verdict is "meets floor"
    And the wages explanation says "0% over 3 years, 0% a year"

  Scenario Outline: Bad terms are refused in the guide's words and nothing is judged
    When someone states <terms>
    Then it is refused with "<why>"

    Examples:
      | terms                                                      | why                                                   |
      | a raise on 2029-04-01 in a term to 2028-03-31              | falls outside the term 2023-04-01 to 2028-03-31       |
      | a raise of $100 a week with no base wage                   | needs the base wage it is judged against              |
      | an inflation series with no figure for the year 2025       | the inflation series has a gap                        |
      | an indexed raise judged with no inflation series           | is judged against an inflation series                 |
