using Npgsql;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// The weekly-clicks check of SOURCES.md §4.4 / ANALYTICS.md §9 C1: the fixture's <c>expected_student_week_clicks.csv</c> against the
/// statement of DATA_MODEL.md §1.2 (OuladStudentWeekClicks.sql) run on the store.
/// </summary>
public static class OuladStudentWeeks
{
    /// <summary>
    /// The expected file for an import of <paramref name="directory"/>: in the folder itself (the fixture), else in the sibling
    /// <c>oulad-AAA-2013J</c> (the full or training copy, which holds AAA 2013J too); null when there is none.
    /// </summary>
    public static string? FindExpected(string directory)
    {
        var own = Path.Combine(directory, OuladFiles.ExpectedStudentWeekClicks);
        if (File.Exists(own))
        {
            return own;
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar));
        var sibling = parent is null ? null : Path.Combine(parent, "oulad-AAA-2013J", OuladFiles.ExpectedStudentWeekClicks);
        return sibling is not null && File.Exists(sibling) ? sibling : null;
    }

    public static IReadOnlyList<OuladStudentWeek> ReadExpected(string path)
    {
        using var csv = OuladCsv.Open(path,
            ["code_module", "code_presentation", "id_student", "week", "clicks", "active_days", "distinct_sites", "n_records"]);
        var rows = new List<OuladStudentWeek>();
        while (csv.Read())
        {
            rows.Add(new OuladStudentWeek(csv.Text(0, "code_module"), csv.Text(1, "code_presentation"), csv.WholeNumber(2, "id_student"), csv.WholeNumber(3, "week"),
                csv.WholeNumber(4, "clicks"), csv.WholeNumber(5, "active_days"), csv.WholeNumber(6, "distinct_sites"), csv.WholeNumber(7, "n_records")));
        }

        return rows;
    }

    /// <summary>Runs OuladStudentWeekClicks.sql for the given courses of the import.</summary>
    public static async Task<IReadOnlyList<OuladStudentWeek>> QueryAsync(
        NpgsqlConnection connection, IReadOnlyList<OuladCourse> courses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(courses);
        var byId = courses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(OuladSql.Get(OuladSql.StudentWeekClicks), connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("courseIds", byId.Keys.ToArray());
        var rows = new List<OuladStudentWeek>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var course = byId[reader.GetString(0)];
            var userId = reader.GetString(1);
            rows.Add(new OuladStudentWeek(course.Module, course.Presentation,
                int.Parse(userId.AsSpan("oulad-".Length), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetInt32(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt64(6)));
        }

        return rows;
    }

    /// <summary>Rows of <paramref name="actual"/> equal to an expected row, and rows that are extra or differ.</summary>
    public static (int Equal, int Different) Compare(IReadOnlyList<OuladStudentWeek> expected, IReadOnlyList<OuladStudentWeek> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var wanted = expected.ToHashSet();
        var equal = actual.Count(wanted.Contains);
        return (equal, actual.Count - equal);
    }
}
