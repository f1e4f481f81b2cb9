namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// A module-presentation (courses.csv) as a course (SOURCES.md §4.2): id <c>oulad-AAA-2013J</c>, title <c>AAA 2013J</c>, category =
/// module, day 0 = <see cref="StartsOn"/>, ends_on = day 0 + length (click days run to <c>length</c> inclusive).
/// </summary>
public sealed record OuladCourse(int Index, string Module, string Presentation, DateOnly StartsOn, int LengthDays)
{
    public string Id { get; } = $"oulad-{Module}-{Presentation}";

    public string Key => Module + "-" + Presentation;

    public string Title => Module + " " + Presentation;

    public DateOnly EndsOn => StartsOn.AddDays(LengthDays);

    /// <summary>The calendar day of a day offset of this presentation.</summary>
    public DateOnly Day(int offset) => StartsOn.AddDays(offset);
}
