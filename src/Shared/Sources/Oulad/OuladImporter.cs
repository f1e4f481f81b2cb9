using System.Diagnostics;
using Analytics.Api.Shared.Jobs;
using Analytics.Api.Shared.Privacy;
using Analytics.Api.Shared.Sources.Demo;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// The OULAD importer (SOURCES.md §4, <c>source = oulad</c>). The six small files are read and mapped in memory; studentVle is then
/// streamed and summed per presentation. When the months it covers hold no activity yet, the keys take the bulk fast path of
/// DATA_MODEL.md §8 (COPY FREEZE into new month tables, attached afterwards) while the other tables are upserted on a second
/// connection; otherwise (a re-import) everything is upserted in one transaction. Every write is an upsert on the keys of
/// DATA_MODEL.md §1.6 that leaves unchanged rows alone, so importing the same files twice changes nothing. The run is recorded in
/// ops.sync_runs and the source in ops.sources / ops.organisation_sources; the validation of §4.4 compares the figures counted
/// from the files with the store. It prints nothing: the caller prints <see cref="OuladImportResult.WriteReport"/>.
/// </summary>
public static partial class OuladImporter
{
    /// <summary>The published figures of the full dataset (22 presentations, SOURCES.md §4.4), shown next to a full import.</summary>
    private static readonly Dictionary<string, long> PublishedFull = new(StringComparer.Ordinal)
    {
        ["courses"] = 22,
        ["assessments"] = 206,
        ["content_items"] = 6_364,
        ["users"] = 28_785,
        ["enrolments"] = 32_593,
        ["learner_attributes"] = 32_593,
        ["submissions"] = 173_912,
        ["submissions_score_null"] = 173,
        ["activity_days"] = 8_459_320,
        ["activity_raw_rows"] = 10_655_280,
        ["activity_events"] = 39_605_099,
        ["final_result_pass"] = 12_361,
        ["final_result_withdrawn"] = 10_156,
        ["final_result_fail"] = 7_052,
        ["final_result_distinction"] = 3_024,
        ["withdrawn_on_present"] = 10_072,
        ["enrolled_on_null"] = 45,
        ["exams_without_date"] = 11,
    };

    /// <summary>Imports <paramref name="directory"/> with the default options (SOURCES.md §4.1).</summary>
    public static Task<OuladImportResult> RunAsync(string connectionString, string directory, ILogger logger, CancellationToken cancellationToken) =>
        RunAsync(connectionString, new OuladImportOptions { Directory = directory }, logger, TimeProvider.System, cancellationToken);

    public static Task<OuladImportResult> RunAsync(string connectionString, OuladImportOptions options, ILogger logger, CancellationToken cancellationToken) =>
        RunAsync(connectionString, options, logger, TimeProvider.System, cancellationToken);

