using System.Globalization;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// What an import did (SOURCES.md §4.4): per file rows read/written/rejected/skipped, per table rows inserted/updated/deleted, and
/// the validation report. <see cref="ExitCode"/> is the command's: 0 ok, 2 validation mismatch (bad input throws
/// <see cref="OuladInputException"/>: exit code 3).
/// </summary>
public sealed record OuladImportResult(
    string? RunId,
    bool DryRun,
    bool BulkFastPath,
    IReadOnlyList<OuladFileResult> Files,
    IReadOnlyList<OuladTableResult> Tables,
    IReadOnlyList<OuladValidationCheck> Validation,
    DateOnly AnalysisDate,
    TimeSpan Elapsed)
{
    public const int ValidationMismatchExitCode = 2;
    public const int BadInputExitCode = 3;

    public bool Valid => Validation.All(c => c.Passed);

    public int ExitCode => Valid ? 0 : ValidationMismatchExitCode;

    /// <summary>The report printed at the end of <c>import oulad</c>: files, tables, validation and totals.</summary>
    public void WriteReport(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(DryRun ? "OULAD import (dry run: nothing written)" : $"OULAD import {RunId} ({(BulkFastPath ? "bulk fast path" : "upsert path")})");
        writer.WriteLine(string.Create(c, $"{"file",-26} {"read",12} {"written",12} {"rejected",10} {"skipped",10}"));
        foreach (var file in Files)
        {
            writer.WriteLine(string.Create(c, $"{file.File,-26} {file.RowsRead,12:N0} {file.RowsWritten,12:N0} {file.RowsRejected,10:N0} {file.RowsSkipped,10:N0}"));
        }

        writer.WriteLine(string.Create(c,
            $"{"total",-26} {Files.Sum(f => f.RowsRead),12:N0} {Files.Sum(f => f.RowsWritten),12:N0} {Files.Sum(f => f.RowsRejected),10:N0} {Files.Sum(f => f.RowsSkipped),10:N0}"));
        if (Tables.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(c, $"{"table",-26} {"rows",12} {"inserted",12} {"updated",10} {"deleted",10}"));
            foreach (var table in Tables)
            {
                writer.WriteLine(string.Create(c, $"{table.Table,-26} {table.Rows,12:N0} {table.Inserted,12:N0} {table.Updated,10:N0} {table.Deleted,10:N0}"));
            }

            writer.WriteLine(string.Create(c,
                $"{"total",-26} {Tables.Sum(t => t.Rows),12:N0} {Tables.Sum(t => t.Inserted),12:N0} {Tables.Sum(t => t.Updated),10:N0} {Tables.Sum(t => t.Deleted),10:N0}"));
        }

        writer.WriteLine();
        var published = Validation.Any(v => v.Published is not null);
        writer.WriteLine(string.Create(c, $"{"check",-44} {"files",12} {"store",12}{(published ? $" {"published",12}" : "")}  result"));
        foreach (var check in Validation)
        {
            var store = check.Actual is { } actual ? actual.ToString("N0", c) : "-";
            var figure = published ? " " + (check.Published is { } p ? p.ToString("N0", c) : "-").PadLeft(12) : "";
            writer.WriteLine(string.Create(c, $"{check.Name,-44} {check.Expected,12:N0} {store,12}{figure}  {(check.Passed ? "ok" : "MISMATCH")}"));
        }

        writer.WriteLine(string.Create(c, $"analysisDate {AnalysisDate:yyyy-MM-dd}; validation {(Valid ? "passed" : "FAILED")}; elapsed {Elapsed.TotalSeconds:F1} s"));
    }
}
