using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Http;
using Analytics.Api.Shared.Observability;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Analytics.Api.Features.Auth.Login;

/// <summary>
/// Checks the password with ASP.NET Core Identity's PasswordHasher (PBKDF2), in constant work whether or not the e-mail exists,
/// records the attempt without personal data, and opens a new refresh-token family (API.md §2.1–§2.4).
/// </summary>
public sealed class LoginHandler(
    NpgsqlDataSource dataSource,
    AuthOptions options,
    SessionStore sessions,
    SymmetricKeyHmac hmac,
    IConfiguration configuration,
    TimeProvider timeProvider) : ICommandHandler<LoginCommand, AuthSession>
{
    private static readonly PasswordHasher<string> Hasher = new();

    // Verified when the e-mail is unknown, so the answer takes as long as for a known account.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(string.Empty, Guid.NewGuid().ToString()));

    public async ValueTask<AuthSession> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        if (options.IsExternal)
        {
            throw Problems.LocalAuthDisabled();
        }

        var email = command.Email!.Trim().ToLowerInvariant();
        var ipHash = hmac.Hash(command.ClientAddress ?? "unknown");
        var loginHash = hmac.Hash(email);
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await EnsureNotThrottledAsync(connection, ipHash, loginHash, now, cancellationToken);
        var account = await connection.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            SqlQueries.Get("Login.Account"), new { email }, cancellationToken: cancellationToken));
        var verified = Hasher.VerifyHashedPassword(string.Empty, account?.PasswordHash ?? DummyHash.Value, command.Password!)
                       != PasswordVerificationResult.Failed
                       && account is not null;

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Login.RecordAttempt"),
            new { now, succeeded = verified, ipHash, loginHash },
            transaction,
            cancellationToken: cancellationToken));
        if (!verified)
        {
            await transaction.CommitAsync(cancellationToken);
            AnalyticsTelemetry.Logins.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            throw Problems.InvalidCredentials();
        }

        var subject = await SessionStore.LoadSubjectAsync(connection, transaction, account!.UserId, cancellationToken)
                      ?? throw Problems.InvalidCredentials();
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Login.RecordSuccess"), new { userId = subject.UserId, now }, transaction, cancellationToken: cancellationToken));
        var session = await sessions.IssueAsync(connection, transaction, subject, Guid.NewGuid(), now, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AnalyticsTelemetry.Logins.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
        return session;
    }

    /// <summary>
    /// Class `login` of API.md §5: 5 failed logins per 15 minutes per client address, and 10 per hour per e-mail; once either is
    /// exhausted every attempt from that key is 429, before any password is checked.
    /// </summary>
    private async Task EnsureNotThrottledAsync(NpgsqlConnection connection, byte[] ipHash, byte[] loginHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byAddress = RateLimitSettings.From(configuration, "login", 5, 900);
        var byEmail = RateLimitSettings.From(configuration, "loginEmail", 10, 3600);
        var failures = await connection.QuerySingleAsync<FailedAttempts>(new CommandDefinition(
            SqlQueries.Get("Login.FailedAttempts"),
            new { ipHash, loginHash, now, ipWindowSeconds = byAddress.WindowSeconds, emailWindowSeconds = byEmail.WindowSeconds },
            cancellationToken: cancellationToken));
        if (failures.ByAddress >= byAddress.Limit)
        {
            throw Throttled(byAddress, failures.OldestByAddress, now);
        }

        if (failures.ByEmail >= byEmail.Limit)
        {
            throw Throttled(byEmail, failures.OldestByEmail, now);
        }
    }

    private static ApiProblemException Throttled(RateLimitSettings settings, DateTimeOffset? oldest, DateTimeOffset now)
    {
        var reopens = (oldest ?? now) + TimeSpan.FromSeconds(settings.WindowSeconds);
        var retryAfter = Math.Max(1, (int)Math.Ceiling((reopens - now).TotalSeconds));
        AnalyticsTelemetry.Logins.Add(1, new KeyValuePair<string, object?>("outcome", "throttled"));
        AnalyticsTelemetry.RateLimitRejections.Add(1, new KeyValuePair<string, object?>("policy", settings.Policy));
        return Problems.RateLimited(settings.Policy, settings.Limit, settings.WindowSeconds, retryAfter, "failed logins");
    }

    private sealed record Account(string UserId, string PasswordHash);

    private sealed record FailedAttempts(int ByAddress, DateTimeOffset? OldestByAddress, int ByEmail, DateTimeOffset? OldestByEmail);
}
