namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// learner-123's scripted history (SOURCES.md §2.3): 4 enrolments (withdrawn long ago, completed with a pass 60 days ago, two running),
/// activity on most days of the last 180, topic completions on asOf−12 and asOf−10 and none since (velocity `slowing`), 2 events
/// and 5 minutes on each recent active day (engagement in the 40s), a current streak of 11 days holding 1 freeze, exactly 3 skill
/// gaps, 2 paths, DevLab practice and 4 help requests. Values that the profile does not pin come from the learner's own stream.
/// </summary>
public static class FixedLearnerScript
{
    private const int RecentItemMinute = 5;
    private const int PracticeEveryDays = 9;
    private static readonly int[] HelpOffsets = [-100, -75, -40, -25];

    public static void Simulate(LearnerSimulator simulator, LearnerPlan learner, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(rows);
        var world = simulator.World;
        var asOf = simulator.AsOf;
        var states = learner.Enrolments.Select(p => new EnrolmentState(p, world.Courses[p.Course])).ToList();
        var (withdrawn, completed, trainerCourse, supertesterCourse) = (states[0], states[1], states[2], states[3]);
        withdrawn.WithdrawOn = asOf.AddDays(FixedDemo.LearnerWithdrawnOn);

        // Scripted completion days per enrolment, in topic order.
        var completions = new List<DateOnly>[states.Count];
        completions[0] = [withdrawn.Plan.Start.AddDays(10), withdrawn.Plan.Start.AddDays(25)];
        var completedTopics = completed.Course.Topics.Count;
        var completedSpan = asOf.AddDays(FixedDemo.LearnerCompletedOn - 2).DayNumber - completed.Plan.Start.AddDays(5).DayNumber;
        completions[1] = Enumerable.Range(0, completedTopics)
            .Select(j => completed.Plan.Start.AddDays(5 + (completedSpan * j / Math.Max(1, completedTopics - 1)))).ToList();
        completions[2] = [asOf.AddDays(-40), asOf.AddDays(-25), .. FixedDemo.LearnerRecentCompletionOffsets.Select(o => asOf.AddDays(o))];
        completions[3] = [asOf.AddDays(-20)];

        var recentFrom = asOf.AddDays(-(FixedDemo.LearnerScriptedDays - 1));
        var quiet = FixedDemo.LearnerQuietOffsets.Select(o => asOf.AddDays(o)).ToHashSet();
        var first = states.Min(s => s.Plan.Start);
        var open = new List<EnrolmentState>(states.Count);
        for (var day = first; day <= asOf; day = day.AddDays(1))
        {
            open.Clear();
            open.AddRange(states.Where(s => day >= s.Plan.Start && day <= s.LastDay(asOf)));
            if (open.Count > 0 && HelpOffsets.Contains(day.DayNumber - asOf.DayNumber))
            {
                rows.HelpRequests.Add(new HelpRequestRow(
                    $"hr-{learner.IdStem}-{rows.HelpRequests.Count + 1}", learner.Id, open[^1].Course.Id, DemoTime.Between(day, 9, 18, ref random)));
            }

            if (open.Count == 0 || quiet.Contains(day))
            {
                continue;
            }

            var recent = day >= recentFrom;
            int minutes;
            if (recent)
            {
                var item = trainerCourse.Course.Topics[Math.Min(trainerCourse.TopicsDone, trainerCourse.Course.Topics.Count - 1)].FirstItem;
                rows.ActivityDays.Add(new ActivityDayRow(
                    learner.Id, trainerCourse.Course.Id, trainerCourse.Course.Items[item].Id, day, FixedDemo.LearnerRecentEvents, FixedDemo.LearnerRecentMinutes));
                trainerCourse.ActiveDays++;
                minutes = FixedDemo.LearnerRecentMinutes;
            }
            else if (day.DayOfWeek == DayOfWeek.Sunday)
            {
                continue;
            }
            else
            {
                var state = open[day.DayNumber % open.Count];
                var events = 1 + random.NegativeBinomial(LatentModel.EventsMean, LatentModel.EventsDispersion);
                minutes = (int)Math.Clamp(Math.Round(random.LogNormal(LatentModel.MinutesMedian, LatentModel.MinutesSigma)), RecentItemMinute, 180);
                simulator.EmitActivity(learner, state, day, events, minutes, random.NextInt(1, 3), rows, ref random, completeTopics: false);
            }

            for (var k = 0; k < states.Count; k++)
            {
                var state = states[k];
                while (state.TopicsDone < completions[k].Count && state.TopicsDone < state.Course.Topics.Count && completions[k][state.TopicsDone] <= day)
                {
                    LearnerSimulator.CompleteTopic(learner, state, day, rows, ref random);
                }

                if (!recent)
                {
                    SubmitDue(learner, state, day, state == completed, rows, ref random);
                }
            }

            rows.Sessions.Add(new SessionRow(learner.Id, DemoTime.Between(day, 8, 20, ref random), minutes * 60));
            if (!recent && day.DayNumber % PracticeEveryDays == 0)
            {
                LearnerSimulator.EmitPractice(learner, open[0], day, rows, ref random);
            }

        }

        EmitEnrolments(learner, states, asOf, rows, ref random);
        EmitSkills(simulator, learner, states, asOf, rows, ref random);
        var pathTopics = simulator.PathTopics(learner, trainerCourse.Course, Math.Max(LatentModel.PathTopicsMin, Math.Min(LatentModel.PathTopicsMax, trainerCourse.Course.Topics.Count)), ref random);
        LearnerSimulator.EmitPath(learner, "Backend growth path", trainerCourse.Plan.Start, pathTopics, rows, ref random);
        pathTopics = simulator.PathTopics(learner, supertesterCourse.Course, LatentModel.PathTopicsMin + 2, ref random);
        LearnerSimulator.EmitPath(learner, "Quality engineering path", supertesterCourse.Plan.Start, pathTopics, rows, ref random);
        simulator.EmitContributions(learner, "shared", 2, rows, [completed], ref random);
        simulator.EmitRecommendations(learner, rows, states, ref random);
    }

