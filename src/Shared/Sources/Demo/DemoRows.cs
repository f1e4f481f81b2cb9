namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>Constants shared by every generated row.</summary>
public static class DemoRows
{
    /// <summary>The record source label of every row the generator writes (DATA_MODEL.md §0 REC).</summary>
    public const string Source = "demo";
}
