using System.Globalization;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// Builds the reference data, the learners' traits and their enrolment plans. Everything here is cheap and sequential;
/// each entity still draws from its own stream, so the per-learner simulation that follows can run in any order.
/// </summary>
public static class DemoWorldBuilder
{
    private const string DemoDomain = "demo.example";

    public static DemoWorld Build(DemoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var end = settings.EndDate;
        var windowStart = end.AddDays(-(settings.Days - 1));
        var fixedWindowStart = end.AddDays(-(Math.Max(settings.Days, FixedDemo.MinimumHistoryDays) - 1));

        var skills = BuildSkills(settings);
        var organisations = BuildOrganisations(settings, windowStart, fixedWindowStart);
        var (learnerCounts, courseCounts, trainerCounts) = SizeOrganisations(settings, organisations);
        var courses = BuildCourses(settings, organisations, courseCounts, skills);
        var staff = BuildStaff(settings.Seed, organisations, trainerCounts, courses);
        var learners = BuildLearners(settings, organisations, learnerCounts);
        foreach (var organisation in organisations)
        {
            organisation.Mentors.AddRange(organisation.TrainerIds);
            organisation.Mentors.AddRange(organisation.Learners
                .Where(i => learners[i].Ability > LatentModel.TopAbilityMentor && !learners[i].IsFixedUser)
                .Select(i => learners[i].Id));
        }

        PlanEnrolments(settings, organisations, courses, learners);
        BalanceFixedOrganisation(settings, organisations[0], courses, learners);
        BuildTargetsAndKpis(settings, organisations, skills);

        var firstDay = organisations.Min(o => o.WindowStart);
        foreach (var learner in learners)
        {
            foreach (var e in learner.Enrolments)
            {
                if (e.EnrolledOn < firstDay)
                {
                    firstDay = e.EnrolledOn;
                }
            }
        }

        return new DemoWorld
        {
            Settings = settings,
            Organisations = organisations,
            Skills = skills,
            Courses = courses,
            Learners = learners,
            Staff = staff,
            FirstDay = firstDay,
        };
    }

    private static List<SkillPlan> BuildSkills(DemoSettings settings)
    {
        var skills = new List<SkillPlan>(settings.Skills);
        var categories = DemoNames.SkillCategories;
        for (var i = 0; i < settings.Skills; i++)
        {
            var random = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.Skill, i);
            var category = i % categories.Count;
            var round = i / categories.Count;
            var names = DemoNames.SkillNames[category];
            var name = names[round % names.Count] + (round >= names.Count ? " " + ((round / names.Count) + 1).ToString(CultureInfo.InvariantCulture) : "");
            var prerequisites = new List<int>();
            var wanted = random.NextInt(0, LatentModel.MaxPrerequisites);
            // Earlier skills of the same category only: the graph stays acyclic.
            for (var k = 0; k < wanted && round > 0; k++)
            {
                var candidate = category + (categories.Count * random.NextInt(round));
                if (!prerequisites.Contains(candidate))
                {
                    prerequisites.Add(candidate);
                }
            }

            skills.Add(new SkillPlan(
                $"s-{i + 1:D3}", name, categories[category],
                (short)random.NextInt(LatentModel.MarketDemandMin, LatentModel.MarketDemandMax), prerequisites));
        }

