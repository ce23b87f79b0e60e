Feature: Union elections counted in the open
  An election is one office's, under its rules: the body voting, the majority a candidate
  needs, and a runoff between the two leaders when no one gets it. Candidates are people, so
  the record names each by an opaque id the host gives, with the slate they run on and the
  caucuses that back them; never by name. Returns come in per ballot box or region, with the
  ballots received, the votes for each candidate, the challenged and the spoiled; a return
  that does not add up is refused and nothing is recorded. Challenged ballots are resolved
  (counted for a candidate, or rejected) as the count goes on. The result is declared only
  when the lead exceeds the challenged ballots left and the majority holds whatever they turn
  out to be; history shows the count as it stood at each step.

  UAW's first direct election of its president, the 2023 runoff. Public figures: 141,548
  ballots received; the count at 50.2% to 49.8% with 1,608 ballots challenged and a lead of
  645; the lead at 505 as challenges were resolved; the declaration on March 25, 2023 with a
  lead of 483, more than the challenged ballots then left; the final count of 69,459 to
  68,982. Derived (consistent with them, not published in this form): the split of the
  returns over three groups of regions, the spoiled ballots (2,899 in all), each batch of
  resolved challenges and the 186 challenged ballots left at the declaration.

  Background:
    Given the members' election of the President, where a candidate needs more than 50% of valid votes
    And the rank-and-file caucus "Unite All Workers for Democracy"
    And candidate "MU-1" is nominated on the "Members United" slate, backed by the caucus
    And candidate "CS-1" is nominated on the "Curry Solidarity" slate

  Scenario: The 2023 runoff: the lead moves from 645 to 505 to 483, and the result is declared
    When the returns come in:
      | box                   | counted on | ballots | MU-1   | CS-1   | challenged | spoiled |
      | Regions 1, 1A and 1D  | 2023-03-01 | 50,700  | 24,800 | 24,300 | 600        | 1,000   |
      | Regions 2B, 4 and 8   | 2023-03-02 | 46,500  | 22,900 | 22,200 | 500        | 900     |
      | Regions 9, 9A and CAP | 2023-03-03 | 44,348  | 21,143 | 21,698 | 508        | 999     |
    Then 141,548 ballots are received and the count stands at MU-1 50.2% to CS-1 49.8%, a lead of 645 with 1,608 challenged left
    And declaring "MU-1" elected on 2023-03-03 is refused: "the lead of 645 does not exceed the 1,608 challenged ballots left"
    When challenges are resolved on 2023-03-14: 400 counted for MU-1, 540 for CS-1 and 100 rejected
    Then the count stands at a lead of 505 with 568 challenged left
    When challenges are resolved on 2023-03-24: 150 counted for MU-1, 172 for CS-1 and 60 rejected
    Then the count stands at a lead of 483 with 186 challenged left
    When the monitor declares "MU-1" elected on 2023-03-25
    Then "MU-1" of the "Members United" slate, backed by "Unite All Workers for Democracy", is elected with a lead of 483 over 186 challenged ballots left
    When challenges are resolved on 2023-03-31: 66 counted for MU-1, 72 for CS-1 and 48 rejected
    Then the count stands at MU-1 69,459 to CS-1 68,982, a lead of 477 with 0 challenged left
    And the count as it stood on 2023-03-14 was a lead of 505 with 568 challenged left
    And the count as it stood on 2023-03-02 was a lead of 1,200 with 1,100 challenged left
    And the history of the election reads, in order:
      | summary                                                                         |
      | Election for President opened by the election monitor                          |
      | Candidate MU-1 nominated on the Members United slate                            |
      | Candidate CS-1 nominated on the Curry Solidarity slate                          |
      | Return from Regions 1, 1A and 1D counted on 2023-03-01                          |
      | Return from Regions 2B, 4 and 8 counted on 2023-03-02                           |
      | the count stands at MU-1 68,843 (50.2%), CS-1 68,198 (49.8%); lead 645; 1,608 challenged left |
      | 1,040 challenged ballots resolved on 2023-03-14                                 |
      | 382 challenged ballots resolved on 2023-03-24                                   |
      | Candidate MU-1 declared elected on 2023-03-25 by the election monitor, with a lead of 483 over 186 challenged ballots left |
      | 186 challenged ballots resolved on 2023-03-31                                   |

  Scenario: A return that does not add up is refused, and nothing is recorded
    When the return of "Region 9" is recorded with 1,000 ballots: 480 for MU-1, 470 for CS-1, 20 challenged and 20 spoiled
    Then it is refused: "the return from Region 9 does not add up: 1,000 ballots received, but 950 votes, 20 challenged and 20 spoiled make 990"
    And nothing new is recorded

  Scenario: Resolving more challenged ballots than are left is refused
    When the return of "Region 9" is recorded with 1,000 ballots: 480 for MU-1, 470 for CS-1, 30 challenged and 20 spoiled
    And challenges are resolved on 2023-03-14: 20 counted for MU-1, 11 for CS-1 and 0 rejected
    Then it is refused: "31 challenged ballots resolved, but only 30 are left to resolve"
    And nothing new is recorded

  Scenario: No one gets the majority: the rules call a runoff between the two leaders
    Given candidate "IND-1" is nominated on no slate
    When the return of "All regions" is recorded with 1,000 ballots: 450 for MU-1, 350 for CS-1 and 200 for IND-1
    Then declaring "MU-1" elected on 2023-03-10 is refused: "would not have more than 50% of valid votes"
    When the monitor calls the runoff on 2023-03-10
    Then the runoff for the President is between "MU-1" on the "Members United" slate and "CS-1" on the "Curry Solidarity" slate
