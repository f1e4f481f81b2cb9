using System.Collections.Concurrent;

namespace Analytics.Api.Shared.Auth;

/// <summary>
/// In-memory copy of `auth.revoked_access` (DATA_MODEL.md §6), so the per-request check is a hash lookup.
/// Filled at start and kept current across instances by <see cref="RevokedAccessListener"/>.
/// </summary>
public sealed class RevokedAccessList(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _tokens = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _families = new();

    public void RevokeToken(Guid tokenId, DateTimeOffset expiresAt) => _tokens[tokenId] = expiresAt;

    public void RevokeFamily(Guid familyId, DateTimeOffset expiresAt) => _families[familyId] = expiresAt;

    public bool IsRevoked(Guid? tokenId, Guid? familyId)
    {
        var now = timeProvider.GetUtcNow();
        return (tokenId is { } jti && _tokens.TryGetValue(jti, out var tokenExpiry) && tokenExpiry > now)
               || (familyId is { } sid && _families.TryGetValue(sid, out var familyExpiry) && familyExpiry > now);
    }

    public void RemoveExpired()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (key, expiry) in _tokens)
        {
            if (expiry <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }

        foreach (var (key, expiry) in _families)
        {
            if (expiry <= now)
            {
                _families.TryRemove(key, out _);
            }
        }
    }
}
