using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>Binary COPY helpers for nullable values.</summary>
internal static class OuladCopy
{
    public static void WriteText(this NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void WriteValue<T>(this NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            importer.Write(v, type);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