    /// <exception cref="OuladInputException">A file is missing or malformed (exit code 3).</exception>
    /// <exception cref="InvalidOperationException"><c>--mode fail-if-present</c> and the store already holds the import's rows.</exception>
    public static async Task<OuladImportResult> RunAsync(
        string connectionString, OuladImportOptions options, ILogger logger, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!options.DryRun)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        }

        var stopwatch = Stopwatch.StartNew();
        var startedAt = timeProvider.GetUtcNow();
        LogStarting(logger, options.Directory, options.OrganisationId, options.DryRun);
        var data = OuladDataSet.Read(options.Directory, options);
        if (!options.DryRun && await ErasedStudentsAsync(connectionString, options, data, cancellationToken) is { Count: > 0 } erased)
        {
            // Read again leaving the erased people out everywhere, so the figures of §4.4 are checked without them too.
            options = options with { ErasedStudents = erased };
            data = OuladDataSet.Read(options.Directory, options);
        }

        // Partitions from the month before the earliest day 0 (registrations and clicks start up to a few weeks early) to the
        // latest course end: 2013-01 … 2015-06 for the full dataset (SOURCES.md §4.4).
        var earliest = data.Courses.Min(c => c.StartsOn).AddMonths(-1);
        var firstDay = new DateOnly(earliest.Year, earliest.Month, 1);
        var lastDay = data.Courses.Max(c => c.EndsOn);
        var clicks = new OuladClickReader(data, firstDay, lastDay);
        LogPhase(logger, "small files read and mapped", stopwatch.Elapsed.TotalSeconds);

        if (options.DryRun)
        {
            await ReadClicksAsync(clicks, new OuladDryRunSink(), cancellationToken);
            var dryFiles = data.Files.Append(clicks.Counter).Select(f => f.ToResult() with { RowsWritten = 0 }).ToList();
            var dry = new OuladImportResult(null, true, false, dryFiles, [], Checks(data, clicks, null), data.AnalysisDate, stopwatch.Elapsed);
            LogDone(logger, stopwatch.Elapsed.TotalSeconds, clicks.RawRows, clicks.Keys, dry.Valid);
            return dry;
        }

        await using var dataSource = new NpgsqlDataSourceBuilder(
            new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, MaxPoolSize = 100 }.ConnectionString).Build();
        await using var control = await dataSource.OpenConnectionAsync(cancellationToken);
        await ConstraintStash.ExecuteAsync(control, "SET synchronous_commit = off", cancellationToken);
        var runId = JobId.New(startedAt);
        await StartRunAsync(control, runId, options.OrganisationId, startedAt, cancellationToken);
        MonthlyPartitionLoader<OuladActivityRow>? loader = null;
        List<Task>? copies = null;
        try
        {
            if (options.Mode == OuladImportMode.FailIfPresent)
            {
                await FailIfPresentAsync(control, data, cancellationToken);
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // One import at a time; the loser waits rather than interleaving its upserts.
            await ConstraintStash.ExecuteAsync(connection,
                "SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock(hashtext('oulad-import'))", cancellationToken);
            var writer = new OuladStoreWriter(connection, data);
            var fastPath = await MonthsAreEmptyAsync(control, firstDay, lastDay, cancellationToken);
            OuladTableResult activity;
            if (fastPath)
            {
                loader = new MonthlyPartitionLoader<OuladActivityRow>("day", timestampKey: false, firstDay, lastDay);
                await loader.PrepareAsync(control, cancellationToken);
                copies = await loader.StartAsync(dataSource, cancellationToken);
                var sink = new OuladBulkActivitySink(data, loader);
                // The other tables are upserted on their own connection while this thread parses and the month COPYs run.
                var reference = writer.WriteReferenceAsync(cancellationToken);
                bool grouped;
                try
                {
                    grouped = await StartLongRunning(() => clicks.Read(sink, grouped: true, cancellationToken), cancellationToken);
                }
                catch (Exception error)
                {
                    loader.Complete(error);
                    await Task.WhenAll(copies.Append(reference)).ContinueWith(_ => { }, TaskScheduler.Default);
                    throw FirstFailure(copies) ?? error;
                }

                if (!grouped)
                {
                    LogUnordered(logger, clicks.Path);
                    loader.Complete(new OperationCanceledException("studentVle is not grouped by presentation: reading it again."));
                    await Task.WhenAll(copies).ContinueWith(_ => { }, TaskScheduler.Default);
                    await loader.CloseAsync();
                    loader = new MonthlyPartitionLoader<OuladActivityRow>("day", timestampKey: false, firstDay, lastDay);
                    await loader.PrepareAsync(control, cancellationToken);
                    copies = await loader.StartAsync(dataSource, cancellationToken);
                    sink = new OuladBulkActivitySink(data, loader);
                    await StartLongRunning(() => clicks.Read(sink, grouped: false, cancellationToken), cancellationToken);
                }

                sink.Complete();
                await Task.WhenAll(copies);
                await reference;
                LogPhase(logger, "clicks summed and copied, other tables upserted", stopwatch.Elapsed.TotalSeconds);
                await loader.FinishAsync(Math.Max(2, Environment.ProcessorCount), cancellationToken);
                await loader.CloseAsync();
                LogPhase(logger, "activity months indexed", stopwatch.Elapsed.TotalSeconds);
                activity = new OuladTableResult("lrs.activity_days", loader.Rows, loader.Rows, 0, 0);
                await writer.FinishAsync(timeProvider.GetUtcNow(), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await loader.AttachAsync(control, cancellationToken);
                loader = null;
            }
            else
            {
                await EnsurePartitionsAsync(connection, firstDay, lastDay, cancellationToken);
                await writer.WriteReferenceAsync(cancellationToken);
                LogPhase(logger, "other tables upserted", stopwatch.Elapsed.TotalSeconds);
                var sink = new OuladUpsertActivitySink(connection, data);
                await ReadClicksAsync(clicks, sink, cancellationToken, logger);
                activity = sink.Result;
                await writer.FinishAsync(timeProvider.GetUtcNow(), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            LogPhase(logger, "committed", stopwatch.Elapsed.TotalSeconds);
            await AnalyzeAsync(dataSource, firstDay, lastDay, cancellationToken);
            var store = await StoreFiguresAsync(control, data, cancellationToken);
            var checks = Checks(data, clicks, store);
            if (OuladStudentWeeks.FindExpected(options.Directory) is { } expectedPath)
            {
                checks.AddRange(await WeeklyChecksAsync(control, data, expectedPath, cancellationToken));
            }

            var files = data.Files.Append(clicks.Counter).Select(f => f.ToResult()).ToList();
            var tables = writer.Tables.Append(activity).OrderBy(t => t.Table, StringComparer.Ordinal).ToList();
            var result = new OuladImportResult(runId, false, fastPath, files, tables, checks, data.AnalysisDate, stopwatch.Elapsed);
            await FinishRunAsync(control, runId, result, timeProvider.GetUtcNow(), null, cancellationToken);
            LogDone(logger, stopwatch.Elapsed.TotalSeconds, clicks.RawRows, clicks.Keys, result.Valid);
            return result;
        }
        catch (Exception error)
        {
            await RecoverAsync(dataSource, loader, copies, firstDay, lastDay, logger);
            await FinishRunAsync(control, runId, null, timeProvider.GetUtcNow(), error.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The students of the files whose tombstone exists (DATA_MODEL.md §10). Without the tombstone check the import runs only on a
    /// store that has never erased anyone.
    /// </summary>
    private static async Task<IReadOnlySet<int>> ErasedStudentsAsync(
        string connectionString, OuladImportOptions options, OuladDataSet data, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (options.Tombstones is null)
        {
            return await ErasureTombstones.AnyAsync(connection, cancellationToken)
                ? throw new InvalidOperationException(
                    "import oulad: the store holds erasure tombstones; set Privacy:SubjectHashKey (the service's key) so erased people stay out.")
                : new HashSet<int>();
        }

        var students = data.Registrations.DistinctBy(r => r.IdStudent).ToDictionary(r => r.UserId, r => r.IdStudent, StringComparer.Ordinal);
        var erased = await options.Tombstones.ErasedAmongAsync(connection, null, students.Keys, cancellationToken);
        return erased.Select(id => students[id]).ToHashSet();
    }

    private static async Task ReadClicksAsync(OuladClickReader clicks, IOuladActivitySink sink, CancellationToken cancellationToken, ILogger? logger = null)
    {
        if (!await StartLongRunning(() => clicks.Read(sink, grouped: true, cancellationToken), cancellationToken))
        {
            if (logger is not null)
            {
                LogUnordered(logger, clicks.Path);
            }

            await StartLongRunning(() => clicks.Read(sink, grouped: false, cancellationToken), cancellationToken);
        }
    }

    /// <summary>The parse runs synchronously (Sep, binary COPY): a dedicated thread keeps it off the thread pool.</summary>
    private static Task<bool> StartLongRunning(Func<bool> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Exception? FirstFailure(IEnumerable<Task> tasks) =>
        tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).FirstOrDefault(e => e is not OperationCanceledException);

    private static async Task<bool> MonthsAreEmptyAsync(NpgsqlConnection connection, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM lrs.activity_days WHERE day >= @from AND day < @to)", connection);
        command.Parameters.AddWithValue("from", firstDay);
        command.Parameters.AddWithValue("to", new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(1));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task EnsurePartitionsAsync(NpgsqlConnection connection, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT ops.ensure_month_partitions('lrs.activity_days'::regclass, @from, @to)", connection);
        command.Parameters.AddWithValue("from", firstDay);
        command.Parameters.AddWithValue("to", lastDay);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task FailIfPresentAsync(NpgsqlConnection connection, OuladDataSet data, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM lrs.organisations WHERE id = @organisation) OR EXISTS (SELECT 1 FROM lrs.courses WHERE id = ANY(@courseIds))",
            connection);
        command.Parameters.AddWithValue("organisation", data.Options.OrganisationId);
        command.Parameters.AddWithValue("courseIds", data.Courses.Select(c => c.Id).ToArray());
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            throw new InvalidOperationException(
                $"import oulad --mode fail-if-present: the store already holds the organisation '{data.Options.OrganisationId}' or one of the " +
                "presentations; use --mode replace to re-import.");
        }
    }

    private static async Task StartRunAsync(NpgsqlConnection connection, string runId, string scope, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO ops.sync_runs (id, source, kind, scope, status, started_at, heartbeat_at, instance)
            VALUES (@id, 'oulad', 'import', @scope, 'running', @started, @started, @instance)
            """, connection);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("started", startedAt);
        command.Parameters.AddWithValue("instance", Environment.MachineName);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Closes the run: completed, partial (rows rejected or a validation mismatch) or failed (<paramref name="error"/>).</summary>
    private static async Task FinishRunAsync(
        NpgsqlConnection connection, string runId, OuladImportResult? result, DateTimeOffset now, string? error, CancellationToken cancellationToken)
    {
        var status = result is null ? "failed" : result.Valid && result.Files.All(f => f.RowsRejected == 0) ? "completed" : "partial";
        var progress = result is null
            ? "{}"
            : OuladJson.Object(result.Files.Select(f => new KeyValuePair<string, object>(f.File, new Dictionary<string, object>
            {
                ["read"] = f.RowsRead,
                ["written"] = f.RowsWritten,
                ["rejected"] = f.RowsRejected,
                ["skipped"] = f.RowsSkipped,
            })));
        try
        {
            await using var command = new NpgsqlCommand("""
                UPDATE ops.sync_runs
                SET status = @status, progress = @progress, rows_read = @read, rows_written = @written, rows_rejected = @rejected,
                    heartbeat_at = @now, finished_at = @now, error = @error
                WHERE id = @id
                """, connection);
            command.Parameters.AddWithValue("id", runId);
            command.Parameters.AddWithValue("status", status);
            command.Parameters.Add(new NpgsqlParameter("progress", NpgsqlDbType.Jsonb) { Value = progress });
            command.Parameters.AddWithValue("read", result?.Files.Sum(f => f.RowsRead) ?? 0L);
            command.Parameters.AddWithValue("written", result?.Tables.Sum(t => t.Inserted + t.Updated + t.Deleted) ?? 0L);
            command.Parameters.AddWithValue("rejected", result?.Files.Sum(f => f.RowsRejected) ?? 0L);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException) when (error is not null)
        {
            // Recording a failure must not hide the failure itself.
        }
    }

    /// <summary>Fresh statistics for what was loaded: the small tables and the activity months of the import.</summary>
    private static async Task AnalyzeAsync(NpgsqlDataSource dataSource, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var tables = OuladStoreWriter.ProvidedTables.Where(t => t != "activity_days").Select(t => "lrs." + t).ToList();
        for (var month = firstDay; month <= lastDay; month = month.AddMonths(1))
        {
            tables.Add($"lrs.activity_days_y{month.Year:D4}m{month.Month:D2}");
        }

        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            int index;
            while ((index = Interlocked.Increment(ref next)) < tables.Count)
            {
                // A month partition may carry another name when someone created it by hand: only analyze what exists.
                await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
                command.Parameters.AddWithValue("table", tables[index]);
                if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                {
                    await ConstraintStash.ExecuteAsync(connection, $"ANALYZE {tables[index]}", cancellationToken);
                }
            }
        }));
    }

    private static async Task<Dictionary<string, long>> StoreFiguresAsync(NpgsqlConnection connection, OuladDataSet data, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(OuladSql.Get(OuladSql.Validation), connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("courseIds", data.Courses.Select(c => c.Id).ToArray());
        command.Parameters.AddWithValue("departmentIds", data.Departments.Select(d => d.Id).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var figures = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            figures[reader.GetName(i)] = Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        }

        return figures;
    }

    /// <summary>Files against store (null on a dry run); the published figures when the import is the full dataset.</summary>
    private static List<OuladValidationCheck> Checks(OuladDataSet data, OuladClickReader clicks, Dictionary<string, long>? store)
    {
        var expected = new Dictionary<string, long>(data.Figures(), StringComparer.Ordinal)
        {
            ["activity_days"] = clicks.Keys,
            ["activity_raw_rows"] = clicks.RawRows,
            ["activity_events"] = clicks.Events,
        };
        var full = data.Courses.Count == PublishedFull["courses"];
        return [.. expected.Select(e => new OuladValidationCheck(
            e.Key,
            e.Value,
            store is not null && store.TryGetValue(e.Key, out var actual) ? actual : null,
            full && PublishedFull.TryGetValue(e.Key, out var published) ? published : null))];
    }

    private static async Task<IEnumerable<OuladValidationCheck>> WeeklyChecksAsync(
        NpgsqlConnection connection, OuladDataSet data, string expectedPath, CancellationToken cancellationToken)
    {
        var expected = OuladStudentWeeks.ReadExpected(expectedPath);
        var keys = expected.Select(e => e.Module + "-" + e.Presentation).ToHashSet(StringComparer.Ordinal);
        var courses = data.Courses.Where(c => keys.Contains(c.Key)).ToList();
        if (courses.Count == 0)
        {
            return [];
        }

        var covered = courses.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var wanted = expected.Where(e => covered.Contains(e.Module + "-" + e.Presentation)).ToList();
        var actual = await OuladStudentWeeks.QueryAsync(connection, courses, cancellationToken);
        var (equal, different) = OuladStudentWeeks.Compare(wanted, actual);
        var label = string.Join(",", covered.Order(StringComparer.Ordinal));
        return
        [
            new OuladValidationCheck($"{label} student-weeks as expected (C1)", wanted.Count, equal),
            new OuladValidationCheck($"{label} student-weeks extra or different", 0, different),
        ];
    }

    /// <summary>After a failure: drop month tables loaded but never attached and put back the (empty) partitions of the range.</summary>
    private static async Task RecoverAsync(
        NpgsqlDataSource dataSource, MonthlyPartitionLoader<OuladActivityRow>? loader, List<Task>? copies, DateOnly firstDay, DateOnly lastDay, ILogger logger)
    {
        if (loader is null)
        {
            return;
        }

        try
        {
            loader.Complete(new OperationCanceledException("The OULAD import failed."));
            if (copies is not null)
            {
                await Task.WhenAll(copies).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            await loader.CloseAsync();
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
            var leftovers = new List<string>();
            await using (var command = new NpgsqlCommand("""
                SELECT c.oid::regclass::text
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'lrs' AND c.relkind = 'r' AND NOT c.relispartition AND c.relname LIKE 'activity\_days\_y%\_load'
                """, connection))
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    leftovers.Add(reader.GetString(0));
                }
            }

            foreach (var table in leftovers)
            {
                await ConstraintStash.ExecuteAsync(connection, $"DROP TABLE {table}", CancellationToken.None);
            }

            await EnsurePartitionsAsync(connection, firstDay, lastDay, CancellationToken.None);
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            LogRecoveryFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OULAD import of {Directory} into organisation {Organisation} (dry run: {DryRun})")]
    private static partial void LogStarting(ILogger logger, string directory, string organisation, bool dryRun);

    [LoggerMessage(Level = LogLevel.Information, Message = "OULAD import: {Phase} after {Seconds:F1} s")]
    private static partial void LogPhase(ILogger logger, string phase, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OULAD import: {File} is not grouped by presentation; reading it again with one dictionary for all")]
    private static partial void LogUnordered(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "OULAD import done in {Seconds:F1} s: {RawRows} click rows summed into {Keys} activity keys; validation passed: {Valid}")]
    private static partial void LogDone(ILogger logger, double seconds, long rawRows, long keys, bool valid);

    [LoggerMessage(Level = LogLevel.Error, Message = "OULAD import: cleaning up after a failure failed; drop lrs.activity_days_y*_load tables by hand")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception error);
}
