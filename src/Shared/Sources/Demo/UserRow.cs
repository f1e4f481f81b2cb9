using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.users (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct UserRow(
    string Id,
    string OrganisationId,
    string? DepartmentId,
    string Email,
    string DisplayName,
    string LeaderboardPrivacy,
    DateTime CreatedAt) : IDemoRow<UserRow>
{
    public static string Table => "lrs.users";

    public static string Columns => "id, organisation_id, department_id, email, display_name, leaderboard_privacy, created_at, source";

    public static int Code => 3;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(OrganisationId, NpgsqlDbType.Text);
        if (DepartmentId is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(DepartmentId, NpgsqlDbType.Text);
        }
        importer.Write(Email, NpgsqlDbType.Text);
        importer.Write(DisplayName, NpgsqlDbType.Text);
        importer.Write(LeaderboardPrivacy, NpgsqlDbType.Text);
        importer.Write(CreatedAt, NpgsqlDbType.TimestampTz);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(OrganisationId);
        hasher.Add(DepartmentId);
        hasher.Add(Email);
        hasher.Add(DisplayName);
        hasher.Add(LeaderboardPrivacy);
        hasher.Add(CreatedAt);
    }
}
