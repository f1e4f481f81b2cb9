using System.Globalization;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// Simulates one learner day by day over their enrolments (the latent model of SOURCES.md §2.4) and emits their fact rows.
/// Everything is drawn from the learner's own stream, so the result does not depend on which worker runs it or when.
/// One instance per worker (it keeps scratch buffers).
/// </summary>
public sealed class LearnerSimulator
{
    private const int MaxMinutesPerDay = 600;
    private const double ExpectedActiveShare = 0.17;   // typical share of active course days, the zero point of z_engagement
    private const double EngagementShareSd = 0.10;
    private const double SecondSessionShare = 0.3;
    private const double LateSubmissionShare = 0.10;
    private const int EarlySubmissionMaxDays = 3;
    private const int LateSubmissionMaxDays = 5;

    // How many distinct items an active course-day touches (1–5, SOURCES.md §2.4), skewed to several.
    private static ReadOnlySpan<double> ItemsPerDayShares => [0.06, 0.10, 0.22, 0.28, 0.34];

    private readonly DemoWorld _world;
    private readonly DateOnly _asOf;
    private readonly double _activityScale;
    private readonly List<EnrolmentState> _states = [];
    private readonly List<(int State, int Assessment, DateOnly Day, double Score)> _retakes = [];
    private readonly double[] _itemWeights = new double[LatentModel.ItemsMax + LatentModel.TopicsMax];
    private readonly int[] _chosenItems = new int[LatentModel.ItemsPerDayMax];
    private readonly Dictionary<int, short> _levels = [];

    public LearnerSimulator(DemoWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        _world = world;
        _asOf = world.EndDate;
        _activityScale = world.Settings.ActivityScale;
    }

    internal DateOnly AsOf => _asOf;

    internal DemoWorld World => _world;

    public void Simulate(LearnerPlan learner, LearnerRows rows)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(rows);
        rows.Clear();
        var random = Xoshiro256StarStar.For(_world.Settings.Seed, RandomStreamKind.LearnerActivity, learner.Index);
        if (learner.Id == FixedDemo.Learner)
        {
            FixedLearnerScript.Simulate(this, learner, rows, ref random);
            return;
        }

        _states.Clear();
        _retakes.Clear();
        foreach (var plan in learner.Enrolments)
        {
            _states.Add(PrepareEnrolment(learner, plan, ref random));
        }

        if (_states.Count > 0)
        {
            SimulateDays(learner, rows, ref random);
        }

