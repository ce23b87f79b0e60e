Feature: Retention: people inactive for three years are erased, and the run is recorded
  A coalition promises workers it will not keep what it knows about them forever. The host
  runs a retention policy (here: erase people inactive for three years); a person is active
  while any record names them (a map, a test they led, an action they took part in, data
  recorded about them). Each run that erases anyone is recorded: the policy, how many and
  which opaque ids, never their data; a second run erases nothing new. Entering records is
  activity too: old facts entered today (an import of old records) keep their people active
  from today, for a run today; a run on a day before they were entered cannot know of them,
  and reads the facts' days.

  Illustrative: the workplace, the leaders' ids and days.

  Scenario: Leaders inactive for three years are erased
    Given the workplace DXT4 with leaders identified:
      | leader | identified | last took part |
      | w-1    | 2019-03-01 |                |
      | w-2    | 2019-03-01 | 2024-05-01     |
      | w-3    | 2025-01-10 |                |
    When the data steward runs the policy "erase people inactive for three years" on 2026-06-01 as a dry run
    Then it would erase "w-1" and has recorded nothing
    When the data steward runs the policy "erase people inactive for three years" on 2026-06-01
    Then "w-1" reads as "erased person" and "w-2" and "w-3" read as recorded
    And the run is recorded: "one person inactive for 1,095 days (last active before 2023-06-02) erased"
    When the data steward runs the policy "erase people inactive for three years" on 2026-06-01
    Then it erases nobody and nothing new is recorded

  Scenario: Old facts entered today keep their people for a run today, not for a run on an earlier day
    Given the workplace DXT4 with a leader "w-9" identified five years ago, entered today
    When the data steward runs the policy "erase people inactive for three years" today as a dry run
    Then it erases nobody and nothing new is recorded
    When the data steward runs the policy "erase people inactive for three years" today
    Then it erases nobody and nothing new is recorded
    When the data steward runs the policy "erase people inactive for three years" 30 days before today as a dry run
    Then it would erase "w-9" and has recorded nothing
    When the data steward runs the policy "erase people inactive for three years" 30 days before today
    Then "w-9" reads as "erased person"
