namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A producer-side buffer for one table: collects a worker's rows and posts them in batches.</summary>
public sealed class RowBatcher<TRow>
    where TRow : struct, IDemoRow<TRow>
{
    private readonly Action<TRow[]> _post;
    private readonly int _batchSize;
    private readonly List<TRow> _buffer;

    public RowBatcher(Action<TRow[]> post, int batchSize)
    {
        _post = post;
        _batchSize = batchSize;
        _buffer = new List<TRow>(batchSize);
    }

    public void AddRange(List<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            Add(row);
        }
    }

    public void Add(in TRow row)
    {
        _buffer.Add(row);
        if (_buffer.Count >= _batchSize)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_buffer.Count > 0)
        {
            _post(_buffer.ToArray());
            _buffer.Clear();
        }
    }
}
