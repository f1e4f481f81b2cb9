using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// The six small OULAD files read into memory and mapped to store records (SOURCES.md §4.2, §4.4 "small tables are read first into
/// dictionaries"); studentVle is streamed afterwards by <see cref="OuladClickReader"/> against the lookups kept here.
/// </summary>
public sealed partial class OuladDataSet
{
    /// <summary>Timestamps built from a day (created_at, completed_at) are put at noon UTC: the same calendar day in UTC and in Europe/London.</summary>
    private static readonly TimeOnly Noon = new(12, 0);

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["resource"] = "resource",
        ["url"] = "resource",
        ["folder"] = "resource",
        ["oucontent"] = "article",
        ["page"] = "article",
        ["subpage"] = "article",
        ["sharedsubpage"] = "article",
        ["dualpane"] = "article",
        ["glossary"] = "article",
        ["quiz"] = "quiz",
        ["externalquiz"] = "quiz",
        ["forumng"] = "forum",
        ["ouwiki"] = "forum",
        ["oucollaborate"] = "interactive",
        ["ouelluminate"] = "interactive",
        ["dataplus"] = "interactive",
        ["htmlactivity"] = "interactive",
        ["repeatactivity"] = "interactive",
        ["questionnaire"] = "other",
        ["homepage"] = "other",
    };

    private readonly Dictionary<string, int> _courseByKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _excludedCourses = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _siteByIdSite = [];
    private readonly Dictionary<int, OuladAssessment> _assessmentById = [];
    private readonly HashSet<int> _excludedAssessments = [];
    private readonly Dictionary<long, int> _registrationByKey = [];
    private readonly List<OuladReject> _rejects = [];

    private OuladDataSet(string directory, OuladImportOptions options)
    {
        Directory = directory;
        Options = options;
    }

    public string Directory { get; }
    public OuladImportOptions Options { get; }
    public List<OuladCourse> Courses { get; } = [];
    public List<OuladSite> Sites { get; private set; } = [];
    public List<OuladAssessment> Assessments { get; private set; } = [];
    public List<OuladRegistration> Registrations { get; } = [];
    public List<OuladSubmission> Submissions { get; } = [];
    public List<OuladTopic> Topics { get; } = [];
    public List<OuladTopicCompletion> TopicCompletions { get; } = [];
    public List<OuladUser> Users { get; } = [];
    public List<OuladDepartment> Departments { get; } = [];
    public List<OuladCourseTrainer> CourseTrainers { get; } = [];
    public List<OuladFileCounter> Files { get; } = [];

    /// <summary>Rows left out for a missing parent (the first <see cref="OuladReject.MaxKept"/>; the file counters hold them all).</summary>
    public IReadOnlyList<OuladReject> Rejects => _rejects;

    /// <summary><c>settings.analysisDate</c>: the option, else day 0 of the latest imported presentation + 56 days (week 8).</summary>
    public DateOnly AnalysisDate { get; private set; }

    /// <summary>Assessments of type Exam that the file gives no date (their due_on is the course end).</summary>
    public int ExamsWithoutDate { get; private set; }

    /// <summary>Reads and maps the six small files of <paramref name="directory"/>.</summary>
    /// <exception cref="OuladInputException">A file is missing or malformed.</exception>
    public static OuladDataSet Read(string directory, OuladImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new OuladInputException($"import oulad: the folder {directory} does not exist.");
        }

        var data = new OuladDataSet(directory, options);
        data.ReadCourses();
        data.ReadSites();
        data.ReadAssessments();
        var attributes = data.ReadStudentInfo();
        data.ReadRegistrations(attributes);
        data.ReadSubmissions();
        data.DeriveTopics();
        data.BuildPeople();
        return data;
    }

    /// <summary>The kept course of a module-presentation; -1 = excluded by the options; -2 = not in courses.csv.</summary>
    public int CourseIndex(string module, string presentation)
    {
        var key = module + "-" + presentation;
        return _courseByKey.TryGetValue(key, out var index) ? index : _excludedCourses.Contains(key) ? -1 : -2;
    }

    /// <summary>The registration index of a student in a kept course, or -1.</summary>
    public int RegistrationIndex(int course, int idStudent) =>
        _registrationByKey.TryGetValue(RegistrationKey(course, idStudent), out var index) ? index : -1;

    /// <summary>The site index of an id_site, or -1.</summary>
    public int SiteIndex(int idSite) => _siteByIdSite.TryGetValue(idSite, out var index) ? index : -1;

    public void Reject(OuladFileCounter counter, OuladReject reject)
    {
        ArgumentNullException.ThrowIfNull(counter);
        counter.Rejected++;
        if (_rejects.Count < OuladReject.MaxKept)
        {
            _rejects.Add(reject);
        }
    }

    /// <summary>Forgets the kept rejects of one file (a file read again after a restart).</summary>
    public void ClearRejects(string file) => _rejects.RemoveAll(r => r.File == file);

    /// <summary>
    /// The figures of SOURCES.md §4.4 counted from the mapped records, named like the columns of OuladValidation.sql (the click
    /// figures come from the click reader).
    /// </summary>
    public IReadOnlyDictionary<string, long> Figures()
    {
        var results = Registrations.GroupBy(r => r.FinalResult ?? "none").ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["courses"] = Courses.Count,
            ["assessments"] = Assessments.Count,
            ["content_items"] = Sites.Count,
            ["departments"] = Departments.Count,
            ["users"] = Users.Count(u => u.Role == "learner"),
            ["enrolments"] = Registrations.Count,
            ["learner_attributes"] = Registrations.Count,
            ["submissions"] = Submissions.Count,
            ["submissions_score_null"] = Submissions.Count(s => s.ScorePct is null),
            ["topics"] = Topics.Count,
            ["topic_completions"] = TopicCompletions.Count,
            ["final_result_pass"] = results.GetValueOrDefault("pass"),
            ["final_result_withdrawn"] = results.GetValueOrDefault("withdrawn"),
            ["final_result_fail"] = results.GetValueOrDefault("fail"),
            ["final_result_distinction"] = results.GetValueOrDefault("distinction"),
            ["withdrawn_on_present"] = Registrations.Count(r => r.WithdrawnOn is not null),
            ["enrolled_on_null"] = Registrations.Count(r => r.EnrolledOn is null),
            ["exams_without_date"] = ExamsWithoutDate,
        };
    }

    internal static long RegistrationKey(int course, int idStudent) => ((long)course << 32) | (uint)idStudent;

    private OuladFileCounter Counter(string file)
    {
        var counter = new OuladFileCounter(file);
        Files.Add(counter);
        return counter;
    }

    private OuladCsv Open(string file, IReadOnlyList<string> columns) => OuladCsv.Open(Path.Combine(Directory, file), columns);

    private void ReadCourses()
    {
        var counter = Counter(OuladFiles.Courses);
        using var csv = Open(OuladFiles.Courses, OuladFiles.CourseColumns);
        var all = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            counter.Read++;
            var module = csv.Text(0, "code_module");
            var presentation = csv.Text(1, "code_presentation");
            if (!Module().IsMatch(module))
            {
                throw csv.Error($"code_module '{module}' must be 1–16 letters or digits.");
            }

            var match = Presentation().Match(presentation);
            if (!match.Success)
            {
                throw csv.Error($"code_presentation '{presentation}' must be a year followed by B or J (e.g. 2013J).");
            }

            var length = csv.WholeNumber(2, "module_presentation_length");
            if (length is < 1 or > 3650)
            {
                throw csv.Error($"module_presentation_length {length} must be from 1 to 3650 days.");
            }

            var key = module + "-" + presentation;
            if (!all.Add(key))
            {
                throw csv.Error($"{key} appears twice.");
            }

            if (!Options.Keeps(module, presentation))
            {
                _excludedCourses.Add(key);
                counter.Skipped++;
                continue;
            }

            var year = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var course = new OuladCourse(Courses.Count, module, presentation, Options.StartOf(year, match.Groups[2].Value[0]), length);
            _courseByKey[key] = course.Index;
            Courses.Add(course);
            counter.Written++;
        }

        if (Courses.Count == 0)
        {
            throw new OuladInputException(OuladFiles.Courses, 0,
                all.Count == 0 ? "the file holds no presentation." : "--include/--exclude leave no presentation to import.");
        }

        AnalysisDate = Options.AnalysisDate ?? Courses.Max(c => c.StartsOn).AddDays(56);
    }

    private void ReadSites()
    {
        var counter = Counter(OuladFiles.Vle);
        using var csv = Open(OuladFiles.Vle, OuladFiles.VleColumns);
        var seen = new HashSet<int>();
        while (csv.Read())
        {
            counter.Read++;
            var idSite = csv.WholeNumber(0, "id_site");
            if (!seen.Add(idSite))
            {
                throw csv.Error($"id_site {idSite} appears twice.");
            }

            var course = CourseOf(csv, 1, counter, "content_items", $"oulad-site-{idSite}");
            if (course < 0)
            {
                continue;
            }

            var activityType = csv.Text(3, "activity_type");
            var site = new OuladSite(idSite, course, ContentTypes.GetValueOrDefault(activityType, "other"), activityType, csv.OptionalInt(4, "week_from"));
            _siteByIdSite[idSite] = Sites.Count;
            Sites.Add(site);
            counter.Written++;
        }
    }

    private void ReadAssessments()
    {
        var counter = Counter(OuladFiles.Assessments);
        using var csv = Open(OuladFiles.Assessments, OuladFiles.AssessmentColumns);
        var seen = new HashSet<int>();
        while (csv.Read())
        {
            counter.Read++;
            var id = csv.WholeNumber(2, "id_assessment");
            if (!seen.Add(id))
            {
                throw csv.Error($"id_assessment {id} appears twice.");
            }

            var type = csv.Text(3, "assessment_type");
            var kind = type switch
            {
                "TMA" => "assignment",
                "CMA" => "quiz",
                "Exam" => "exam",
                _ => throw csv.Error($"assessment_type '{type}' must be TMA, CMA or Exam."),
            };
            var date = csv.OptionalInt(4, "date");
            var weight = csv.Number(5, "weight");
            if (weight is < 0 or > 100)
            {
                throw csv.Error($"weight {weight} must be from 0 to 100.");
            }

            var course = CourseOf(csv, 0, counter, "assessments", $"oulad-a-{id}");
            if (course == -1)
            {
                _excludedAssessments.Add(id);
            }

            if (course < 0)
            {
                continue;
            }

            var dueOn = date is { } offset ? Courses[course].Day(offset) : Courses[course].EndsOn;
            if (date is null && type == "Exam")
            {
                ExamsWithoutDate++;
            }

            var assessment = new OuladAssessment(id, course, type, kind, dueOn, date is not null, weight);
            _assessmentById[id] = assessment;
            Assessments.Add(assessment);
            counter.Written++;
        }

        // Titles rank each type by due date within its presentation: "TMA 1", "TMA 2", "CMA 1", "Exam 1".
        var titled = new Dictionary<int, OuladAssessment>();
        foreach (var group in Assessments.GroupBy(a => (a.Course, a.AssessmentType)))
        {
            var rank = 0;
            foreach (var assessment in group.OrderBy(a => a.DueOn).ThenBy(a => a.IdAssessment))
            {
                titled[assessment.IdAssessment] = assessment with { Title = $"{assessment.AssessmentType} {++rank}" };
            }
        }

        ReplaceAssessments(titled);
    }

    private Dictionary<long, (OuladLearnerAttributes Attributes, string? FinalResult, int Line)> ReadStudentInfo()
    {
        var counter = Counter(OuladFiles.StudentInfo);
        using var csv = Open(OuladFiles.StudentInfo, OuladFiles.StudentInfoColumns);
        var result = new Dictionary<long, (OuladLearnerAttributes, string?, int)>();
        var seen = new HashSet<(string, int)>();
        while (csv.Read())
        {
            counter.Read++;
            var idStudent = StudentId(csv, 2);
            if (Options.ErasedStudents.Contains(idStudent))
            {
                // An erased person (DATA_MODEL.md §10): left out like an excluded presentation, never stored or named in a reject.
                counter.Skipped++;
                continue;
            }

            var gender = csv.OptionalText(3);
            if (gender is not (null or "F" or "M" or "X"))
            {
                throw csv.Error($"gender '{gender}' must be F, M, X or empty.");
            }

            var imdBand = csv.OptionalText(6);
            var disability = csv.OptionalText(10) switch
            {
                null => (bool?)null,
                "Y" => true,
                "N" => false,
                var other => throw csv.Error($"disability '{other}' must be Y, N or empty."),
            };
            var finalResult = csv.OptionalText(11) switch
            {
                null => null,
                "Pass" => "pass",
                "Fail" => "fail",
                "Withdrawn" => "withdrawn",
                "Distinction" => "distinction",
                var other => throw csv.Error($"final_result '{other}' must be Pass, Fail, Withdrawn, Distinction or empty."),
            };
            var attributes = new OuladLearnerAttributes(
                gender,
                csv.OptionalText(7),
                csv.OptionalText(5),
                imdBand == "10-20" ? "10-20%" : imdBand,
                disability,
                csv.OptionalText(4),
                SmallCount(csv, 8, "num_of_prev_attempts"),
                SmallCount(csv, 9, "studied_credits"));

            if (!seen.Add((csv.Span(0).ToString() + "-" + csv.Span(1).ToString(), idStudent)))
            {
                throw csv.Error($"student {idStudent} appears twice in {csv.Span(0)} {csv.Span(1)}.");
            }

            var course = CourseOf(csv, 0, counter, "learner_attributes", $"{csv.Span(0)}-{csv.Span(1)}-{idStudent}");
            if (course >= 0)
            {
                result[RegistrationKey(course, idStudent)] = (attributes, finalResult, csv.Line);
            }
        }

        return result;
    }

    private void ReadRegistrations(Dictionary<long, (OuladLearnerAttributes Attributes, string? FinalResult, int Line)> info)
    {
        var counter = Counter(OuladFiles.StudentRegistration);
        using var csv = Open(OuladFiles.StudentRegistration, OuladFiles.StudentRegistrationColumns);
        var matched = new HashSet<long>();
        while (csv.Read())
        {
            counter.Read++;
            var idStudent = StudentId(csv, 2);
            if (Options.ErasedStudents.Contains(idStudent))
            {
                // An erased person (DATA_MODEL.md §10): left out like an excluded presentation, never stored or named in a reject.
                counter.Skipped++;
                continue;
            }

            var registered = csv.OptionalInt(3, "date_registration");
            var unregistered = csv.OptionalInt(4, "date_unregistration");
            if (registered is not null && unregistered < registered)
            {
                throw csv.Error($"date_unregistration {unregistered} is before date_registration {registered}.");
            }

            var course = CourseOf(csv, 0, counter, "enrolments", $"{csv.Span(0)}-{csv.Span(1)}-{idStudent}");
            if (course < 0)
            {
                continue;
            }

            var key = RegistrationKey(course, idStudent);
            if (!matched.Add(key))
            {
                throw csv.Error($"student {idStudent} is registered twice in {Courses[course].Key}.");
            }

            if (!info.TryGetValue(key, out var student))
            {
                Reject(counter, new OuladReject("enrolments", $"oulad-enr-{Courses[course].Key}-{idStudent}",
                    "no studentInfo.csv row for this registration", OuladFiles.StudentRegistration, csv.Line));
                continue;
            }

            var c = Courses[course];
            DateOnly? withdrawnOn = unregistered is { } u ? c.Day(u) : null;
            // Withdrawn if the result says so, or if there is no result and an unregistration date; otherwise completed at the
            // course end (the 9 Fail rows with an unregistration date keep it).
            var withdrawn = student.FinalResult == "withdrawn" || (student.FinalResult is null && withdrawnOn is not null);
            var registration = new OuladRegistration(
                Registrations.Count,
                course,
                idStudent,
                $"oulad-enr-{c.Key}-{idStudent}",
                $"oulad-{idStudent}",
                registered is { } r ? c.Day(r) : null,
                withdrawnOn,
                withdrawn ? null : c.EndsOn,
                withdrawn ? "withdrawn" : "completed",
                student.FinalResult,
                student.Attributes.Region,
                Options.StoreDemographics
                    ? student.Attributes
                    : new OuladLearnerAttributes(null, null, null, null, null, null, student.Attributes.NumOfPrevAttempts, student.Attributes.StudiedCredits));
            _registrationByKey[key] = registration.Index;
            Registrations.Add(registration);
            counter.Written++;
        }

        var infoCounter = Files.Single(f => f.File == OuladFiles.StudentInfo);
        foreach (var (key, student) in info.Where(i => !matched.Contains(i.Key)).OrderBy(i => i.Value.Line))
        {
            Reject(infoCounter, new OuladReject("learner_attributes", $"{Courses[(int)(key >> 32)].Key}-{(int)key}",
                "no studentRegistration.csv row for this student", OuladFiles.StudentInfo, student.Line));
        }

        infoCounter.Written = Registrations.Count;
    }

    private void ReadSubmissions()
    {
        var counter = Counter(OuladFiles.StudentAssessment);
        using var csv = Open(OuladFiles.StudentAssessment, OuladFiles.StudentAssessmentColumns);
        var seen = new HashSet<(int, int)>();
        while (csv.Read())
        {
            counter.Read++;
            var idAssessment = csv.WholeNumber(0, "id_assessment");
            var idStudent = StudentId(csv, 1);
            if (Options.ErasedStudents.Contains(idStudent))
            {
                // An erased person (DATA_MODEL.md §10): left out like an excluded presentation, never stored or named in a reject.
                counter.Skipped++;
                continue;
            }

            var dateSubmitted = csv.WholeNumber(2, "date_submitted");
            var isBanked = csv.Span(3) switch
            {
                "0" => false,
                "1" => true,
                var other => throw csv.Error($"is_banked '{other}' must be 0 or 1."),
            };
            var score = csv.OptionalDecimal(4, "score");
            if (score is < 0 or > 100)
            {
                throw csv.Error($"score {score} must be from 0 to 100.");
            }

            if (!seen.Add((idAssessment, idStudent)))
            {
                throw csv.Error($"student {idStudent} has two rows for assessment {idAssessment}.");
            }

            if (!_assessmentById.TryGetValue(idAssessment, out var assessment))
            {
                if (_excludedAssessments.Contains(idAssessment))
                {
                    counter.Skipped++;
                }
                else
                {
                    Reject(counter, new OuladReject("submissions", $"oulad-sub-{idAssessment}-{idStudent}",
                        $"assessment {idAssessment} is not in assessments.csv", OuladFiles.StudentAssessment, csv.Line));
                }

                continue;
            }

            if (RegistrationIndex(assessment.Course, idStudent) < 0)
            {
                Reject(counter, new OuladReject("submissions", $"oulad-sub-{idAssessment}-{idStudent}",
                    $"student {idStudent} is not registered in {Courses[assessment.Course].Key}", OuladFiles.StudentAssessment, csv.Line));
                continue;
            }

            Submissions.Add(new OuladSubmission(assessment, idStudent, $"oulad-{idStudent}", Courses[assessment.Course].Day(dateSubmitted), score, isBanked));
            counter.Written++;
        }
    }

    /// <summary>
    /// SOURCES.md §4.2 derived topics: one block per TMA/CMA in due-date order; a content item whose <c>week_from</c> (day
    /// week_from × 7) falls after the previous block's due day and on or before this one's belongs to the block; a learner
    /// completes the block on the day they submit its assessment, banked submissions excepted.
    /// </summary>
    private void DeriveTopics()
    {
        if (!Options.DeriveTopics)
        {
            return;
        }

        var topicOf = new Dictionary<int, string>();
        var sitesByCourse = Sites.Select((s, i) => (Site: s, Index: i)).Where(s => s.Site.WeekFrom is not null).ToLookup(s => s.Site.Course);
        var sites = Sites.ToArray();
        foreach (var course in Courses)
        {
            var blocks = Assessments.Where(a => a.Course == course.Index && a.AssessmentType is "TMA" or "CMA")
                .OrderBy(a => a.DueOn).ThenBy(a => a.IdAssessment).ToList();
            var previousDue = int.MinValue;
            for (var n = 1; n <= blocks.Count; n++)
            {
                var topic = new OuladTopic($"{course.Id}-block-{n}", course.Id, $"Block {n}", n - 1);
                Topics.Add(topic);
                topicOf[blocks[n - 1].IdAssessment] = topic.Id;
                var due = blocks[n - 1].DueOn.DayNumber - course.StartsOn.DayNumber;
                foreach (var (site, index) in sitesByCourse[course.Index])
                {
                    var day = site.WeekFrom!.Value * 7;
                    if (day > previousDue && day <= due)
                    {
                        sites[index] = site with { TopicId = topic.Id };
                    }
                }

                previousDue = due;
            }
        }

        Sites = [.. sites];
        ReplaceAssessments(Assessments.ToDictionary(a => a.IdAssessment, a => topicOf.TryGetValue(a.IdAssessment, out var topic) ? a with { TopicId = topic } : a));
        for (var i = 0; i < Submissions.Count; i++)
        {
            var submission = Submissions[i] with { Assessment = _assessmentById[Submissions[i].Assessment.IdAssessment] };
            Submissions[i] = submission;
            if (!submission.IsBanked && submission.Assessment.TopicId is { } topicId)
            {
                TopicCompletions.Add(new OuladTopicCompletion(submission.UserId, topicId, AtNoon(submission.SubmittedOn)));
            }
        }
    }

    /// <summary>Users from the registrations (department = region of the latest one, created_at = the earliest) and, optionally, course teams.</summary>
    private void BuildPeople()
    {
        var departments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var student in Registrations.GroupBy(r => r.IdStudent).OrderBy(g => g.Key))
        {
            var latest = student.MaxBy(r => (Courses[r.Course].StartsOn, Courses[r.Course].Id), LatestFirst.Instance)!;
            var region = latest.Region;
            string? departmentId = null;
            if (region is not null)
            {
                departmentId = "oulad-region-" + Slug(region);
                departments.TryAdd(departmentId, region);
            }

            var createdOn = student.Min(r => r.EnrolledOn ?? Courses[r.Course].StartsOn);
            Users.Add(new OuladUser($"oulad-{student.Key}", departmentId, $"Student {student.Key}", AtNoon(createdOn), "learner"));
        }

        Departments.AddRange(departments.Select(d => new OuladDepartment(d.Key, d.Value)));
        if (!Options.TrainerPerModule)
        {
            return;
        }

        foreach (var module in Courses.GroupBy(c => c.Module).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var trainer = new OuladUser($"oulad-trainer-{module.Key}", null, $"Course team {module.Key}", AtNoon(module.Min(c => c.StartsOn)), "trainer");
            Users.Add(trainer);
            CourseTrainers.AddRange(module.Select(c => new OuladCourseTrainer(c.Id, trainer.Id)));
        }
    }

    private void ReplaceAssessments(Dictionary<int, OuladAssessment> replacements)
    {
        Assessments = [.. Assessments.Select(a => replacements[a.IdAssessment])];
        foreach (var assessment in Assessments)
        {
            _assessmentById[assessment.IdAssessment] = assessment;
        }
    }

    /// <summary>Looks up the row's course; counts a skip (excluded) or a reject (unknown) and returns a negative index for both.</summary>
    private int CourseOf(OuladCsv csv, int moduleColumn, OuladFileCounter counter, string entity, string recordKey)
    {
        var module = csv.Text(moduleColumn, "code_module");
        var presentation = csv.Text(moduleColumn + 1, "code_presentation");
        var course = CourseIndex(module, presentation);
        if (course == -1)
        {
            counter.Skipped++;
        }
        else if (course == -2)
        {
            Reject(counter, new OuladReject(entity, recordKey, $"{module}-{presentation} is not in courses.csv", counter.File, csv.Line));
        }

        return course;
    }

    private static int StudentId(OuladCsv csv, int column)
    {
        var id = csv.WholeNumber(column, "id_student");
        return id >= 0 ? id : throw csv.Error($"id_student {id} must not be negative.");
    }

    private static short? SmallCount(OuladCsv csv, int column, string field)
    {
        var value = csv.OptionalInt(column, field);
        return value is null or (>= 0 and <= short.MaxValue)
            ? (short?)value
            : throw csv.Error($"{field} {value} must be from 0 to {short.MaxValue}.");
    }

    internal static DateTimeOffset AtNoon(DateOnly day) => new(day.ToDateTime(Noon), TimeSpan.Zero);

    /// <summary><c>East Anglian Region</c> → <c>east-anglian-region</c>.</summary>
    internal static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(ch);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        return slug.Length == 0 ? "unknown" : slug[..Math.Min(slug.Length, 40)];
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,16}$")]
    private static partial Regex Module();

    [GeneratedRegex("^([0-9]{4})([BJ])$")]
    private static partial Regex Presentation();

    private sealed class LatestFirst : IComparer<(DateOnly Start, string Id)>
    {
        public static readonly LatestFirst Instance = new();

        public int Compare((DateOnly Start, string Id) x, (DateOnly Start, string Id) y)
        {
            var byStart = x.Start.CompareTo(y.Start);
            return byStart != 0 ? byStart : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
