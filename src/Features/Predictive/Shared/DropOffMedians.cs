namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>Per feature, the median of the non-missing training values (0 when every value is missing): ANALYTICS.md §5.1 "missing values take the training median".</summary>
public static class DropOffMedians
{
    public static float[] Of(IReadOnlyList<float[]> features)
    {
        var medians = new float[DropOffFeatures.Count];
        for (var i = 0; i < medians.Length; i++)
        {
            var present = features.Select(f => f[i]).Where(v => !float.IsNaN(v)).Order().ToArray();
            medians[i] = present.Length == 0
                ? 0
                : present.Length % 2 == 1 ? present[present.Length / 2] : (present[(present.Length / 2) - 1] + present[present.Length / 2]) / 2;
        }

        return medians;
    }
}