        FinishEnrolments(learner, rows, _states, ref random);
        EmitUserSkills(learner, rows, _states, ref random);
        EmitLearningPaths(learner, rows, _states, ref random);
        EmitSocial(learner, rows, _states, ref random);
        EmitRecommendations(learner, rows, _states, ref random);
    }

    private EnrolmentState PrepareEnrolment(LearnerPlan learner, EnrolmentPlan plan, ref Xoshiro256StarStar random)
    {
        var course = _world.Courses[plan.Course];
        var state = new EnrolmentState(plan, course);
        var length = course.LengthDays;
        DateOnly? withdraw = null;
        if (learner.Persona == Persona.Fader)
        {
            var turn = (int)(random.Uniform(LatentModel.FaderTurnMin, LatentModel.FaderTurnMax) * length);
            state.FadeFrom = plan.Start.AddDays(turn);
            withdraw = state.FadeFrom.Value.AddDays(random.NextInt(LatentModel.FaderWithdrawMinDays, LatentModel.FaderWithdrawMaxDays));
        }
        else
        {
            var share = LatentModel.OtherWithdrawalShare * (1 - learner.Motivation) / (1 - LatentModel.MotivationMean);
            if (random.Chance(share))
            {
                withdraw = plan.Start.AddDays((int)(random.Uniform(0.05, 0.9) * length));
            }
        }

        // Fixed users and the planned at-risk learners stay enrolled (SOURCES.md §2.3).
        if (withdraw is { } w && w <= _asOf && w <= plan.End && !learner.IsFixedUser && learner.StopsOn is null)
        {
            state.WithdrawOn = DemoTime.Max(w, plan.EnrolledOn);
        }

        for (var k = 0; k < course.Assessments.Count; k++)
        {
            var assessment = course.Assessments[k];
            var due = assessment.DueOn ?? plan.Start.AddDays((int)Math.Round(assessment.DueFraction * (length - 1)));
            var day = random.Chance(LateSubmissionShare)
                ? due.AddDays(random.NextInt(1, LateSubmissionMaxDays))
                : due.AddDays(-random.NextInt(0, EarlySubmissionMaxDays));
            state.SubmitOn[k] = DemoTime.Max(day, plan.Start);
        }

        return state;
    }

    private void SimulateDays(LearnerPlan learner, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var first = _states.Min(s => s.Plan.Start);
        var last = DemoTime.Min(_states.Max(s => s.Plan.End), _asOf);
        if (learner.StopsOn is { } stop && stop < last)
        {
            last = stop;
        }

        var baseRate = _activityScale * (LatentModel.ActivityBase + (LatentModel.ActivityMotivationSlope * learner.Motivation));
        var breakUntil = DateOnly.MinValue;
        var nextBreak = learner.Persona == Persona.Sporadic
            ? first.AddDays(random.NextInt(LatentModel.SporadicStretchMin, LatentModel.SporadicStretchMax))
            : DateOnly.MaxValue;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day >= nextBreak)
            {
                breakUntil = day.AddDays(random.NextInt(LatentModel.SporadicBreakMin, LatentModel.SporadicBreakMax));
                nextBreak = breakUntil.AddDays(random.NextInt(LatentModel.SporadicStretchMin, LatentModel.SporadicStretchMax));
            }

            var onBreak = day < breakUntil;
            var weekday = WeekdayFactor(day);
            var dayMinutes = 0;
            EnrolmentState? activeState = null;
            var inSpan = false;
            for (var i = 0; i < _states.Count; i++)
            {
                var state = _states[i];
                if (day < state.Plan.Start || day > state.LastDay(_asOf))
                {
                    continue;
                }

                inSpan = true;
                var length = state.Course.LengthDays;
                var tau = day.DayNumber - state.Plan.Start.DayNumber;
                var p = baseRate * weekday * PersonaFactor(learner.Persona, state, day, tau, length, onBreak);
                if (random.Chance(p))
                {
                    var events = 1 + random.NegativeBinomial(LatentModel.EventsMean, LatentModel.EventsDispersion);
                    var minutes = (int)Math.Clamp(Math.Round(random.LogNormal(LatentModel.MinutesMedian, LatentModel.MinutesSigma)), 1, MaxMinutesPerDay);
                    var items = 1 + random.Pick(ItemsPerDayShares);
                    EmitActivity(learner, state, day, events, minutes, items, rows, ref random);
                    dayMinutes += minutes;
                    activeState = state;
                }

                SubmitDue(learner, state, i, day, rows, ref random);
            }

            ProcessRetakes(learner, day, rows, ref random);
            if (activeState is not null)
            {
                EmitSessions(learner, day, dayMinutes, rows, ref random);
                EmitPracticeAndHelp(learner, activeState, day, rows, ref random);
            }
            else if (inSpan && learner.Persona == Persona.Sporadic && random.Chance(LatentModel.SporadicLoginOnlyShare))
            {
                // A login-only day: a short session and no learning events.
                rows.Sessions.Add(new SessionRow(learner.Id, DemoTime.Between(day, LatentModel.SessionStartHourMin, LatentModel.SessionStartHourMax, ref random), random.NextInt(30, 300)));
            }
        }
    }

    private static double WeekdayFactor(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => LatentModel.SaturdayFactor,
        DayOfWeek.Sunday => LatentModel.SundayFactor,
        _ => 1.0,
    };

    private static double PersonaFactor(Persona persona, EnrolmentState state, DateOnly day, int tau, int length, bool onBreak)
    {
        switch (persona)
        {
            case Persona.Fader when state.FadeFrom is { } fade && day >= fade:
                return Math.Exp(-(day.DayNumber - fade.DayNumber) / LatentModel.FaderDecayDays);
            case Persona.Sprinter:
                return tau < LatentModel.SprinterEarlyShare * length ? LatentModel.SprinterEarlyFactor : LatentModel.SprinterLateFactor;
            case Persona.Sporadic when onBreak:
                return 0;
            default:
                return 1;
        }
    }

    /// <summary>One active course-day: events spread over 1–5 items near the learner's current topic, then topic completions.</summary>
    internal void EmitActivity(
        LearnerPlan learner, EnrolmentState state, DateOnly day, int events, int minutes, int itemsWanted, LearnerRows rows,
        ref Xoshiro256StarStar random, bool completeTopics = true)
    {
        var course = state.Course;
        var items = course.Items;
        var current = Math.Min(state.TopicsDone, course.Topics.Count - 1);
        var currentTopic = course.Topics[current];
        var nextTopic = course.Topics[Math.Min(current + 1, course.Topics.Count - 1)];
        var reachable = nextTopic.FirstItem + nextTopic.ItemCount;
        var count = Math.Min(Math.Min(itemsWanted, events), reachable);
        var weights = _itemWeights.AsSpan(0, reachable);
        for (var k = 0; k < reachable; k++)
        {
            var onCurrent = k >= currentTopic.FirstItem && k < currentTopic.FirstItem + currentTopic.ItemCount;
            weights[k] = learner.TypePreference[(int)items[k].Type]
                * (onCurrent ? LatentModel.CurrentTopicShare / currentTopic.ItemCount : (1 - LatentModel.CurrentTopicShare) / Math.Max(1, reachable - currentTopic.ItemCount));
        }

        for (var c = 0; c < count; c++)
        {
            var pick = random.Pick(weights);
            _chosenItems[c] = pick;
            weights[pick] = 0;
        }

        // Split events and minutes: one event each, the rest in proportion to random shares.
        var remainingEvents = events - count;
        var remainingMinutes = minutes;
        for (var c = 0; c < count; c++)
        {
            int itemEvents, itemMinutes;
            if (c == count - 1)
            {
                itemEvents = 1 + remainingEvents;
                itemMinutes = remainingMinutes;
            }
            else
            {
                var share = random.Uniform(0.2, 1.0) / (count - c);
                itemEvents = 1 + (int)(remainingEvents * share);
                itemMinutes = (int)(remainingMinutes * share);
                remainingEvents -= itemEvents - 1;
                remainingMinutes -= itemMinutes;
            }

            rows.ActivityDays.Add(new ActivityDayRow(learner.Id, course.Id, items[_chosenItems[c]].Id, day, itemEvents, itemMinutes));
        }

        state.CumulativeEvents += events;
        state.ActiveDays++;
        state.LastActiveDay = day;
        var perTopic = course.EventsPerTopic;
        while (completeTopics && state.TopicsDone < course.Topics.Count && state.CumulativeEvents >= (state.TopicsDone + 1) * perTopic)
        {
            CompleteTopic(learner, state, day, rows, ref random);
        }
    }

    internal static void CompleteTopic(LearnerPlan learner, EnrolmentState state, DateOnly day, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var topic = state.Course.Topics[state.TopicsDone];
        rows.TopicCompletions.Add(new TopicCompletionRow(learner.Id, topic.Id, DemoTime.Between(day, 9, 22, ref random)));
        state.TopicsDone++;
        state.LastTopicDay = day;
    }

    private void SubmitDue(LearnerPlan learner, EnrolmentState state, int stateIndex, DateOnly day, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var assessments = state.Course.Assessments;
        for (var k = 0; k < assessments.Count; k++)
        {
            if (state.SubmitOn[k] != day || state.Attempts[k] > 0)
            {
                continue;
            }

            if (state.FadeFrom is { } fade && day >= fade)
            {
                continue; // faders stop submitting after τ₀
            }

            if (!random.Chance(LatentModel.SubmitBase + (LatentModel.SubmitMotivationSlope * learner.Motivation)))
            {
                continue;
            }

            var score = Score(learner, state, day, ref random);
            Submit(learner, state, k, day, score, rows, ref random);
            if (score < (double)state.Course.PassThreshold && random.Chance(LatentModel.RetakeShare))
            {
                _retakes.Add((stateIndex, k, day.AddDays(random.NextInt(LatentModel.RetakeDelayMin, LatentModel.RetakeDelayMax)), score));
            }
        }
    }

    private void ProcessRetakes(LearnerPlan learner, DateOnly day, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        for (var r = 0; r < _retakes.Count; r++)
        {
            var (stateIndex, k, retakeDay, previous) = _retakes[r];
            if (retakeDay != day)
            {
                continue;
            }

            _retakes.RemoveAt(r--);
            var state = _states[stateIndex];
            if (day > state.LastDay(_asOf) || state.Attempts[k] >= LatentModel.MaxAttempts)
            {
                continue;
            }

            var score = Math.Clamp(previous + random.Normal(LatentModel.RetakeGainMean, LatentModel.RetakeGainSd), 0, 100);
            Submit(learner, state, k, day, score, rows, ref random);
            if (score < (double)state.Course.PassThreshold && state.Attempts[k] < LatentModel.MaxAttempts && random.Chance(LatentModel.RetakeShare))
            {
                _retakes.Add((stateIndex, k, day.AddDays(random.NextInt(LatentModel.RetakeDelayMin, LatentModel.RetakeDelayMax)), score));
            }
        }
    }

    /// <summary>s = clamp(N(68 + 10a − 6d + 4q + 5·z_engagement, 11), 0, 100); z from the share of active course days so far.</summary>
    internal static double Score(LearnerPlan learner, EnrolmentState state, DateOnly day, ref Xoshiro256StarStar random)
    {
        var course = state.Course;
        var daysSoFar = Math.Max(1, day.DayNumber - state.Plan.Start.DayNumber + 1);
        var z = Math.Clamp(((double)state.ActiveDays / daysSoFar - ExpectedActiveShare) / EngagementShareSd, -LatentModel.EngagementZClamp, LatentModel.EngagementZClamp);
        var mean = LatentModel.ScoreIntercept + (LatentModel.ScoreAbility * learner.Ability) + (LatentModel.ScoreDifficulty * course.Difficulty)
            + (LatentModel.ScoreQuality * course.Quality) + (LatentModel.ScoreEngagement * z);
        return Math.Clamp(random.Normal(mean, LatentModel.ScoreSd), 0, 100);
    }

    internal static void Submit(
        LearnerPlan learner, EnrolmentState state, int assessment, DateOnly day, double score, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        state.Attempts[assessment]++;
        state.BestScore[assessment] = Math.Max(state.BestScore[assessment], score);
        var seconds = (int)Math.Round(random.LogNormal(LatentModel.TimeSpentMedianMinutes, LatentModel.TimeSpentSigma) * 60);
        rows.Submissions.Add(new SubmissionRow(
            $"sub-{learner.IdStem}-{rows.Submissions.Count + 1}", state.Course.Assessments[assessment].Id, learner.Id, day,
            DemoTime.Between(day, 8, 22, ref random), (short)state.Attempts[assessment], Math.Round((decimal)score, 2), seconds));
    }

    internal void EmitSessions(LearnerPlan learner, DateOnly day, int minutes, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var start = (LatentModel.SessionStartHourMin * 60) + random.NextInt((LatentModel.SessionStartHourMax - LatentModel.SessionStartHourMin) * 60);
        var seconds = minutes * 60;
        if (_world.Settings.MaxSessionsPerDay > 1 && minutes >= 10 && random.Chance(SecondSessionShare))
        {
            var firstSeconds = seconds / 2;
            rows.Sessions.Add(new SessionRow(learner.Id, DemoTime.At(day, start), firstSeconds));
            var secondStart = Math.Min(start + (firstSeconds / 60) + random.NextInt(30, 180), (24 * 60) - 1);
            rows.Sessions.Add(new SessionRow(learner.Id, DemoTime.At(day, secondStart), seconds - firstSeconds));
        }
        else
        {
            rows.Sessions.Add(new SessionRow(learner.Id, DemoTime.At(day, start), seconds));
        }
    }

    private static void EmitPracticeAndHelp(LearnerPlan learner, EnrolmentState state, DateOnly day, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        if (learner.UsesDevLab && random.Chance(LatentModel.PracticePerActiveDay))
        {
            EmitPractice(learner, state, day, rows, ref random);
        }

        var mean = state.MeanScoreSoFar();
        var helpRate = LatentModel.HelpPerActiveDay * (mean < LatentModel.HelpLowScore ? LatentModel.HelpLowScoreFactor : 1);
        if (learner.AsksForHelp && random.Chance(helpRate))
        {
            rows.HelpRequests.Add(new HelpRequestRow(
                $"hr-{learner.IdStem}-{rows.HelpRequests.Count + 1}", learner.Id, state.Course.Id, DemoTime.Between(day, 8, 22, ref random)));
        }
    }

    /// <summary>A DevLab session on a topic already completed (so it never moves a progress unit earlier), else on a course skill.</summary>
    internal static void EmitPractice(LearnerPlan learner, EnrolmentState state, DateOnly day, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var course = state.Course;
        string? topicId = null;
        string? skillId = null;
        if (state.TopicsDone > 0)
        {
            topicId = course.Topics[random.NextInt(state.TopicsDone)].Id;
        }
        else
        {
            skillId = WorldSkillId(course.Skills[random.NextInt(course.Skills.Count)]);
        }

        var passProbability = 1 / (1 + Math.Exp(-(LatentModel.PracticePassIntercept + learner.Ability)));
        var passed = random.Chance(passProbability);
        var score = passed ? random.Uniform(70, 100) : random.Uniform(20, 69.99);
        rows.PracticeSessions.Add(new PracticeSessionRow(
            $"ps-{learner.IdStem}-{rows.PracticeSessions.Count + 1}", learner.Id, topicId, skillId,
            DemoTime.Between(day, 8, 22, ref random), passed, Math.Round((decimal)score, 2), (short)random.NextInt(1, 3)));
    }

    internal static string WorldSkillId(int skill) => $"s-{skill + 1:D3}";

    private void FinishEnrolments(LearnerPlan learner, LearnerRows rows, List<EnrolmentState> states, ref Xoshiro256StarStar random)
    {
        for (var k = 0; k < states.Count; k++)
        {
            var state = states[k];
            var plan = state.Plan;
            var course = state.Course;
            string status;
            string? result = null;
            DateOnly? completedOn = null;
            DateOnly? feedbackDay = null;
            var score = state.WeightedScore();
            if (state.WithdrawOn is { } withdrawn)
            {
                status = "withdrawn";
                result = "withdrawn";
                if (plan.AlwaysRates || random.Chance(LatentModel.WithdrawerFeedbackShare))
                {
                    feedbackDay = withdrawn;
                }
            }
            else if (plan.End <= _asOf)
            {
                status = "completed";
                completedOn = plan.End;
                var threshold = (double)course.PassThreshold;
                var submitted = state.Attempts.Count(a => a > 0);
                result = submitted * 2 < state.Attempts.Length || score < threshold - LatentModel.FailMargin ? "fail"
                    : score >= LatentModel.DistinctionScore ? "distinction" : "pass";
                if (plan.AlwaysRates || random.Chance(LatentModel.CompleterFeedbackShare))
                {
                    feedbackDay = DemoTime.Min(plan.End.AddDays(random.NextInt(0, 3)), _asOf);
                }
            }
            else
            {
                status = "active";
                if (plan.AlwaysRates)
                {
                    // A mid-course rating: org-123's running courses still show ≥ 10 ratings.
                    var from = DemoTime.Min(plan.Start.AddDays(7), _asOf);
                    feedbackDay = from.AddDays(random.NextInt(0, Math.Max(0, _asOf.DayNumber - from.DayNumber)));
                }
            }

            var progress = Math.Round(100m * state.TopicsDone / course.Topics.Count, 2);
            rows.Enrolments.Add(new EnrolmentRow(
                $"enr-{learner.IdStem}-{k + 1}", course.Id, learner.Id, plan.EnrolledOn, plan.Assigned ? "assigned" : "voluntary",
                completedOn, state.WithdrawOn, status, result, progress));
            if (feedbackDay is { } fd)
            {
                EmitFeedback(learner, state, fd, state.MeanScoreSoFar() ?? score, rows, ref random);
            }
        }
    }

    internal static void EmitFeedback(LearnerPlan learner, EnrolmentState state, DateOnly day, double score, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var course = state.Course;
        var rating = (short)Math.Clamp(
            Math.Round(LatentModel.RatingIntercept + (LatentModel.RatingQuality * course.Quality) + (LatentModel.RatingTrainer * course.TrainerEffect)
                + (LatentModel.RatingScore * (score - 70) / 15) + random.Normal(0, LatentModel.RatingSd)),
            1, 5);
        string? comment = null;
        if (random.Chance(LatentModel.CommentShare))
        {
            var words = rating >= 4 ? DemoNames.PositiveWords : rating <= 2 ? DemoNames.NegativeWords : DemoNames.NeutralWords;
            comment = string.Create(CultureInfo.InvariantCulture, $"The course was {DemoNames.Pick(words, ref random)} and {DemoNames.Pick(words, ref random)}.");
        }

        rows.Feedback.Add(new FeedbackRow(
            $"fb-{learner.IdStem}-{rows.Feedback.Count + 1}", course.Id, learner.Id, rating, comment, DemoTime.Between(day, 8, 22, ref random)));
    }

    /// <summary>Touched skills from the courses' completion share; untouched target skills are sometimes recorded (self-assessed).</summary>
    private void EmitUserSkills(LearnerPlan learner, LearnerRows rows, List<EnrolmentState> states, ref Xoshiro256StarStar random)
    {
        _levels.Clear();
        var organisation = _world.Organisations[learner.Organisation];
        foreach (var state in states)
        {
            if (state.TopicsDone == 0)
            {
                continue; // a course without a completed topic has not touched its skills yet
            }

            var share = (double)state.TopicsDone / state.Course.Topics.Count;
            foreach (var skill in state.Course.Skills)
            {
                if (_levels.ContainsKey(skill))
                {
                    continue;
                }

                var level = (short)Math.Clamp(
                    Math.Round(1 + (learner.Ability / LatentModel.LevelAbilityDivisor) + (LatentModel.LevelCompletionSlope * share) + random.Normal(0, LatentModel.LevelSd)),
                    0, 4);
                _levels[skill] = level;
                var acquired = level >= LatentModel.AcquiredLevel;
                DateOnly? acquiredOn = acquired ? state.LastTopicDay ?? state.LastActiveDay ?? state.Plan.Start : null;
                if (acquiredOn > _asOf)
                {
                    acquiredOn = _asOf;
                }

                var method = acquired ? (state.Plan.End <= _asOf && state.WithdrawOn is null ? "course_completion" : "learning_activity") : null;
                rows.UserSkills.Add(new UserSkillRow(learner.Id, WorldSkillId(skill), level, acquired, acquiredOn, method));
            }
        }

        Span<double> shares = [.. LatentModel.UntouchedLevelShares];
        foreach (var target in organisation.Targets)
        {
            if ((target.Department is { } d && d != learner.Department) || _levels.ContainsKey(target.Skill))
            {
                continue;
            }

            if (!random.Chance(LatentModel.UntouchedTargetCoverage))
            {
                continue;
            }

            var level = (short)random.Pick(shares);
            _levels[target.Skill] = level;
            var acquired = level >= LatentModel.AcquiredLevel;
            DateOnly? acquiredOn = acquired ? organisation.WindowStart.AddDays(random.NextInt(Math.Max(1, _asOf.DayNumber - organisation.WindowStart.DayNumber))) : null;
            rows.UserSkills.Add(new UserSkillRow(learner.Id, WorldSkillId(target.Skill), level, acquired, acquiredOn, acquired ? "self_assessment" : null));
        }
    }

    private void EmitLearningPaths(LearnerPlan learner, LearnerRows rows, List<EnrolmentState> states, ref Xoshiro256StarStar random)
    {
        var draw = random.NextDouble();
        var paths = draw < LatentModel.PathShare * LatentModel.SecondPathShare ? 2 : draw < LatentModel.PathShare ? 1 : 0;
        for (var p = 0; p < paths && states.Count > 0; p++)
        {
            var anchor = states[(p + random.NextInt(states.Count)) % states.Count];
            var size = random.NextInt(LatentModel.PathTopicsMin, LatentModel.PathTopicsMax);
            var topics = PathTopics(learner, anchor.Course, size, ref random);
            var created = DemoTime.Min(anchor.Plan.Start.AddDays(random.NextInt(0, 7)), _asOf);
            EmitPath(learner, $"{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(anchor.Course.Category)} growth path", created, topics, rows, ref random);
        }
    }

    /// <summary>Topics for a path: the anchor course's in order, then other courses of the organisation.</summary>
    internal List<string> PathTopics(LearnerPlan learner, CoursePlan anchor, int size, ref Xoshiro256StarStar random)
    {
        var topics = new List<string>(size);
        foreach (var topic in anchor.Topics)
        {
            if (topics.Count < size)
            {
                topics.Add(topic.Id);
            }
        }

        var orgCourses = _world.Organisations[learner.Organisation].Courses;
        for (var attempts = 0; topics.Count < size && attempts < 50; attempts++)
        {
            var course = _world.Courses[orgCourses[random.NextInt(orgCourses.Count)]];
            var topic = course.Topics[random.NextInt(course.Topics.Count)].Id;
            if (!topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        return topics;
    }

    internal static void EmitPath(LearnerPlan learner, string title, DateOnly created, List<string> topics, LearnerRows rows, ref Xoshiro256StarStar random)
    {
        var id = $"lp-{learner.IdStem}-{rows.LearningPaths.Count + 1}";
        rows.LearningPaths.Add(new LearningPathRow(id, learner.Id, title, DemoTime.Between(created, 8, 20, ref random)));
        for (var k = 0; k < topics.Count; k++)
        {
            rows.LearningPathTopics.Add(new LearningPathTopicRow(id, k, topics[k]));
        }
    }

    private void EmitSocial(LearnerPlan learner, LearnerRows rows, List<EnrolmentState> states, ref Xoshiro256StarStar random)
    {
        var organisation = _world.Organisations[learner.Organisation];
        if (learner.IsMentee && organisation.Mentors.Count > 0)
        {
            var mentor = organisation.Mentors[random.NextInt(organisation.Mentors.Count)];
            if (mentor != learner.Id)
            {
                var span = Math.Max(1, _asOf.DayNumber - organisation.WindowStart.DayNumber - 7);
                var started = organisation.WindowStart.AddDays(random.NextInt(span));
                DateOnly? ended = null;
                if (random.Chance(LatentModel.EndedMentoringShare))
                {
                    var end = started.AddDays(random.NextInt(30, 120));
                    ended = end <= _asOf ? end : null;
                }

                rows.MentoringLinks.Add(new MentoringLinkRow(mentor, learner.Id, started, ended));
            }
        }

        if (states.Count == 0)
        {
            return;
        }

        if (learner.CreatesContent)
        {
            EmitContributions(learner, "created", random.NextInt(1, 3), rows, states, ref random);
        }

        if (learner.SharesContent)
        {
            EmitContributions(learner, "shared", random.NextInt(1, 4), rows, states, ref random);
        }
    }

    internal void EmitContributions(LearnerPlan learner, string kind, int count, LearnerRows rows, List<EnrolmentState> states, ref Xoshiro256StarStar random)
    {
        for (var k = 0; k < count; k++)
        {
            var state = states[random.NextInt(states.Count)];
            var items = state.Course.Items;
            var last = state.LastDay(_asOf);
            var span = Math.Max(1, last.DayNumber - state.Plan.Start.DayNumber + 1);
            var day = state.Plan.Start.AddDays(random.NextInt(span));
            if (day > _asOf)
            {
                continue;
            }

            rows.ContentContributions.Add(new ContentContributionRow(
                learner.Id, items[random.NextInt(items.Count)].Id, kind, DemoTime.Between(day, 8, 22, ref random)));
        }
    }

    /// <summary>3–8 learner-ai suggestions tied to the learner's gaps, next topics and courses they have not taken.</summary>
    internal void EmitRecommendations(LearnerPlan learner, LearnerRows rows, List<EnrolmentState> states, ref Xoshiro256StarStar random)
    {
        var organisation = _world.Organisations[learner.Organisation];
        var candidates = new List<(string Type, string Id, string Reason)>();
        foreach (var target in organisation.Targets)
        {
            if (target.Department is { } d && d != learner.Department)
            {
                continue;
            }

            var level = _levels.TryGetValue(target.Skill, out var l) ? l : (short)0;
            if (level < target.RequiredLevel)
            {
                var skill = _world.Skills[target.Skill];
                candidates.Add(("skill", skill.Id, $"Closes your {skill.Name} gap: level {level} of {target.RequiredLevel} ({target.Priority} priority)"));
                foreach (var courseIndex in organisation.Courses)
                {
                    var course = _world.Courses[courseIndex];
                    if (course.Skills.Contains(target.Skill) && !states.Exists(s => s.Course.Index == courseIndex))
                    {
                        candidates.Add(("course", course.Id, $"Builds {skill.Name}, a {target.Priority} priority for your organisation"));
                        break;
                    }
                }
            }
        }

        foreach (var state in states)
        {
            if (state.WithdrawOn is null && state.Plan.End > _asOf && state.TopicsDone < state.Course.Topics.Count)
            {
                candidates.Add(("topic", state.Course.Topics[state.TopicsDone].Id, $"Next step in {state.Course.Title}"));
                if (state.TopicsDone > 0)
                {
                    candidates.Add(("practice", state.Course.Topics[state.TopicsDone - 1].Id, $"Practise what you learned in {state.Course.Title}"));
                }
            }
        }

        for (var attempts = 0; candidates.Count < LatentModel.SuggestionsMax && attempts < 20; attempts++)
        {
            var course = _world.Courses[organisation.Courses[random.NextInt(organisation.Courses.Count)]];
            if (!states.Exists(s => s.Course.Index == course.Index))
            {
                candidates.Add(("course", course.Id, "Popular with colleagues in your organisation"));
            }
        }

        var wanted = random.NextInt(LatentModel.SuggestionsMin, LatentModel.SuggestionsMax);
        var seen = new HashSet<(string, string)>();
        var generatedAt = DemoTime.At(_asOf, 120);
        for (var k = 0; k < candidates.Count && seen.Count < wanted; k++)
        {
            // A partial Fisher–Yates shuffle: a random candidate at each step, without repeats.
            var j = k + random.NextInt(candidates.Count - k);
            (candidates[k], candidates[j]) = (candidates[j], candidates[k]);
            var (type, id, reason) = candidates[k];
            if (seen.Add((type, id)))
            {
                var score = Math.Round((decimal)random.Uniform(LatentModel.SuggestionScoreMin, LatentModel.SuggestionScoreMax), 4);
                rows.Recommendations.Add(new RecommendationRow(learner.Id, type, id, reason, score, "learner-ai", generatedAt));
            }
        }
    }

    internal Dictionary<int, short> Levels => _levels;
}
