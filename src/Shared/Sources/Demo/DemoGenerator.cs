using System.Diagnostics;
using System.Security.Cryptography;
using Analytics.Api.Shared.Jobs;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// The deterministic demo generator (SOURCES.md §2): builds the world, simulates learners in parallel (one worker per core),
/// streams their rows through bounded channels into binary COPY with the bulk fast path of DATA_MODEL.md §8, then rebuilds
/// indexes and foreign keys, records the source and the run, and analyzes. It prints nothing; the caller prints the result.
/// </summary>
public static partial class DemoGenerator
{
    private const int BatchSize = 4096;
    private const int LearnersPerClaim = 32;
    private const int PartitionMonthsAhead = 3;

    /// <summary>The lrs tables the generator fills (ops.sources.provides), in load order (SOURCES.md §1.2).</summary>
    public static IReadOnlyList<string> ProvidedTables { get; } =
    [
        "organisations", "departments", "users", "user_roles", "skills", "skill_prerequisites", "courses", "course_trainers",
        "topics", "content_items", "course_skills", "topic_skills", "assessments", "enrolments", "skill_targets", "kpis",
        "user_skills", "learning_paths", "learning_path_topics", "activity_days", "sessions", "topic_completions", "submissions",
        "feedback", "practice_sessions", "help_requests", "mentoring_links", "content_contributions", "recommendations_feed",
    ];

