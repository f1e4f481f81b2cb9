using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Sources.Upstream.Clients;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Directory `/organizations/{orgId}/users` → users (`firstName lastName` → display name, `profile.timezone`, `isActive`) and
/// user_roles as a replace-set per user (`org_admin` → `org-admin`; unknown roles are dropped).
/// </summary>
public sealed class UsersFeed()
    : UpstreamFeed<DirectoryClient, UserItem>(UpstreamServices.Directory, "users", 3, [StoreTables.Users, StoreTables.UserRoles])
{
    private static readonly HashSet<string> KnownRoles = new(StringComparer.Ordinal) { "learner", "trainer", "org-admin", "platform-admin" };

    protected override Task<UpstreamPage<UserItem>> FetchAsync(DirectoryClient client, FeedRequest request, CancellationToken cancellationToken) =>
        client.UsersAsync(request.OrganisationId!, request.Page, cancellationToken);

    protected override void Map(UserItem item, FeedRequest request, FeedBatch batch)
    {
        if (!FeedBatch.IsId(item.Id) || (item.DepartmentId is not null && !FeedBatch.IsId(item.DepartmentId)))
        {
            batch.Reject(item.Id ?? "?", "invalid or missing id", item);
            return;
        }

        var id = item.Id!;
        var name = $"{item.FirstName} {item.LastName}".Trim();
        var record = new UserRecord(
            id,
            request.OrganisationId!,
            item.DepartmentId,
            string.IsNullOrWhiteSpace(item.Email) ? null : item.Email.Trim(),
            name.Length == 0 ? id : name,
            TimeZones.Valid(item.Profile?.Timezone),
            item.CreatedAt,
            item.IsActive ?? true);
        if (item.DeletedAt is not null)
        {
            batch.Delete(StoreTables.Users, record, id, item);
            return;
        }

        RecordParent[] parents = item.DepartmentId is null
            ? [new RecordParent("organisations", request.OrganisationId!)]
            : [new RecordParent("organisations", request.OrganisationId!), new RecordParent("departments", item.DepartmentId)];
        batch.Upsert(StoreTables.Users, record, id, item, parents);
        batch.Replace(StoreTables.UserRoles, id);
        foreach (var role in (item.Roles ?? []).Select(r => r.Trim().ToLowerInvariant().Replace('_', '-')).Distinct())
        {
            if (KnownRoles.Contains(role))
            {
                batch.Upsert(StoreTables.UserRoles, new UserRoleRecord(id, role), $"{id}|{role}", item, new RecordParent("users", id));
            }
        }
    }
}
