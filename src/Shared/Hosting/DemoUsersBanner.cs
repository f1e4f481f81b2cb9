namespace Analytics.Api.Shared.Hosting;

/// <summary>Prints the demo users (API.md §2.6) and the docs address once the server listens, in demo mode only.</summary>
public sealed class DemoUsersBanner(IConfiguration configuration, IHostApplicationLifetime lifetime, Microsoft.AspNetCore.Hosting.Server.IServer server)
    : IHostedService
{
    private const string Table = """

        Demo users (password for all: password123)
          learner@test.com       learner-123       learner
          trainer@test.com       trainer-456       trainer
          admin@test.com         admin-789         org-admin
          supertester@test.com   supertester-999   learner, trainer, org-admin
          operator@test.com      operator-000      platform-admin
        """;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (SourceModes.Current(configuration) != SourceModes.Demo)
        {
            return Task.CompletedTask;
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
            var baseUrl = addresses?.FirstOrDefault() ?? "http://localhost:3000";
            Console.Out.WriteLine(Table);
            Console.Out.WriteLine($"  API:      {baseUrl}/api/v1");
            Console.Out.WriteLine($"  API docs: {baseUrl}/docs   (OpenAPI: {baseUrl}/openapi/v1.json)");
            Console.Out.WriteLine("  Stop with Ctrl-C.");
            Console.Out.Flush();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
