namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>A stored result of another analytic (its API data object as JSON).</summary>
public sealed record StoredInputRow(string Analytic, string Payload);

/// <summary>An active enrolment's course and the learner's last progress day in it (R5).</summary>
public sealed record ActiveCourseRow(string CourseId, string CourseTitle, DateOnly? LastProgressOn);

/// <summary>Where a target skill is taught next for the learner: an unfinished topic of an active course, else a course (R1).</summary>
public sealed record SkillTeachingRow(
    string SkillId, string? TopicId, string? TopicTitle, string? TopicCourseTitle, string? CourseId, string? CourseTitle, long? CourseSeconds);

/// <summary>A non-exam assessment due in the last 14 days or the next 7 without a submission (R2).</summary>
public sealed record DueAssessmentRow(string AssessmentId, string Title, string CourseTitle, DateOnly DueOn);

/// <summary>A topic with an assessment whose best score is under its pass threshold, and whether it has a practice item (R3).</summary>
public sealed record WeakTopicRow(string TopicId, string TopicTitle, string CourseTitle, double BestScore, double PassThreshold, bool HasPractice);

/// <summary>The topic (else course) with the most unopened items of one content type (R4).</summary>
public sealed record UnopenedTypeRow(string Type, string? TopicId, string? TopicTitle, string CourseId, string CourseTitle, int Unopened);

/// <summary>Σ `duration_s` of the unopened items of a topic or course (timeToComplete); null when no item has a duration.</summary>
public sealed record RemainingRow(string ItemType, string ItemId, long? Seconds);

/// <summary>A Learner AI row of the feed with its item's title (R7).</summary>
public sealed record LearnerAiRow(string ItemType, string ItemId, string Reason, double? Score, string? ItemTitle, long? Seconds);

/// <summary>Events on one ISO weekday (1 = Monday) over the last 12 weeks (the Pattern insight).</summary>
public sealed record WeekdayRow(int Weekday, long Events);

/// <summary>A feed item issued in the last 90 days: its local issue day, score, and whether it was acted on and completed.</summary>
public sealed record FeedOutcomeRow(DateOnly IssuedOn, double? Score, bool Acted, bool Completed);
