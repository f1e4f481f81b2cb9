using Npgsql;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A generated row: it knows its table and columns, writes itself to a binary COPY and adds itself to the content hash.</summary>
public interface IDemoRow<TSelf>
    where TSelf : struct, IDemoRow<TSelf>
{
    /// <summary>The schema-qualified table.</summary>
    static abstract string Table { get; }

    /// <summary>The COPY column list, ending with <c>source</c>.</summary>
    static abstract string Columns { get; }

    /// <summary>A small number that separates the tables in the content hash.</summary>
    static abstract int Code { get; }

    void Write(NpgsqlBinaryImporter importer);

    void AddTo(ContentHasher hasher);
}