    public static async Task<bool> StoreIsEmptyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await StoreIsEmptyAsync(connection, cancellationToken);
    }

    public static Task<DemoGenerationResult> RunAsync(string connectionString, DemoOptions options, ILogger logger, CancellationToken cancellationToken) =>
        RunAsync(connectionString, options, logger, TimeProvider.System, cancellationToken);

    public static async Task<DemoGenerationResult> RunAsync(
        string connectionString, DemoOptions options, ILogger logger, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var stopwatch = Stopwatch.StartNew();
        var startedAt = timeProvider.GetUtcNow();
        var settings = options.Resolve(timeProvider);
        LogStarting(logger, settings.Preset, settings.Seed, settings.EndDate, settings.Learners, settings.Organisations);

        var world = DemoWorldBuilder.Build(settings);
        var reference = ReferenceData.From(world);
        await using var dataSource = new NpgsqlDataSourceBuilder(
            new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, MaxPoolSize = 200 }.ConnectionString).Build();
        await using var control = await dataSource.OpenConnectionAsync(cancellationToken);
        await ConstraintStash.ExecuteAsync(control, "SET synchronous_commit = off", cancellationToken);
        await PrepareStoreAsync(control, settings.Replace, cancellationToken);

        var stash = new ConstraintStash();
        var bulkTables = ProvidedTables.Where(t => t is not "activity_days" and not "sessions").Select(t => "lrs." + t).ToList();
        await stash.DropAsync(control, bulkTables, cancellationToken);
        var pipeline = new FactPipeline(world.FirstDay, world.EndDate);
        try
        {
            await pipeline.ActivityDays.PrepareAsync(control, cancellationToken);
            await pipeline.Sessions.PrepareAsync(control, cancellationToken);
            await CopyReferenceAsync(control, reference, cancellationToken);
            LogPhase(logger, "reference data", stopwatch.Elapsed.TotalSeconds);

            var copies = await pipeline.StartAsync(dataSource, cancellationToken);
            var (learnerHashes, statistics) = await SimulateAsync(world, pipeline, cancellationToken);
            await Task.WhenAll(copies);
            LogPhase(logger, "learners simulated and copied", stopwatch.Elapsed.TotalSeconds);

            var parallelism = Math.Max(2, Environment.ProcessorCount);
            await pipeline.ActivityDays.FinishAsync(parallelism, cancellationToken);
            await pipeline.Sessions.FinishAsync(parallelism, cancellationToken);
            await pipeline.CloseAsync();
            await pipeline.ActivityDays.AttachAsync(control, cancellationToken);
            await pipeline.Sessions.AttachAsync(control, cancellationToken);
            LogPhase(logger, "activity partitions indexed and attached", stopwatch.Elapsed.TotalSeconds);

            var workers = new List<NpgsqlConnection> { control };
            for (var k = 1; k < parallelism; k++)
            {
                workers.Add(await dataSource.OpenConnectionAsync(cancellationToken));
            }

            try
            {
                await stash.RestoreIndexesAsync(workers, cancellationToken);
                LogPhase(logger, "indexes rebuilt", stopwatch.Elapsed.TotalSeconds);
                await stash.RestoreForeignKeysAsync(workers, cancellationToken);
                LogPhase(logger, "foreign keys validated", stopwatch.Elapsed.TotalSeconds);
                await EnsurePartitionsAheadAsync(control, world, cancellationToken);
                await WriteCredentialsAndSourcesAsync(control, world, startedAt, timeProvider, statistics, cancellationToken);
                await AnalyzeAsync(workers, cancellationToken);
            }
            finally
            {
                foreach (var worker in workers.Skip(1))
                {
                    await worker.DisposeAsync();
                }
            }

            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (table, rows) in ReferenceCounts(reference).Concat(pipeline.RowCounts()))
            {
                counts[table] = rows;
            }

            var hash = ContentHash(reference, learnerHashes);
            var totalRows = counts.Values.Sum();
            LogDone(logger, stopwatch.Elapsed.TotalSeconds, totalRows, statistics.Events, statistics.WithdrawalRate, statistics.MeanScore, hash);
            return new DemoGenerationResult(counts, hash, stopwatch.Elapsed);
        }
        catch (Exception)
        {
            pipeline.Complete(new OperationCanceledException("The demo generation failed."));
            await pipeline.CloseAsync();
            await RecoverAsync(dataSource, stash, logger);
            throw;
        }
    }

    private static async Task<bool> StoreIsEmptyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM lrs.organisations)", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task PrepareStoreAsync(NpgsqlConnection control, bool replace, CancellationToken cancellationToken)
    {
        if (await StoreIsEmptyAsync(control, cancellationToken))
        {
            return;
        }

        if (!replace)
        {
            throw new InvalidOperationException(
                "The learning record store is not empty (lrs.organisations has rows): generate --replace deletes the lrs data first, " +
                "or point the generator at an empty database.");
        }

        // CASCADE also clears what hangs off the people (credentials, gamification, ops.organisation_sources).
        var tables = string.Join(", ", ProvidedTables.Append("learner_attributes").Select(t => "lrs." + t));
        await ConstraintStash.ExecuteAsync(control, $"TRUNCATE {tables} CASCADE", cancellationToken);
    }

    private static async Task CopyReferenceAsync(NpgsqlConnection connection, ReferenceData reference, CancellationToken cancellationToken)
    {
        await CopyAsync(connection, reference.Organisations, cancellationToken);
        await CopyAsync(connection, reference.Departments, cancellationToken);
        await CopyAsync(connection, reference.Users, cancellationToken);
        await CopyAsync(connection, reference.UserRoles, cancellationToken);
        await CopyAsync(connection, reference.Skills, cancellationToken);
        await CopyAsync(connection, reference.SkillPrerequisites, cancellationToken);
        await CopyAsync(connection, reference.Courses, cancellationToken);
        await CopyAsync(connection, reference.CourseTrainers, cancellationToken);
        await CopyAsync(connection, reference.Topics, cancellationToken);
        await CopyAsync(connection, reference.ContentItems, cancellationToken);
        await CopyAsync(connection, reference.CourseSkills, cancellationToken);
        await CopyAsync(connection, reference.TopicSkills, cancellationToken);
        await CopyAsync(connection, reference.Assessments, cancellationToken);
        await CopyAsync(connection, reference.SkillTargets, cancellationToken);
        await CopyAsync(connection, reference.Kpis, cancellationToken);
    }

    private static async Task CopyAsync<TRow>(NpgsqlConnection connection, List<TRow> rows, CancellationToken cancellationToken)
        where TRow : struct, IDemoRow<TRow>
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {TRow.Table} ({TRow.Columns}) FROM STDIN (FORMAT binary)", cancellationToken);
        foreach (var row in rows)
        {
            row.Write(importer);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static IEnumerable<KeyValuePair<string, long>> ReferenceCounts(ReferenceData reference)
    {
        yield return new(OrganisationRow.Table, reference.Organisations.Count);
        yield return new(DepartmentRow.Table, reference.Departments.Count);
        yield return new(UserRow.Table, reference.Users.Count);
        yield return new(UserRoleRow.Table, reference.UserRoles.Count);
        yield return new(SkillRow.Table, reference.Skills.Count);
        yield return new(SkillPrerequisiteRow.Table, reference.SkillPrerequisites.Count);
        yield return new(CourseRow.Table, reference.Courses.Count);
        yield return new(CourseTrainerRow.Table, reference.CourseTrainers.Count);
        yield return new(TopicRow.Table, reference.Topics.Count);
        yield return new(ContentItemRow.Table, reference.ContentItems.Count);
        yield return new(CourseSkillRow.Table, reference.CourseSkills.Count);
        yield return new(TopicSkillRow.Table, reference.TopicSkills.Count);
        yield return new(AssessmentRow.Table, reference.Assessments.Count);
        yield return new(SkillTargetRow.Table, reference.SkillTargets.Count);
        yield return new(KpiRow.Table, reference.Kpis.Count);
    }

    /// <summary>One worker per core claims learners in small chunks; hashes land by learner index, so thread count cannot change them.</summary>
    private static async Task<(byte[][] Hashes, GenerationStatistics Statistics)> SimulateAsync(
        DemoWorld world, FactPipeline pipeline, CancellationToken cancellationToken)
    {
        var learners = world.Learners;
        var hashes = new byte[learners.Count][];
        var next = -LearnersPerClaim;
        var workerCount = Math.Max(1, Environment.ProcessorCount);
        var statistics = new GenerationStatistics[workerCount];
        var workers = Enumerable.Range(0, workerCount).Select(w => Task.Factory.StartNew(
            () =>
            {
                var simulator = new LearnerSimulator(world);
                var rows = new LearnerRows();
                using var hasher = new ContentHasher();
                var sink = pipeline.CreateSink(BatchSize);
                var stats = new GenerationStatistics();
                int start;
                while ((start = Interlocked.Add(ref next, LearnersPerClaim)) < learners.Count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    for (var i = start; i < Math.Min(start + LearnersPerClaim, learners.Count); i++)
                    {
                        simulator.Simulate(learners[i], rows);
                        hashes[i] = rows.Hash(hasher);
                        stats.Add(rows);
                        sink.Add(rows);
                    }
                }

                sink.Flush();
                statistics[w] = stats;
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        try
        {
            await Task.WhenAll(workers);
            pipeline.Complete();
        }
        catch (Exception error)
        {
            pipeline.Complete(error);
            throw;
        }

        return (hashes, GenerationStatistics.Combine(statistics));
    }

    private static string ContentHash(ReferenceData reference, byte[][] learnerHashes)
    {
        using var hasher = new ContentHasher();
        var referenceHash = reference.Hash(hasher);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(referenceHash);
        foreach (var hash in learnerHashes)
        {
            sha.AppendData(hash);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task EnsurePartitionsAheadAsync(NpgsqlConnection control, DemoWorld world, CancellationToken cancellationToken)
    {
        foreach (var parent in new[] { ActivityDayRow.Table, SessionRow.Table })
        {
            await using var command = new NpgsqlCommand("SELECT ops.ensure_month_partitions(@parent::regclass, @from, @to)", control);
            command.Parameters.AddWithValue("parent", parent);
            command.Parameters.AddWithValue("from", world.FirstDay);
            command.Parameters.AddWithValue("to", world.EndDate.AddMonths(PartitionMonthsAhead));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task WriteCredentialsAndSourcesAsync(
        NpgsqlConnection control, DemoWorld world, DateTimeOffset startedAt, TimeProvider timeProvider, GenerationStatistics statistics,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        // One hash for all five: PBKDF2 is deliberately slow, and the users share the demo password anyway.
        var passwordHash = new PasswordHasher<object>().HashPassword(new object(), FixedDemo.Password);
        await using var batch = new NpgsqlBatch(control);
        foreach (var user in FixedDemo.Users)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO auth.user_credentials (user_id, password_hash, password_changed_at, created_at)
                VALUES (@user, @hash, @now, @now)
                ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, password_changed_at = excluded.password_changed_at
                """);
            insert.Parameters.AddWithValue("user", user.Id);
            insert.Parameters.AddWithValue("hash", passwordHash);
            insert.Parameters.AddWithValue("now", now);
            batch.BatchCommands.Add(insert);
        }

        var provides = ProvidedTables.ToArray();
        var source = new NpgsqlBatchCommand("""
            INSERT INTO ops.sources (name, kind, provides, description, registered_at, last_loaded_at)
            VALUES ('demo', 'generator', @provides, 'Deterministic demo generator (SOURCES.md §2)', @now, @now)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, provides = excluded.provides, last_loaded_at = excluded.last_loaded_at
            """);
        source.Parameters.AddWithValue("provides", provides);
        source.Parameters.AddWithValue("now", now);
        batch.BatchCommands.Add(source);

        var organisations = new NpgsqlBatchCommand("""
            INSERT INTO ops.organisation_sources (organisation_id, source, provides)
            SELECT id, 'demo', @provides FROM lrs.organisations
            ON CONFLICT (organisation_id, source) DO UPDATE SET provides = excluded.provides
            """);
        organisations.Parameters.AddWithValue("provides", provides);
        batch.BatchCommands.Add(organisations);

        var run = new NpgsqlBatchCommand("""
            INSERT INTO ops.sync_runs (id, source, kind, scope, status, progress, rows_read, rows_written, started_at, heartbeat_at, finished_at, instance)
            VALUES (@id, 'demo', 'generate', '*', 'completed', @progress, @rows, @rows, @started, @now, @now, @instance)
            """);
        run.Parameters.AddWithValue("id", JobId.New(now));
        run.Parameters.Add(new NpgsqlParameter("progress", NpgsqlDbType.Jsonb) { Value = statistics.ToJson(world.Settings) });
        run.Parameters.AddWithValue("rows", statistics.Rows);
        run.Parameters.AddWithValue("started", startedAt);
        run.Parameters.AddWithValue("now", now);
        run.Parameters.AddWithValue("instance", Environment.MachineName);
        batch.BatchCommands.Add(run);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AnalyzeAsync(IReadOnlyList<NpgsqlConnection> connections, CancellationToken cancellationToken)
    {
        var tables = ProvidedTables.Select(t => "lrs." + t).ToList();
        var next = -1;
        await Task.WhenAll(connections.Select(async connection =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < tables.Count)
            {
                await ConstraintStash.ExecuteAsync(connection, $"ANALYZE {tables[index]}", cancellationToken);
            }
        }));
    }

    /// <summary>After a failure: empty the tables and put every dropped key, index and foreign key back, so the schema is whole.</summary>
    private static async Task RecoverAsync(NpgsqlDataSource dataSource, ConstraintStash stash, ILogger logger)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
            var tables = string.Join(", ", ProvidedTables.Append("learner_attributes").Select(t => "lrs." + t));
            await ConstraintStash.ExecuteAsync(connection, $"TRUNCATE {tables} CASCADE", CancellationToken.None);
            await stash.RestoreIndexesAsync([connection], CancellationToken.None);
            await stash.RestoreForeignKeysAsync([connection], CancellationToken.None);
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            LogRecoveryFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo generation: preset {Preset}, seed {Seed}, end date {EndDate}, {Learners} learners in {Organisations} organisations")]
    private static partial void LogStarting(ILogger logger, string preset, ulong seed, DateOnly endDate, int learners, int organisations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo generation: {Phase} after {Seconds:F1} s")]
    private static partial void LogPhase(ILogger logger, string phase, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo generation done in {Seconds:F1} s: {Rows} rows, {Events} events, withdrawal rate {WithdrawalRate:P1}, mean score {MeanScore:F1}, content hash {Hash}")]
    private static partial void LogDone(ILogger logger, double seconds, long rows, long events, double withdrawalRate, double meanScore, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo generation: restoring the schema after a failure failed; run the migrations on a fresh database")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception error);
}
