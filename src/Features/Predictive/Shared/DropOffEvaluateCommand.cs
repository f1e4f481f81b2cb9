using System.Globalization;
using Analytics.Api.Shared.Database;
using Dapper;
using nietras.SeparatedValues;
using Npgsql;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `evaluate dropoff …` (<see cref="DropOffEvaluationOptions"/>): reads the histories of the train and test presentations from
/// the store, runs <see cref="DropOffEvaluation"/> per target and prints, per target, week and algorithm, the scored
/// registrations, positives, ROC-AUC, PR-AUC and Brier score (MAE for the exam score); `--predictions-out` writes one CSV row per
/// scored registration of the served algorithm (module, presentation, student, week, target, score, label).
/// </summary>
public static class DropOffEvaluateCommand
{
    public static async Task<int> RunAsync(DropOffEvaluationOptions options, string connectionString, TextWriter output, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var courses = (await connection.QueryAsync<string>(new CommandDefinition(
            SqlQueries.Get("DropOffCourses"), cancellationToken: cancellationToken))).ToArray();
        var train = Select(courses, options.Train, options.Exclude);
        var test = Select(courses, options.Test, options.Exclude);
        if (train.Length == 0 || test.Length == 0)
        {
            throw new ArgumentException($"evaluate: no imported presentation matches --{(train.Length == 0 ? "train" : "test")}.");
        }

        if (train.Intersect(test, StringComparer.Ordinal).Any())
        {
            throw new ArgumentException("evaluate: a presentation is both in --train and in --test.");
        }

        var histories = await DropOffHistoryReader.ReadCoursesAsync(connection, [.. train, .. test], cancellationToken);
        var trainSet = train.ToHashSet(StringComparer.Ordinal);
        var trainHistories = histories.Where(h => trainSet.Contains(h.Enrolment.CourseId)).ToArray();
        var testHistories = histories.Where(h => !trainSet.Contains(h.Enrolment.CourseId)).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train {string.Join(',', train.Select(Code))} ({trainHistories.Length} registrations) · test {string.Join(',', test.Select(Code))} ({testHistories.Length} registrations)"));

        var results = options.Targets.Select(t => DropOffEvaluation.Run(trainHistories, testHistories, t, options.Weeks)).ToArray();
        Print(results, output);
        if (options.PredictionsOut is { } file)
        {
            WritePredictions(results, file);
            output.WriteLine($"predictions written to {file}");
        }

        return 0;
    }

    /// <summary>`MODULE-PRESENTATION` of a course: the OULAD course id without its `oulad-` prefix, else the id itself.</summary>
    public static string Code(string courseId) => courseId.StartsWith("oulad-", StringComparison.Ordinal) ? courseId["oulad-".Length..] : courseId;

    private static string[] Select(IEnumerable<string> courses, IReadOnlyList<string> include, IReadOnlyList<string> exclude) =>
        courses.Where(c => DropOffEvaluationOptions.Matches(Code(c), include) && !DropOffEvaluationOptions.Matches(Code(c), exclude))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static void Print(IEnumerable<DropOffEvaluationResult> results, TextWriter output)
    {
        foreach (var result in results)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target {DropOffTargets.Name(result.Target)} · trained on {result.TrainingRows} rows of {result.TrainingEnrolments} registrations · served: {result.Winner}"));
            if (result.Target == DropOffTarget.ExamScore)
            {
                output.WriteLine($"{"week",4}  {"algorithm",-24} {"scored",7} {"mae",7} {"mean-mae",9}");
                foreach (var w in result.Weeks)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{w.Week,4}  {w.Algorithm + (w.Algorithm == result.Winner ? " *" : ""),-24} {w.Count,7} {w.Mae,7:F2} {w.BaselineMae,9:F2}"));
                }

                continue;
            }

            output.WriteLine($"{"week",4}  {"algorithm",-24} {"scored",7} {"positive",8} {"roc-auc",8} {"pr-auc",7} {"brier",7} {"brier-0",8}");
            foreach (var w in result.Weeks)
            {
                var q = w.Quality!;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{w.Week,4}  {w.Algorithm + (w.Algorithm == result.Winner ? " *" : ""),-24} {q.Count,7} {q.Positives,8} {q.RocAuc,8:F3} {q.PrAuc,7:F3} {q.Brier,7:F3} {q.BrierBaseline,8:F3}"));
            }
        }
    }

    private static void WritePredictions(IEnumerable<DropOffEvaluationResult> results, string file)
    {
        using var writer = Sep.New(',').Writer(o => o with { CultureInfo = CultureInfo.InvariantCulture }).ToFile(file);
        foreach (var result in results)
        {
            foreach (var p in result.Predictions)
            {
                var code = Code(p.Enrolment.CourseId);
                var dash = code.IndexOf('-', StringComparison.Ordinal);
                using var row = writer.NewRow();
                row["module"].Set(dash < 0 ? code : code[..dash]);
                row["presentation"].Set(dash < 0 ? string.Empty : code[(dash + 1)..]);
                row["student"].Set(p.Enrolment.UserId.StartsWith("oulad-", StringComparison.Ordinal) ? p.Enrolment.UserId["oulad-".Length..] : p.Enrolment.UserId);
                row["week"].Format(p.Week);
                row["target"].Set(DropOffTargets.Name(result.Target));
                row["score"].Set(p.Score.ToString("0.######", CultureInfo.InvariantCulture));
                row["label"].Set(p.Label.ToString("0.##", CultureInfo.InvariantCulture));
            }
        }
    }
}