    /// <summary>Assessments due before the scripted recent fortnight; the completed course gets steady passing scores (a pass, not a distinction).</summary>
    private static void SubmitDue(LearnerPlan learner, EnrolmentState state, DateOnly day, bool passing, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var assessments = state.Course.Assessments;
        for (var k = 0; k < assessments.Count; k++)
        {
            var due = assessments[k].DueOn ?? state.Plan.Start.AddDays((int)Math.Round(assessments[k].DueFraction * (state.Course.LengthDays - 1)));
            if (due != day || state.Attempts[k] > 0 || (state.WithdrawOn is { } w && day >= w))
            {
                continue;
            }

            var score = passing ? random.Uniform(74, 82) : Math.Clamp(random.Normal(74, 6), 55, 84);
            LearnerSimulator.Submit(learner, state, k, day, score, rows, ref random);
        }
    }

    private static void EmitEnrolments(LearnerPlan learner, List<EnrolmentState> states, DateOnly asOf, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        for (var k = 0; k < states.Count; k++)
        {
            var state = states[k];
            var course = state.Course;
            var (status, result, completedOn) = k switch
            {
                0 => ("withdrawn", "withdrawn", (DateOnly?)null),
                1 => ("completed", "pass", asOf.AddDays(FixedDemo.LearnerCompletedOn)),
                _ => ("active", (string?)null, (DateOnly?)null),
            };
            rows.Enrolments.Add(new EnrolmentRow(
                $"enr-{learner.IdStem}-{k + 1}", course.Id, learner.Id, state.Plan.EnrolledOn, state.Plan.Assigned ? "assigned" : "voluntary",
                completedOn, state.WithdrawOn, status, result, Math.Round(100m * state.TopicsDone / course.Topics.Count, 2)));
            if (k == 1)
            {
                LearnerSimulator.EmitFeedback(learner, state, asOf.AddDays(FixedDemo.LearnerCompletedOn + 1), state.WeightedScore(), rows, ref random);
            }
        }
    }

    /// <summary>A user_skills row for every applicable target: exactly three gaps (2 on the critical target, 1 on a medium and a low one).</summary>
    private static void EmitSkills(LearnerSimulator simulator, LearnerPlan learner, List<EnrolmentState> states, DateOnly asOf, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var world = simulator.World;
        var organisation = world.Organisations[learner.Organisation];
        var levels = simulator.Levels;
        levels.Clear();
        for (var k = 0; k < organisation.Targets.Count; k++)
        {
            var target = organisation.Targets[k];
            if (target.Department is { } d && d != learner.Department)
            {
                continue;
            }

            var gap = k switch { 0 => 2, 1 or 2 => 1, _ => 0 };
            var level = (short)(target.RequiredLevel - gap);
            levels[target.Skill] = level;
            var acquired = level >= LatentModel.AcquiredLevel;
            rows.UserSkills.Add(new UserSkillRow(
                learner.Id, LearnerSimulator.WorldSkillId(target.Skill), level, acquired,
                acquired ? asOf.AddDays(-random.NextInt(30, 200)) : null, acquired ? "assessment_pass" : null));
        }

        foreach (var state in states)
        {
            foreach (var skill in state.Course.Skills)
            {
                if (levels.ContainsKey(skill))
                {
                    continue;
                }

                var level = (short)(state == states[1] ? 3 : 2);
                levels[skill] = level;
                var acquired = level >= LatentModel.AcquiredLevel;
                rows.UserSkills.Add(new UserSkillRow(
                    learner.Id, LearnerSimulator.WorldSkillId(skill), level, acquired,
                    acquired ? asOf.AddDays(FixedDemo.LearnerCompletedOn) : null, acquired ? "course_completion" : null));
            }
        }
    }
}
