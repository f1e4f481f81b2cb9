using System.Security.Cryptography;
using System.Text;

namespace Analytics.Api.Shared.Privacy;

/// <summary>
/// HMAC-SHA256 of a user id under `Privacy:SubjectHashKey`: the tombstone key of an erased person and the `hash:` reference that
/// replaces their id in the audit log and privacy requests (DATA_MODEL.md §10). Ids are case-sensitive (`eid` is COLLATE "C").
/// </summary>
public sealed class SubjectHasher(byte[] key)
{
    public const string ReferencePrefix = "hash:";

    public byte[] Hash(string userId) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(userId));

    public string Hex(string userId) => Convert.ToHexStringLower(Hash(userId));

    /// <summary>`hash:` + hex, what stands in for an erased person's id in rows that are kept.</summary>
    public string Reference(string userId) => ReferencePrefix + Hex(userId);
}
