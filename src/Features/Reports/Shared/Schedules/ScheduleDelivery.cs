using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>`report_schedules.delivery` as stored: the public fields plus the webhook secret, encrypted (<see cref="WebhookSecrets"/>).</summary>
public sealed record ScheduleDelivery(
    string Channel,
    IReadOnlyList<string>? Recipients,
    string? WebhookUrl,
    [property: JsonPropertyName("secret")] string? EncryptedSecret)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScheduleDelivery Parse(string json) => JsonSerializer.Deserialize<ScheduleDelivery>(json, Json)!;

    /// <summary>What the API shows: never the secret.</summary>
    public DeliveryResource ToResource() => new(Channel, Recipients, WebhookUrl);
}
