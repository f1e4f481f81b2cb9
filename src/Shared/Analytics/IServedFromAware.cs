namespace Analytics.Api.Shared.Analytics;

/// <summary>A result that can say which cache layer served it.</summary>
public interface IServedFromAware
{
    object WithServedFrom(ServedFrom servedFrom);
}
