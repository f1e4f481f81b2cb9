using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.user_roles (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct UserRoleRow(
    string UserId,
    string Role) : IDemoRow<UserRoleRow>
{
    public static string Table => "lrs.user_roles";

    public static string Columns => "user_id, role, source";

    public static int Code => 4;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(Role, NpgsqlDbType.Text);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(UserId);
        hasher.Add(Role);
    }
}
