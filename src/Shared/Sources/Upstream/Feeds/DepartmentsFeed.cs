using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>Directory `/organizations/{orgId}/departments` → departments.</summary>
public sealed class DepartmentsFeed()
    : UpstreamFeed<DirectoryClient, DepartmentItem>(UpstreamServices.Directory, "departments", 2, [StoreTables.Departments])
{
    protected override Task<UpstreamPage<DepartmentItem>> FetchAsync(DirectoryClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.DepartmentsAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(DepartmentItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var record = new DepartmentRecord(item.Id!, request.OrganisationId!, string.IsNullOrWhiteSpace(item.Name) ? item.Id! : item.Name!);
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.Departments, record, item.Id!, item);
            return;
        }

        batch.Upsert(StoreTables.Departments, record, item.Id!, item, new RecordParent("organisations", request.OrganisationId!));
    }
}
