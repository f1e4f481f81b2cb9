using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>The predictive error codes of API.md §1.5.</summary>
public static class PredictiveProblems
{
    public static ApiProblemException ModelNotFound() =>
        new(404, "MODEL_NOT_FOUND", "Model not found", "No model card with this id exists for you.");
}
