using Analytics.Api.Shared.Sources.Upstream.Clients;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// One typed client per service (SOURCES.md §3.5), each behind its own resilience pipeline, outermost first: total timeout
/// (20 s) → retry (2, exponential from 1 s with jitter, GET only, `Retry-After` honoured up to 30 s) → breaker A (5 consecutive
/// failures) → breaker B (≥ 50 % of ≥ 10 calls in 60 s) → attempt timeout (`TimeoutSeconds`, 5 s). Both breakers stay open 30 s
/// and probe once. Every value comes from `Upstreams:Defaults` and `Upstreams:&lt;Name&gt;`.
/// </summary>
public static class UpstreamHttpSetup
{
    public static IServiceCollection AddUpstreamClients(this IServiceCollection services)
    {
        services.AddSingleton<UpstreamCircuits>();
        services.AddSingleton<UpstreamStoreWriter>();
        services.AddSingleton<UpstreamSync>();
        services.AddSingleton<ManualSyncs>();
        services.AddSingleton<UpstreamCoverage>();
        foreach (var feed in typeof(IUpstreamFeed).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUpstreamFeed).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IUpstreamFeed), feed);
        }

        Add<AuthClient>(services, UpstreamServices.Auth);
        Add<DirectoryClient>(services, UpstreamServices.Directory);
        Add<CourseBuilderClient>(services, UpstreamServices.CourseBuilder);
        Add<ContentStudioClient>(services, UpstreamServices.ContentStudio);
        Add<AssessmentClient>(services, UpstreamServices.Assessment);
        Add<SkillsEngineClient>(services, UpstreamServices.SkillsEngine);
        Add<LearnerAiClient>(services, UpstreamServices.LearnerAi);
        Add<DevLabClient>(services, UpstreamServices.DevLab);
        Add<RagAssistantClient>(services, UpstreamServices.RagAssistant);
        return services;
    }

    private static void Add<TClient>(IServiceCollection services, UpstreamService service)
        where TClient : class
    {
        var client = services.AddHttpClient<TClient>((provider, client) =>
            {
                var options = provider.GetRequiredService<UpstreamCircuits>().Options(service);
                if (options.Configured)
                {
                    client.BaseAddress = new Uri(options.BaseUrl!.TrimEnd('/') + "/");
                }

                // The pipeline's total timeout bounds a call; HttpClient's own 100 s default must not cut it first.
                client.Timeout = Timeout.InfiniteTimeSpan;
            });
        client.AddResilienceHandler(service.Name, (pipeline, context) =>
            {
                var circuits = context.ServiceProvider.GetRequiredService<UpstreamCircuits>();
                Configure(pipeline, circuits[service], circuits.Options(service));
            });

        // Added after the resilience handler, so it sits inside it and runs once per attempt.
        client.AddHttpMessageHandler(provider =>
            {
                var circuits = provider.GetRequiredService<UpstreamCircuits>();
                return new UpstreamCallHandler(circuits[service], circuits.Options(service));
            });
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, UpstreamCircuit circuit, UpstreamOptions options)
    {
        var breakDuration = TimeSpan.FromSeconds(options.BreakSeconds);
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
            ShouldRetryAfterHeader = false,
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options)),
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        };
        retry.DisableForUnsafeHttpMethods();
        pipeline.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(retry);
        }

        pipeline
            .AddCircuitBreaker(Breaker("consecutive", 1.0, 5, circuit.Consecutive, circuit, breakDuration))
            .AddCircuitBreaker(Breaker("ratio", 0.5, 10, circuit.Ratio, circuit, breakDuration))
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
    }

    /// <summary>One of the two breakers over a 60 s window; both share the circuit's manual control and report to it.</summary>
    private static HttpCircuitBreakerStrategyOptions Breaker(
        string name, double failureRatio, int minimumThroughput, CircuitBreakerStateProvider state, UpstreamCircuit circuit, TimeSpan breakDuration) => new()
        {
            Name = name,
            FailureRatio = failureRatio,
            MinimumThroughput = minimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(60),
            BreakDuration = breakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            StateProvider = state,
            ManualControl = circuit.Control,
            OnOpened = args => Opened(circuit, args.BreakDuration),
            OnClosed = _ => Closed(circuit),
        };

    /// <summary>
    /// 408, 429, 5xx, HttpRequestException and attempt timeouts (the library's transient set), and a socket or stream error a reset
    /// connection can raise outside an HttpRequestException.
    /// </summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) || outcome.Exception is System.Net.Sockets.SocketException or IOException;

    /// <summary>A 429's or 503's `Retry-After`, cut to `MaxRetryAfterSeconds`; null leaves the exponential backoff.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, UpstreamOptions options)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is not { } value)
        {
            return null;
        }

        var cap = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }

    private static ValueTask Opened(UpstreamCircuit circuit, TimeSpan breakDuration)
    {
        circuit.Opened(breakDuration);
        return ValueTask.CompletedTask;
    }

    private static ValueTask Closed(UpstreamCircuit circuit)
    {
        circuit.Closed();
        return ValueTask.CompletedTask;
    }
}
