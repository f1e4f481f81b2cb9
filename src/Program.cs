using Analytics.Api.Shared.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAnalytics();
var app = builder.Build();
app.UseAnalytics();
await app.RunAsync();
return 0;

/// <summary>Entry point; also the anchor type of the test host.</summary>
public partial class Program;
