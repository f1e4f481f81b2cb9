using Analytics.Api.Shared.Sources.Demo;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// The bulk fast path (DATA_MODEL.md §8) for months that are empty: the keys become rows and go, in batches per month, to the
/// demo generator's <see cref="MonthlyPartitionLoader{TRow}"/> (COPY FREEZE into a new table per month, indexes, CHECK, ATTACH).
/// </summary>
public sealed class OuladBulkActivitySink(OuladDataSet data, MonthlyPartitionLoader<OuladActivityRow> loader) : IOuladActivitySink
{
    private const int BatchSize = 8192;
    private readonly OuladActivityRow[]?[] _batches = new OuladActivityRow[loader.MonthCount][];
    private readonly int[] _fill = new int[loader.MonthCount];

    public void Write(IReadOnlyList<int> courses, Dictionary<ulong, ulong> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (key, value) in keys)
        {
            var (registrationIndex, site, offset) = OuladClickReader.Decode(key);
            var registration = data.Registrations[registrationIndex];
            var course = data.Courses[registration.Course];
            var day = course.Day(offset);
            var month = loader.MonthIndex(day);
            var batch = _batches[month] ??= new OuladActivityRow[BatchSize];
            batch[_fill[month]++] = new OuladActivityRow(registration.UserId, course.Id, data.Sites[site].Id, day, (int)(value >> 32), (int)(uint)value);
            if (_fill[month] == BatchSize)
            {
                loader.Post(month, batch);
                _batches[month] = null;
                _fill[month] = 0;
            }
        }
    }

    /// <summary>Sends the partial batches and closes every month's channel.</summary>
    public void Complete()
    {
        for (var month = 0; month < _batches.Length; month++)
        {
            if (_batches[month] is { } batch && _fill[month] > 0)
            {
                loader.Post(month, batch[.._fill[month]]);
            }

            _batches[month] = null;
            _fill[month] = 0;
        }

        loader.Complete();
    }
}
