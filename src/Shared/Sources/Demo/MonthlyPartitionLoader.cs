using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// The bulk fast path of DATA_MODEL.md §8 for a table partitioned by month: per month, CREATE TABLE <c>&lt;p&gt;_load</c>
/// (LIKE parent) and COPY … FREEZE into it in the same transaction, build its indexes, add the CHECK that matches the partition
/// bounds (so ATTACH skips the validation scan), commit, then ATTACH PARTITION and rename it to <c>&lt;table&gt;_yYYYYmMM</c>.
/// </summary>
public sealed partial class MonthlyPartitionLoader<TRow>
    where TRow : struct, IDemoRow<TRow>
{
    private readonly string _schema;
    private readonly string _table;
    private readonly string _keyColumn;
    private readonly bool _timestampKey;
    private readonly DateOnly _firstMonth;
    private readonly List<Month> _months = [];
    private readonly List<(string IndexDefinition, string? ConstraintName, string? ConstraintDefinition)> _parentIndexes = [];

    public MonthlyPartitionLoader(string keyColumn, bool timestampKey, DateOnly firstDay, DateOnly lastDay)
    {
        var parts = TRow.Table.Split('.');
        _schema = parts[0];
        _table = parts[1];
        _keyColumn = keyColumn;
        _timestampKey = timestampKey;
        _firstMonth = new DateOnly(firstDay.Year, firstDay.Month, 1);
        for (var month = _firstMonth; month <= lastDay; month = month.AddMonths(1))
        {
            var final = $"{_table}_y{month.Year:D4}m{month.Month:D2}";
            _months.Add(new Month(month, final, new TableCopier<TRow>($"{_schema}.{final}_load", freeze: true)));
        }
    }

    public int MonthCount => _months.Count;

    public long Rows => _months.Sum(m => m.Copier.Rows);

    /// <summary>The month slot of a day (rows outside the range are a generator bug and fail loudly).</summary>
    public int MonthIndex(DateOnly day)
    {
        var index = ((day.Year - _firstMonth.Year) * 12) + day.Month - _firstMonth.Month;
        return index >= 0 && index < _months.Count
            ? index
            : throw new InvalidOperationException($"{TRow.Table}: day {day:yyyy-MM-dd} is outside the generated months.");
    }

    public void Post(int month, TRow[] batch) => _months[month].Copier.Post(batch);

    public void Complete(Exception? error = null)
    {
        foreach (var month in _months)
        {
            month.Copier.Complete(error);
        }
    }

    /// <summary>Reads the parent's indexes and drops the (empty) partitions that overlap the months to load.</summary>
    public async Task PrepareAsync(NpgsqlConnection control, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(control);
        await using (var command = new NpgsqlCommand("""
            SELECT pg_get_indexdef(i.indexrelid), c.conname, pg_get_constraintdef(c.oid)
            FROM pg_index i
            LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u')
            WHERE i.indrelid = @parent::regclass
            ORDER BY 1
            """, control))
        {
            command.Parameters.AddWithValue("parent", TRow.Table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                _parentIndexes.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        var overlapping = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT partition::text FROM ops.partition_bounds(@parent::regclass) WHERE from_day < @to AND to_day > @from", control))
        {
            command.Parameters.AddWithValue("parent", TRow.Table);
            command.Parameters.AddWithValue("from", _firstMonth);
            command.Parameters.AddWithValue("to", _months[^1].Start.AddMonths(1));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                overlapping.Add(reader.GetString(0));
            }
        }

        foreach (var partition in overlapping)
        {
            await ConstraintStash.ExecuteAsync(control, $"DROP TABLE {partition}", cancellationToken);
        }
    }

    /// <summary>Opens one connection per month, creates its load table and starts its COPY on a dedicated thread.</summary>
    public async Task<List<Task>> StartAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var tasks = new List<Task>(_months.Count);
        foreach (var month in _months)
        {
            month.Connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await ConstraintStash.ExecuteAsync(month.Connection, "BEGIN; SET LOCAL synchronous_commit = off", cancellationToken);
            await ConstraintStash.ExecuteAsync(
                month.Connection,
                $"CREATE TABLE {_schema}.{month.Final}_load (LIKE {TRow.Table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
                cancellationToken);
            var connection = month.Connection;
            tasks.Add(Task.Factory.StartNew(
                () => month.Copier.Run(connection, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        return tasks;
    }

    /// <summary>Builds each month's indexes and range CHECK and commits, at most <paramref name="parallelism"/> months at a time.</summary>
    public async Task FinishAsync(int parallelism, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(parallelism);
        await Task.WhenAll(_months.Select(async month =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var connection = month.Connection!;
                var load = $"{_schema}.{month.Final}_load";
                for (var k = 0; k < _parentIndexes.Count; k++)
                {
                    var (definition, constraint, constraintDefinition) = _parentIndexes[k];
                    var sql = constraint is not null
                        ? $"ALTER TABLE {load} ADD CONSTRAINT {month.Final}_{Suffix(constraint)} {constraintDefinition}"
                        : IndexOnParent().Replace(definition, $"CREATE $1INDEX {month.Final}_idx{k} ON {load} ", 1);
                    await ConstraintStash.ExecuteAsync(connection, sql, cancellationToken);
                }

                var (from, to) = Bounds(month.Start);
                await ConstraintStash.ExecuteAsync(
                    connection,
                    $"ALTER TABLE {load} ADD CONSTRAINT {month.Final}_range CHECK ({_keyColumn} >= {from} AND {_keyColumn} < {to}); COMMIT",
                    cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Attaches every loaded month and gives it the partition name the maintenance functions expect.</summary>
    public async Task AttachAsync(NpgsqlConnection control, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(control);
        foreach (var month in _months)
        {
            var (from, to) = Bounds(month.Start);
            await ConstraintStash.ExecuteAsync(
                control,
                $"ALTER TABLE {TRow.Table} ATTACH PARTITION {_schema}.{month.Final}_load FOR VALUES FROM ({from}) TO ({to}); " +
                $"ALTER TABLE {_schema}.{month.Final}_load RENAME TO {month.Final}",
                cancellationToken);
        }
    }

    /// <summary>Closes the month connections; an unfinished transaction rolls back and takes its load table with it.</summary>
    public async Task CloseAsync()
    {
        foreach (var month in _months)
        {
            if (month.Connection is { } connection)
            {
                await connection.DisposeAsync();
                month.Connection = null;
            }
        }
    }

    private (string From, string To) Bounds(DateOnly month)
    {
        var next = month.AddMonths(1);
        return _timestampKey
            ? (string.Create(CultureInfo.InvariantCulture, $"'{month:yyyy-MM-dd} 00:00:00+00'"), string.Create(CultureInfo.InvariantCulture, $"'{next:yyyy-MM-dd} 00:00:00+00'"))
            : (string.Create(CultureInfo.InvariantCulture, $"'{month:yyyy-MM-dd}'"), string.Create(CultureInfo.InvariantCulture, $"'{next:yyyy-MM-dd}'"));
    }

    private static string Suffix(string constraint) => constraint.EndsWith("_pkey", StringComparison.Ordinal) ? "pkey" : "key";

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+ ")]
    private static partial Regex IndexOnParent();

    private sealed class Month(DateOnly start, string final, TableCopier<TRow> copier)
    {
        public DateOnly Start { get; } = start;
        public string Final { get; } = final;
        public TableCopier<TRow> Copier { get; } = copier;
        public NpgsqlConnection? Connection { get; set; }
    }
}