        return skills;
    }

    private static List<OrganisationPlan> BuildOrganisations(DemoSettings settings, DateOnly windowStart, DateOnly fixedWindowStart)
    {
        var organisations = new List<OrganisationPlan>(settings.Organisations)
        {
            new()
            {
                Index = 0,
                Id = FixedDemo.OrganisationId,
                Name = FixedDemo.OrganisationName,
                Departments = FixedDemo.Departments
                    .Select(d => new DepartmentPlan(d.Id, d.Name, d.Id is FixedDemo.Engineering or FixedDemo.Qa)).ToList(),
                AssignedShare = LatentModel.AssignedShareMean,
                WindowStart = fixedWindowStart,
            },
        };
        var number = 0;
        for (var i = 1; i < settings.Organisations; i++)
        {
            number++;
            if (number == 123)
            {
                number++; // org-123 is the fixed organisation
            }

            var random = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.Organisation, i);
            var departmentCount = random.NextInt(settings.DepartmentsMin, settings.DepartmentsMax);
            var departments = new List<DepartmentPlan>(departmentCount);
            for (var k = 0; k < departmentCount; k++)
            {
                var baseName = DemoNames.DepartmentNames[k % DemoNames.DepartmentNames.Count];
                var name = k < DemoNames.DepartmentNames.Count ? baseName : $"{baseName} {(k / DemoNames.DepartmentNames.Count) + 1}";
                departments.Add(new DepartmentPlan($"dept-{number:D3}-{k + 1:D2}", name, k % DemoNames.DepartmentNames.Count <= 1));
            }

            var orgName = $"{DemoNames.Pick(DemoNames.OrganisationWords, ref random)} {DemoNames.Pick(DemoNames.OrganisationSuffixes, ref random)}";
            organisations.Add(new OrganisationPlan
            {
                Index = i,
                Id = $"org-{number:D3}",
                Name = orgName,
                Departments = departments,
                AssignedShare = random.Uniform(
                    LatentModel.AssignedShareMean - LatentModel.AssignedShareSpread,
                    LatentModel.AssignedShareMean + LatentModel.AssignedShareSpread),
                WindowStart = windowStart,
            });
        }

        return organisations;
    }

    private static (int[] Learners, int[] Courses, int[] Trainers) SizeOrganisations(
        DemoSettings settings, List<OrganisationPlan> organisations)
    {
        var n = organisations.Count;
        var weights = new double[n];
        for (var i = 1; i < n; i++)
        {
            var random = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.Layout, i);
            weights[i] = random.Uniform(LatentModel.OrganisationWeightMin, LatentModel.OrganisationWeightMax);
        }

        var learners = Allocate(settings.Learners - FixedDemo.OrganisationLearners, weights, LatentModel.MinLearnersPerOrganisation);
        var courses = Allocate(settings.Courses - FixedDemo.OrganisationCourses, weights, LatentModel.MinCoursesPerOrganisation);
        var trainers = Allocate(settings.Trainers - FixedDemo.OrganisationTrainers, weights, 1);
        learners[0] = FixedDemo.OrganisationLearners;
        courses[0] = FixedDemo.OrganisationCourses;
        trainers[0] = FixedDemo.GeneratedTrainersInOrganisation;
        if (n == 1)
        {
            // Everything beyond org-123's own share still belongs to org-123 when it is the only organisation.
            learners[0] = settings.Learners;
            courses[0] = settings.Courses;
            trainers[0] = settings.Trainers - 2;
        }

        return (learners, courses, trainers);
    }

    /// <summary>Largest-remainder split of <paramref name="total"/> over weights[1..], each at least <paramref name="minimum"/>.</summary>
    private static int[] Allocate(int total, double[] weights, int minimum)
    {
        var result = new int[weights.Length];
        var count = weights.Length - 1;
        if (count <= 0)
        {
            return result;
        }

        var rest = total - (minimum * count);
        var weightSum = weights.Skip(1).Sum();
        var remainders = new (double Fraction, int Index)[count];
        var given = 0;
        for (var i = 1; i < weights.Length; i++)
        {
            var exact = rest * weights[i] / weightSum;
            var whole = (int)Math.Floor(exact);
            result[i] = minimum + whole;
            given += whole;
            remainders[i - 1] = (exact - whole, i);
        }

        foreach (var (_, index) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Index).Take(rest - given))
        {
            result[index]++;
        }

        return result;
    }

    private static List<CoursePlan> BuildCourses(
        DemoSettings settings, List<OrganisationPlan> organisations, int[] courseCounts, List<SkillPlan> skills)
    {
        var courses = new List<CoursePlan>(settings.Courses);
        var end = settings.EndDate;
        foreach (var organisation in organisations)
        {
            for (var slot = 0; slot < courseCounts[organisation.Index]; slot++)
            {
                var index = courses.Count;
                var random = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.Course, index);
                var fixedCalendar = organisation.Index == 0 ? FixedDemo.Calendar(slot) : null;
                int length;
                DateOnly? startsOn;
                if (fixedCalendar is { } calendar)
                {
                    length = calendar.LengthDays;
                    startsOn = calendar.StartOffset is { } offset ? end.AddDays(offset) : null;
                    random.NextDouble(); // keep the stream's positions aligned with generated courses
                    random.NextDouble();
                }
                else
                {
                    length = random.NextInt(LatentModel.CourseLengthMin, LatentModel.CourseLengthMax);
                    var selfPaced = random.Chance(LatentModel.SelfPacedShare);
                    var latest = end.AddDays(-LatentModel.LatestCourseStartBeforeEnd);
                    var span = Math.Max(0, latest.DayNumber - organisation.WindowStart.DayNumber);
                    var start = organisation.WindowStart.AddDays(random.NextInt(span + 1));
                    startsOn = selfPaced ? null : start;
                }

                courses.Add(BuildCourse(index, organisation.Index, length, startsOn, skills, ref random));
                organisation.Courses.Add(index);
            }
        }

        return courses;
    }

    private static CoursePlan BuildCourse(
        int index, int organisation, int length, DateOnly? startsOn, List<SkillPlan> skills, ref Xoshiro256StarStar random)
    {
        var id = $"c-{index + 1:D4}";
        var categoryCount = DemoNames.SkillCategories.Count;
        var category = random.NextInt(categoryCount);
        var skillsInCategory = (skills.Count - category + categoryCount - 1) / categoryCount;
        var primary = category + (categoryCount * random.NextInt(Math.Max(1, skillsInCategory)));
        primary = Math.Min(primary, skills.Count - 1);
        var courseSkills = new List<int> { primary };
        var skillCount = random.NextInt(LatentModel.CourseSkillsMin, LatentModel.CourseSkillsMax);
        for (var attempts = 0; courseSkills.Count < skillCount && attempts < 20; attempts++)
        {
            var candidate = random.Chance(LatentModel.CourseSkillSameCategory)
                ? Math.Min(skills.Count - 1, category + (categoryCount * random.NextInt(Math.Max(1, skillsInCategory))))
                : random.NextInt(skills.Count);
            if (!courseSkills.Contains(candidate))
            {
                courseSkills.Add(candidate);
            }
        }

        var title = $"{DemoNames.Pick(DemoNames.CourseLevels, ref random)} {skills[primary].Name}";
        var difficulty = random.Normal(0, LatentModel.DifficultySd);
        var quality = random.Normal(0, LatentModel.QualitySd);
        var trainerEffect = random.Normal(0, LatentModel.TrainerEffectSd);
        var threshold = random.Chance(LatentModel.LowThresholdShare) ? LatentModel.LowPassThreshold : LatentModel.DefaultPassThreshold;

        var topicCount = random.NextInt(LatentModel.TopicsMin, LatentModel.TopicsMax);
        var itemCount = Math.Max(topicCount, random.NextInt(LatentModel.ItemsMin, LatentModel.ItemsMax));
        var perTopic = new int[topicCount];
        Array.Fill(perTopic, 1);
        for (var k = topicCount; k < itemCount; k++)
        {
            perTopic[random.NextInt(topicCount)]++;
        }

        var topics = new List<TopicPlan>(topicCount);
        var items = new List<ContentItemPlan>(itemCount);
        Span<double> typeShares = stackalloc double[LatentModel.ContentTypeShares.Count];
        for (var k = 0; k < typeShares.Length; k++)
        {
            typeShares[k] = LatentModel.ContentTypeShares[k];
        }

        for (var j = 0; j < topicCount; j++)
        {
            var topicTitle = $"{DemoNames.TopicWords[j % DemoNames.TopicWords.Count]}: {skills[courseSkills[j % courseSkills.Count]].Name}";
            var topicSkills = new List<int> { courseSkills[j % courseSkills.Count] };
            if (LatentModel.TopicSkillsMax > 1 && courseSkills.Count > 1 && random.Chance(0.5))
            {
                var second = courseSkills[random.NextInt(courseSkills.Count)];
                if (!topicSkills.Contains(second))
                {
                    topicSkills.Add(second);
                }
            }

            topics.Add(new TopicPlan($"{id}-t{j + 1:D2}", topicTitle, j, topicSkills, items.Count, perTopic[j]));
            for (var k = 0; k < perTopic[j]; k++)
            {
                var type = (ContentType)random.Pick(typeShares);
                int? duration = type switch
                {
                    ContentType.Video => random.NextInt(180, 1500),
                    ContentType.Interactive => random.NextInt(300, 900),
                    ContentType.Article => random.NextInt(240, 900),
                    ContentType.Quiz => random.NextInt(300, 600),
                    _ => null,
                };
                items.Add(new ContentItemPlan(
                    $"ci-{index + 1:D4}-{items.Count + 1:D3}", j, $"{type}: {topicTitle} ({k + 1})", type,
                    random.Chance(LatentModel.AiCreatedShare), duration));
            }
        }

        var assessmentCount = random.NextInt(LatentModel.AssessmentsMin, LatentModel.AssessmentsMax);
        var hasExam = random.Chance(LatentModel.ExamShare);
        var assessments = new List<AssessmentPlan>(assessmentCount);
        Span<double> kindShares = [LatentModel.AssessmentKindShares[0], LatentModel.AssessmentKindShares[1], LatentModel.AssessmentKindShares[2]];
        var otherWeight = Math.Round((decimal)((100 - (hasExam ? LatentModel.ExamWeight : 0)) / (assessmentCount - (hasExam ? 1 : 0))), 2);
        var weightSoFar = 0m;
        for (var k = 0; k < assessmentCount; k++)
        {
            var isExam = hasExam && k == assessmentCount - 1;
            var kind = isExam ? "exam" : random.Pick(kindShares) switch { 0 => "quiz", 1 => "test", _ => "assignment" };
            var fraction = 0.95 * (k + 1) / assessmentCount;
            var topic = Math.Min(topicCount - 1, (int)(fraction * topicCount));
            DateOnly? due = startsOn?.AddDays((int)Math.Round(fraction * (length - 1)));
            var weight = k == assessmentCount - 1 ? 100 - weightSoFar : (isExam ? (decimal)LatentModel.ExamWeight : otherWeight);
            weightSoFar += weight;
            var kindTitle = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(kind);
            assessments.Add(new AssessmentPlan($"a-{index + 1:D4}-{k + 1}", topic, $"{kindTitle} {k + 1}: {topics[topic].Title}", kind, fraction, due, weight));
        }

        return new CoursePlan
        {
            Index = index,
            Id = id,
            Organisation = organisation,
            Title = title,
            Category = DemoNames.SkillCategories[category],
            StartsOn = startsOn,
            LengthDays = length,
            Difficulty = difficulty,
            Quality = quality,
            TrainerEffect = trainerEffect,
            PassThreshold = threshold,
            Topics = topics,
            Items = items,
            Assessments = assessments,
            Skills = courseSkills,
        };
    }

    private static List<StaffPlan> BuildStaff(ulong seed, List<OrganisationPlan> organisations, int[] trainerCounts, List<CoursePlan> courses)
    {
        var staff = new List<StaffPlan>();
        foreach (var user in FixedDemo.Users.Where(u => u.Id != FixedDemo.Learner && u.Id != FixedDemo.Supertester))
        {
            staff.Add(new StaffPlan(user.Id, 0, user.DepartmentId, user.Email, user.DisplayName, user.Roles));
        }

        var trainerNumber = 0;
        foreach (var organisation in organisations)
        {
            var orgCourses = organisation.Courses;
            var generated = new List<string>();
            for (var k = 0; k < trainerCounts[organisation.Index]; k++)
            {
                trainerNumber++;
                var id = $"t-{trainerNumber:D4}";
                var random = Xoshiro256StarStar.For(seed, RandomStreamKind.Trainer, trainerNumber);
                var first = DemoNames.Pick(DemoNames.FirstNames, ref random);
                var last = DemoNames.Pick(DemoNames.LastNames, ref random);
                var department = organisation.Index == 0
                    ? FixedDemo.Education
                    : organisation.Departments[random.NextInt(organisation.Departments.Count)].Id;
                staff.Add(new StaffPlan(
                    id, organisation.Index, department, $"{first}.{last}.t{trainerNumber:D4}@{DemoDomain}".ToLowerInvariant(),
                    $"{first} {last}", ["trainer"]));
                generated.Add(id);
            }

            organisation.TrainerIds.AddRange(generated);
            if (organisation.Index == 0)
            {
                organisation.TrainerIds.Add(FixedDemo.Trainer);
                organisation.TrainerIds.Add(FixedDemo.Supertester);
                for (var slot = 0; slot < orgCourses.Count; slot++)
                {
                    var teacher = slot switch
                    {
                        <= FixedDemo.TrainerSelfPacedCourse => FixedDemo.Trainer,
                        <= FixedDemo.SupertesterFinishedCourse => FixedDemo.Supertester,
                        _ => generated[(slot - FixedDemo.SupertesterFinishedCourse - 1) % generated.Count],
                    };
                    courses[orgCourses[slot]].TrainerIds.Add(teacher);
                }

                // Generated trainers beyond the ten course slots (a lone org-123) co-teach.
                for (var k = orgCourses.Count - FixedDemo.SupertesterFinishedCourse - 1; k < generated.Count; k++)
                {
                    AddTrainer(courses[orgCourses[FixedDemo.SupertesterFinishedCourse + 1 + (k % (orgCourses.Count - FixedDemo.SupertesterFinishedCourse - 1))]], generated[k]);
                }
            }
            else
            {
                for (var k = 0; k < Math.Max(orgCourses.Count, generated.Count); k++)
                {
                    AddTrainer(courses[orgCourses[k % orgCourses.Count]], generated[k % generated.Count]);
                }
            }
        }

        return staff;
    }

    private static void AddTrainer(CoursePlan course, string trainer)
    {
        if (!course.TrainerIds.Contains(trainer))
        {
            course.TrainerIds.Add(trainer);
        }
    }

    private static List<LearnerPlan> BuildLearners(DemoSettings settings, List<OrganisationPlan> organisations, int[] learnerCounts)
    {
        var learners = new List<LearnerPlan>(settings.Learners);
        var generatedNumber = 0;
        foreach (var organisation in organisations)
        {
            var departmentWeights = new double[organisation.Departments.Count];
            var layout = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.Organisation, 10_000 + organisation.Index);
            for (var k = 0; k < departmentWeights.Length; k++)
            {
                departmentWeights[k] = layout.Uniform(0.5, 2.0);
            }

            // org-123's departments have fixed sizes (Legal exactly 6): learner k of the organisation goes to the k-th seat.
            // learner-123 and supertester-999 take one Engineering and one QA seat themselves.
            var fixedSeats = organisation.Index == 0
                ? FixedDemo.Departments.SelectMany((d, i) => Enumerable.Repeat(i, d.Learners - FixedLearnersIn(d.Id))).ToArray()
                : [];
            for (var k = 0; k < learnerCounts[organisation.Index]; k++)
            {
                var index = learners.Count;
                var random = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.LearnerTraits, index);
                LearnerPlan learner;
                if (organisation.Index == 0 && k < 2)
                {
                    learner = FixedLearner(index, k == 0 ? FixedDemo.Learner : FixedDemo.Supertester, organisation, ref random);
                }
                else
                {
                    generatedNumber++;
                    var department = organisation.Index == 0 && k - 2 < fixedSeats.Length
                        ? fixedSeats[k - 2]
                        : random.Pick(departmentWeights);
                    learner = GeneratedLearner(index, generatedNumber, organisation, department, ref random);
                }

                learners.Add(learner);
                organisation.Learners.Add(index);
            }
        }

        return learners;
    }

    private static int FixedLearnersIn(string departmentId) =>
        FixedDemo.Users.Count(u => u.DepartmentId == departmentId && u.Roles.Contains("learner"));

    private static LearnerPlan FixedLearner(int index, string id, OrganisationPlan organisation, ref Xoshiro256StarStar random)
    {
        var user = FixedDemo.Users.First(u => u.Id == id);
        var department = organisation.Departments.ToList().FindIndex(d => d.Id == user.DepartmentId);
        return new LearnerPlan
        {
            Index = index,
            Id = id,
            IdStem = id,
            Organisation = 0,
            Department = department,
            DisplayName = user.DisplayName,
            Email = user.Email,
            Ability = id == FixedDemo.Learner ? 0.6 : 1.0,
            Motivation = id == FixedDemo.Learner ? 0.75 : 0.8,
            Persona = Persona.Steady,
            TypePreference = TypePreference(ref random),
            UsesDevLab = true,
            AsksForHelp = true,
            IsMentee = false,
            CreatesContent = id == FixedDemo.Supertester,
            SharesContent = true,
            LeaderboardPrivacy = "public",
            IsFixedUser = true,
        };
    }

    private static LearnerPlan GeneratedLearner(
        int index, int number, OrganisationPlan organisation, int department, ref Xoshiro256StarStar random)
    {
        var first = DemoNames.Pick(DemoNames.FirstNames, ref random);
        var last = DemoNames.Pick(DemoNames.LastNames, ref random);
        Span<double> personaShares = [LatentModel.PersonaShares[0], LatentModel.PersonaShares[1], LatentModel.PersonaShares[2], LatentModel.PersonaShares[3]];
        var ability = random.Normal();
        var motivation = random.Beta(LatentModel.MotivationAlpha, LatentModel.MotivationBeta);
        var persona = (Persona)random.Pick(personaShares);
        var technical = organisation.Departments[department].IsTechnical;
        var privacyDraw = random.NextDouble();
        return new LearnerPlan
        {
            Index = index,
            Id = $"u-{number:D6}",
            IdStem = number.ToString("D6", CultureInfo.InvariantCulture),
            Organisation = organisation.Index,
            Department = department,
            DisplayName = $"{first} {last}",
            Email = $"{first}.{last}.{number:D6}@{DemoDomain}".ToLowerInvariant(),
            Ability = ability,
            Motivation = motivation,
            Persona = persona,
            TypePreference = TypePreference(ref random),
            UsesDevLab = random.Chance(technical ? LatentModel.DevLabTechnicalShare : LatentModel.DevLabOtherShare),
            AsksForHelp = !random.Chance(LatentModel.NoHelpShare),
            IsMentee = random.Chance(LatentModel.MenteeShare),
            CreatesContent = random.Chance(LatentModel.CreatorShare),
            SharesContent = random.Chance(LatentModel.SharerShare),
            LeaderboardPrivacy = privacyDraw < LatentModel.PublicLeaderboardShare ? "public"
                : privacyDraw < LatentModel.PublicLeaderboardShare + LatentModel.HiddenLeaderboardShare ? "hidden" : "anonymous",
        };
    }

    private static double[] TypePreference(ref Xoshiro256StarStar random)
    {
        var preference = new double[LatentModel.ContentTypeShares.Count];
        for (var k = 0; k < preference.Length; k++)
        {
            preference[k] = 0.5 + random.NextDouble();
        }

        return preference;
    }

    private static void PlanEnrolments(
        DemoSettings settings, List<OrganisationPlan> organisations, List<CoursePlan> courses, List<LearnerPlan> learners)
    {
        foreach (var organisation in organisations)
        {
            var orgCourses = organisation.Courses;
            var weights = new double[orgCourses.Count];
            for (var slot = 0; slot < weights.Length; slot++)
            {
                weights[slot] = organisation.Index == 0 && slot <= FixedDemo.SupertesterFinishedCourse ? LatentModel.FixedTeacherCourseWeight : 1.0;
            }

            foreach (var learnerIndex in organisation.Learners)
            {
                var learner = learners[learnerIndex];
                var random = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.LearnerEnrolments, learnerIndex);
                if (learner.IsFixedUser)
                {
                    PlanFixedLearner(settings, organisation, courses, learner, ref random);
                    continue;
                }

                var count = Math.Min(Math.Min(1 + random.Poisson(LatentModel.ExtraEnrolmentsMean), LatentModel.MaxEnrolments), orgCourses.Count);
                var available = (double[])weights.Clone();
                for (var k = 0; k < count; k++)
                {
                    var slot = random.Pick(available);
                    available[slot] = 0;
                    learner.Enrolments.Add(Enrol(settings, organisation, courses[orgCourses[slot]], ref random, alwaysRates: false));
                }
            }
        }
    }

    private static EnrolmentPlan Enrol(
        DemoSettings settings, OrganisationPlan organisation, CoursePlan course, ref Xoshiro256StarStar random, bool alwaysRates)
    {
        var assigned = random.Chance(organisation.AssignedShare);
        if (course.StartsOn is { } start)
        {
            var enrolledOn = start.AddDays(-random.NextInt(0, LatentModel.RegistrationLeadMaxDays));
            return new EnrolmentPlan(course.Index, assigned, enrolledOn, start, course.EndsOn!.Value, alwaysRates);
        }

        var latest = settings.EndDate.AddDays(-LatentModel.LatestCourseStartBeforeEnd);
        var span = Math.Max(0, latest.DayNumber - organisation.WindowStart.DayNumber);
        var enrolled = organisation.WindowStart.AddDays(random.NextInt(span + 1));
        return new EnrolmentPlan(course.Index, assigned, enrolled, enrolled, enrolled.AddDays(course.LengthDays - 1), alwaysRates);
    }

    private static void PlanFixedLearner(
        DemoSettings settings, OrganisationPlan organisation, List<CoursePlan> courses, LearnerPlan learner, ref Xoshiro256StarStar random)
    {
        var end = settings.EndDate;
        CoursePlan Slot(int slot) => courses[organisation.Courses[slot]];
        if (learner.Id == FixedDemo.Learner)
        {
            var withdrawn = Slot(FixedDemo.LearnerWithdrawnCourse);
            var completed = Slot(FixedDemo.LearnerCompletedCourse);
            var trainerCourse = Slot(FixedDemo.TrainerActiveCourse);
            var supertesterCourse = Slot(FixedDemo.SupertesterActiveCourse);
            learner.Enrolments.Add(new EnrolmentPlan(withdrawn.Index, false, withdrawn.StartsOn!.Value.AddDays(-5), withdrawn.StartsOn.Value, withdrawn.EndsOn!.Value, false));
            learner.Enrolments.Add(new EnrolmentPlan(completed.Index, true, completed.StartsOn!.Value.AddDays(-5), completed.StartsOn.Value, completed.EndsOn!.Value, false));
            learner.Enrolments.Add(new EnrolmentPlan(trainerCourse.Index, false, trainerCourse.StartsOn!.Value.AddDays(-2), trainerCourse.StartsOn.Value, trainerCourse.EndsOn!.Value, false));
            learner.Enrolments.Add(new EnrolmentPlan(supertesterCourse.Index, true, supertesterCourse.StartsOn!.Value.AddDays(-2), supertesterCourse.StartsOn.Value, supertesterCourse.EndsOn!.Value, false));
        }
        else
        {
            var trainerCourse = Slot(FixedDemo.TrainerActiveCourse);
            var selfPaced = Slot(FixedDemo.SupertesterSelfPacedCourse);
            var enrolled = end.AddDays(-20);
            learner.Enrolments.Add(new EnrolmentPlan(trainerCourse.Index, false, trainerCourse.StartsOn!.Value.AddDays(-3), trainerCourse.StartsOn.Value, trainerCourse.EndsOn!.Value, false));
            learner.Enrolments.Add(new EnrolmentPlan(selfPaced.Index, false, enrolled, enrolled, enrolled.AddDays(selfPaced.LengthDays - 1), false));
        }

        random.NextDouble();
    }

    /// <summary>
    /// Gives org-123's courses the rosters SOURCES.md §2.3 promises, whatever the seed: top up or trim to the bounds, mark the
    /// enrolments that always rate, and pick trainer-456's at-risk learners.
    /// </summary>
    private static void BalanceFixedOrganisation(DemoSettings settings, OrganisationPlan organisation, List<CoursePlan> courses, List<LearnerPlan> learners)
    {
        var generated = organisation.Learners.Where(i => !learners[i].IsFixedUser).ToList();
        for (var slot = 0; slot < organisation.Courses.Count; slot++)
        {
            var course = courses[organisation.Courses[slot]];
            var (min, max) = FixedDemo.RosterBounds(slot);
            var roster = Roster(course.Index, learners, organisation);
            var random = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.Layout, 1_000_000 + course.Index);
            var offset = random.NextInt(generated.Count);
            for (var k = 0; roster.Count < min && k < generated.Count; k++)
            {
                var learner = learners[generated[(offset + k) % generated.Count]];
                if (learner.Enrolments.Count < LatentModel.MaxEnrolments && learner.Enrolments.TrueForAll(e => e.Course != course.Index))
                {
                    learner.Enrolments.Add(Enrol(settings, organisation, course, ref random, alwaysRates: false));
                    roster.Add(learner.Index);
                }
            }

            for (var k = roster.Count - 1; roster.Count > max && k >= 0; k--)
            {
                var learner = learners[roster[k]];
                if (!learner.IsFixedUser && learner.Enrolments.Count > 1)
                {
                    learner.Enrolments.RemoveAll(e => e.Course == course.Index);
                    roster.RemoveAt(k);
                }
            }

            roster.Sort();
            var raters = 0;
            foreach (var learnerIndex in roster)
            {
                var learner = learners[learnerIndex];
                if (learner.IsFixedUser || raters >= FixedDemo.GuaranteedRatingsPerCourse)
                {
                    continue;
                }

                var at = learner.Enrolments.FindIndex(e => e.Course == course.Index);
                learner.Enrolments[at] = learner.Enrolments[at] with { AlwaysRates = true };
                raters++;
            }

            if (slot == FixedDemo.TrainerActiveCourse)
            {
                foreach (var learnerIndex in roster.Where(i => !learners[i].IsFixedUser).Reverse().Take(FixedDemo.AtRiskLearnersInTrainerCourse))
                {
                    learners[learnerIndex].StopsOn = settings.EndDate.AddDays(FixedDemo.AtRiskStopOffset);
                    learners[learnerIndex].Persona = Persona.Steady; // a planned fade-out, not a random one that may withdraw first
                }
            }
        }
    }

    private static List<int> Roster(int course, List<LearnerPlan> learners, OrganisationPlan organisation) =>
        organisation.Learners.Where(i => learners[i].Enrolments.Exists(e => e.Course == course)).ToList();

    private static void BuildTargetsAndKpis(DemoSettings settings, List<OrganisationPlan> organisations, List<SkillPlan> skills)
    {
        var end = settings.EndDate;
        var period = $"{end.Year}-Q{((end.Month - 1) / 3) + 1}";
        Span<double> priorityShares = [LatentModel.PriorityShares[0], LatentModel.PriorityShares[1], LatentModel.PriorityShares[2], LatentModel.PriorityShares[3]];
        string[] priorities = ["critical", "high", "medium", "low"];
        foreach (var organisation in organisations)
        {
            var random = Xoshiro256StarStar.For(settings.Seed, RandomStreamKind.OrganisationTargets, organisation.Index);
            var isFixed = organisation.Index == 0;
            var count = isFixed ? 20 : random.NextInt(LatentModel.TargetsMin, LatentModel.TargetsMax);
            var chosen = new List<int>();
            while (chosen.Count < Math.Min(count, skills.Count))
            {
                var skill = random.NextInt(skills.Count);
                if (!chosen.Contains(skill))
                {
                    chosen.Add(skill);
                }
            }

            // org-123: 15 organisation-wide targets (the first three critical, medium, low for learner-123's gaps) and 5 departmental ones.
            int?[] fixedDepartments = [0, 0, 3, 1, 2];
            for (var k = 0; k < chosen.Count; k++)
            {
                int? department;
                string priority;
                if (isFixed)
                {
                    department = k >= 15 ? fixedDepartments[k - 15] : null;
                    priority = k switch { 0 => "critical", 1 => "medium", 2 => "low", _ => priorities[random.Pick(priorityShares)] };
                }
                else
                {
                    department = random.Chance(LatentModel.DepartmentTargetShare) ? random.NextInt(organisation.Departments.Count) : null;
                    priority = priorities[random.Pick(priorityShares)];
                }

                var level = (short)random.NextInt(LatentModel.TargetLevelMin, LatentModel.TargetLevelMax);
                if (isFixed && k == 0)
                {
                    level = 4; // learner-123 holds level 2 of it: the gap of 2
                }

                organisation.Targets.Add(new SkillTargetPlan(
                    $"st-{organisation.Id}-{k + 1:D2}", chosen[k], department, level, priority,
                    DemoNames.Pick(DemoNames.ValuePropositions, ref random), (short)random.NextInt(0, 20)));
            }

            var kpiCount = isFixed ? 6 : random.NextInt(LatentModel.KpisMin, LatentModel.KpisMax);
            var kpiOrder = Enumerable.Range(0, DemoNames.Kpis.Count).OrderBy(_ => random.NextUInt64()).Take(kpiCount).ToList();
            for (var k = 0; k < kpiOrder.Count; k++)
            {
                var (name, unit, target) = DemoNames.Kpis[kpiOrder[k]];
                var value = target * random.Uniform(LatentModel.KpiValueMin, LatentModel.KpiValueMax);
                organisation.Kpis.Add(new KpiPlan(
                    $"kpi-{organisation.Id}-{k + 1}", name, unit, (decimal)target, Math.Round((decimal)value, 2),
                    Math.Round((decimal)random.Uniform(0.5, 2.0), 1), period));
            }
        }
    }
}
