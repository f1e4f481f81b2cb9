using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Http;

namespace Analytics.Api.Features.Operations.ListJobs;

public sealed record ListJobsResponse(IReadOnlyList<OperatorJob> Jobs, Pagination Pagination);
