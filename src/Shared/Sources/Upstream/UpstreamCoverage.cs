using System.Collections.Concurrent;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Hosting;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// The partial-data rule of SOURCES.md §3.6. The needed services of an analytic are the configured ones behind the entity kinds it
/// requires and uses (§1.4); one is healthy for an organisation when the last pass of each such kind succeeded, its breaker (on
/// this instance) is not open and its last success is at most `Sync:MaxLagHours` old. Sync facts are read per organisation at most
/// every 30 seconds, so a read costs no query most of the time; in any mode without configured services coverage is always full.
/// </summary>
public sealed class UpstreamCoverage
{
    private static readonly TimeSpan StateLifetime = TimeSpan.FromSeconds(30);
    private readonly NpgsqlDataSource _dataSource;
    private readonly UpstreamCircuits _circuits;
    private readonly TimeProvider _timeProvider;
    private readonly IUpstreamFeed[] _feeds;
    private readonly TimeSpan _maxLag;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, CoverageState[] States)> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _organisations = new(StringComparer.Ordinal);

    public UpstreamCoverage(
        NpgsqlDataSource dataSource, UpstreamCircuits circuits, UpstreamSync sync, IConfiguration configuration, TimeProvider timeProvider)
    {
        _dataSource = dataSource;
        _circuits = circuits;
        _timeProvider = timeProvider;
        _feeds = sync.Feeds.Where(f => circuits.Options(f.Service).Configured).ToArray();
        _maxLag = TimeSpan.FromHours(SyncOptions.From(configuration).MaxLagHours);
        Active = SourceModes.Current(configuration) is SourceModes.Upstream or SourceModes.Mixed && _feeds.Length > 0;
    }

    /// <summary>False in the demo and import modes (their coverage is always 100 %, §3.6).</summary>
    public bool Active { get; }

    /// <summary>The coverage of an analytic for a subject (a person or an organisation), by the subject's organisation.</summary>
    public async ValueTask<Coverage> ForSubjectAsync(string subjectId, string analytic, CancellationToken cancellationToken)
    {
        if (!Active)
        {
            return Coverage.Full;
        }

        var organisation = _organisations.TryGetValue(subjectId, out var known) ? known : await OrganisationOfAsync(subjectId, cancellationToken);
        return organisation is null ? Coverage.Full : await ForOrganisationAsync(organisation, analytic, cancellationToken);
    }

    public async ValueTask<Coverage> ForOrganisationAsync(string organisationId, string analytic, CancellationToken cancellationToken)
    {
        if (!Active)
        {
            return Coverage.Full;
        }

        var tables = Tables(analytic);
        var needed = _feeds.Where(f => f.Tables.Any(t => tables.Contains(t.Name))).GroupBy(f => f.Service).ToArray();
        if (needed.Length == 0)
        {
            return Coverage.Full;
        }

        var states = await StatesAsync(organisationId, cancellationToken);
        var oldest = _timeProvider.GetUtcNow() - _maxLag;
        var failing = needed
            .Where(service => _circuits[service.Key].State == "open" || service.Any(feed =>
                states.FirstOrDefault(s => s.Entity == feed.Entity && s.Scope == (feed.PlatformScope ? "*" : organisationId)) is not { } state
                || state.ConsecutiveFailures > 0
                || state.LastSuccessAt is not { } success
                || success < oldest))
            .Select(service => service.Key.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new Coverage((needed.Length - failing.Length) / (double)needed.Length, failing);
    }

    /// <summary>
    /// The subjects of a batch (nightly run, refresh) whose analytic may be computed: coverage ≥ 80 % for their organisation. The
    /// others keep their previous snapshot (`kept-previous`, SOURCES.md §3.6). Everything is allowed outside the upstream modes.
    /// </summary>
    public async Task<IReadOnlySet<string>> ComputableAsync(IReadOnlyList<string> subjectIds, string analytic, CancellationToken cancellationToken)
    {
        if (!Active)
        {
            return subjectIds.ToHashSet(StringComparer.Ordinal);
        }

        var organisations = await OrganisationsOfAsync(subjectIds, cancellationToken);

        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in organisations.GroupBy(o => o.OrganisationId))
        {
            if (group.Key is null || (await ForOrganisationAsync(group.Key, analytic, cancellationToken)).AllowsComputation)
            {
                allowed.UnionWith(group.Select(o => o.SubjectId));
            }
        }

        return allowed;
    }

    /// <summary>Drops the cached sync facts, so the outcome of a sync that just ended shows at once.</summary>
    public void Forget() => _states.Clear();

    /// <summary>
    /// The entity kinds an analytic requires and uses, plus the people and organisations every analytic reads; peer comparison
    /// and recommendations stand on their inputs; an at-risk list is drop-off risk over a cohort.
    /// </summary>
    private static HashSet<string> Tables(string analytic)
    {
        var ids = analytic switch
        {
            AnalyticCatalogue.PeerComparison => AnalyticCatalogue.PeerComparisonInputs,
            AnalyticCatalogue.Recommendations => [.. AnalyticCatalogue.PeerComparisonInputs, AnalyticCatalogue.Recommendations],
            "at-risk" => ["drop-off-risk"],
            _ => [analytic],
        };
        return ids.Select(id => AnalyticCatalogue.Requirements.GetValueOrDefault(id))
            .OfType<AnalyticRequirement>()
            .SelectMany(r => r.Requires.Concat(r.Uses))
            .Append(analytic == AnalyticCatalogue.Recommendations ? "recommendations_feed" : string.Empty)
            .Concat(["users", "organisations"])
            .Where(t => t.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
    }

    private async ValueTask<CoverageState[]> StatesAsync(string organisationId, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (_states.TryGetValue(organisationId, out var cached) && now - cached.At < StateLifetime)
        {
            return cached.States;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var states = (await connection.QueryAsync<CoverageState>(new CommandDefinition(SourceSql.Get("Upstream.Coverage"),
            new { source = UpstreamStoreWriter.Source, organisationId }, cancellationToken: cancellationToken))).ToArray();
        _states[organisationId] = (now, states);
        return states;
    }

    private async ValueTask<string?> OrganisationOfAsync(string subjectId, CancellationToken cancellationToken)
    {
        var organisation = (await OrganisationsOfAsync([subjectId], cancellationToken)).Single().OrganisationId;
        if (organisation is not null && _organisations.Count < 200_000)
        {
            _organisations[subjectId] = organisation;
        }

        return organisation;
    }

    private async Task<SubjectOrganisation[]> OrganisationsOfAsync(IReadOnlyList<string> subjectIds, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SubjectOrganisation>(new CommandDefinition(SourceSql.Get("Upstream.SubjectOrganisations"),
            new { ids = subjectIds.ToArray() }, cancellationToken: cancellationToken))).ToArray();
    }
}
