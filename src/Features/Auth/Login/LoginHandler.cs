using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var account = await connection.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            SqlQueries.Get("Login.Account"), new { email }, cancellationToken: cancellationToken));
        var verified = Hasher.VerifyHashedPassword(string.Empty, account?.PasswordHash ?? DummyHash.Value, command.Password!)
                       != PasswordVerificationResult.Failed
                       && account is not null;

        var now = timeProvider.GetUtcNow();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Login.RecordAttempt"),
            new { now, succeeded = verified, ipHash = hmac.Hash(command.ClientAddress ?? "unknown"), loginHash = hmac.Hash(email) },
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

    private sealed record Account(string UserId, string PasswordHash);
}
