using System.Threading.Channels;
using Npgsql;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// Binary COPY of one table from a bounded channel of row batches, on its own connection and its own thread (the importer's
/// writes are synchronous, so a dedicated thread keeps them off the thread pool).
/// </summary>
public sealed class TableCopier<TRow>
    where TRow : struct, IDemoRow<TRow>
{
    private const int ChannelBatches = 4;
    private readonly Channel<TRow[]> _channel = Channel.CreateBounded<TRow[]>(
        new BoundedChannelOptions(ChannelBatches) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly string _target;
    private readonly bool _freeze;

    /// <param name="target">The table to copy into (default <c>TRow.Table</c>).</param>
    /// <param name="freeze">COPY FREEZE: only when the table was created in the copying transaction.</param>
    public TableCopier(string? target = null, bool freeze = false)
    {
        _target = target ?? TRow.Table;
        _freeze = freeze;
    }

    public long Rows { get; private set; }

    /// <summary>Blocks the producing thread while the channel is full (back-pressure on the generator).</summary>
    public void Post(TRow[] batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        while (!_channel.Writer.TryWrite(batch))
        {
            if (!_channel.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult())
            {
                throw new InvalidOperationException($"The COPY into {_target} has stopped.");
            }
        }
    }

    public void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    /// <summary>Copies until the channel completes. Runs synchronously: start it on a dedicated thread.</summary>
    public void Run(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var options = _freeze ? "(FORMAT binary, FREEZE)" : "(FORMAT binary)";
        try
        {
            using var importer = connection.BeginBinaryImport($"COPY {_target} ({TRow.Columns}) FROM STDIN {options}");
            var reader = _channel.Reader;
            while (reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var batch))
                {
                    foreach (var row in batch)
                    {
                        row.Write(importer);
                    }

                    Rows += batch.Length;
                }
            }

            importer.Complete();
        }
        catch (Exception error)
        {
            // Unblock the producers: their next Post fails instead of waiting forever.
            _channel.Writer.TryComplete(error);
            throw;
        }
    }
}
