using System.Text;
using System.Text.Json;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>Small JSON objects for jsonb columns, written without reflection (the importer also runs where it is off).</summary>
internal static class OuladJson
{
    /// <summary>An object of string, whole-number and boolean members, or nested objects of the same.</summary>
    public static string Object(IEnumerable<KeyValuePair<string, object>> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, members);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object>> members)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in members)
        {
            writer.WritePropertyName(name);
            switch (value)
            {
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case long number:
                    writer.WriteNumberValue(number);
                    break;
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case IEnumerable<KeyValuePair<string, object>> nested:
                    WriteObject(writer, nested);
                    break;
                default:
                    throw new ArgumentException($"No JSON form for {value.GetType().Name}.", nameof(members));
            }
        }

        writer.WriteEndObject();
    }
}
