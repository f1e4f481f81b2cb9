#:project ../src/Analytics.Api.csproj
// Runs the OULAD importer (SOURCES.md §4) from the command line until the host's `import oulad` verb is wired
// (src/Shared/Hosting/CommandLine.cs); bench/import-oulad.sh uses the verb as soon as it exists.
// Usage: dotnet run -c Release bench/import-oulad.cs -- <dir> [import oulad options]; ConnectionStrings__Analytics names the store.
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Sources.Oulad;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

OuladImportOptions options;
try
{
    options = OuladImportOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return OuladImportResult.BadInputExitCode;
}

var connectionString = options.Connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__Analytics")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Analytics or pass --connection.");
using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
var logger = loggers.CreateLogger("Analytics.Cli");
await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);
try
{
    var result = await OuladImporter.RunAsync(connectionString, options, logger, CancellationToken.None);
    result.WriteReport(Console.Out);
    return result.ExitCode;
}
catch (OuladInputException error)
{
    Console.Error.WriteLine(error.Message);
    return OuladImportResult.BadInputExitCode;
}
