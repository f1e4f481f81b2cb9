using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Carter;
using Mediator;

namespace Analytics.Api.Features.Comparison.SkillDemand;

public sealed class SkillDemandEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/comparison/skill-demand",
                async (string? scope, string? timeframe, string? skillCategory, string[]? skills, string? limit, HttpContext context,
                        CurrentUserAccessor currentUser, IMediator mediator, AnalyticsResponses responses, CancellationToken cancellationToken) =>
                {
                    var caller = currentUser.Required;
                    var reader = caller.ActiveRole switch
                    {
                        Roles.Learner => new SkillDemandReader(caller.UserId, null),
                        Roles.OrgAdmin when caller.OrganisationId is not null => new SkillDemandReader(null, caller.OrganisationId),
                        _ => SkillDemandReader.None,
                    };
                    var query = new SkillDemandQuery(
                        scope, timeframe, skillCategory, skills is { Length: > 0 } ? string.Join(',', skills) : null, limit, caller.OrganisationId, reader);
                    return responses.Envelope(context, await mediator.Send(query, cancellationToken));
                })
            .RequireAuthorization()
            .WithName("GetSkillDemand")
            .WithTags("Comparison")
            .WithSummary("Platform-internal skill demand: enrolments, targets and learning paths per skill, with trends (skill-demand@1.0).")
            .Produces<AnalyticsEnvelope>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
