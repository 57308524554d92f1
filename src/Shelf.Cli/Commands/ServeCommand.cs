using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Accounts;
using Shelf.Web;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf serve</c>: the web app and REST API over the library in --db, until Ctrl+C or
/// SIGTERM, when requests in flight finish first. The addresses it listens on go to standard
/// output, one per line (so a script can read the port of <c>--urls http://127.0.0.1:0</c>).
/// </summary>
internal sealed class ServeCommand : ShelfCommand
{
    private readonly Option<string> _urls = new("--urls")
    {
        Description = "Where to listen (several separated by ';'). Keep it on 127.0.0.1 behind a reverse proxy for https",
        DefaultValueFactory = _ => ShelfWebOptions.DefaultUrls,
    };

    private readonly Option<bool> _public = new("--public") { Description = "Let anyone read the catalog without logging in; changes still need an editor" };

    private readonly Option<int> _maxUpload = new("--max-upload")
    {
        Description = "The largest upload (an import) accepted, in MB",
        DefaultValueFactory = _ => (int)(ShelfWebOptions.DefaultMaxUploadBytes / (1024 * 1024)),
    };

    private readonly Option<int> _importJobSize = new("--import-job-size")
    {
        Description = "Imports of uploads larger than this, in MB, run as a job to poll (202) instead of within the request; 0 makes every import a job",
        DefaultValueFactory = _ => (int)(ShelfWebOptions.DefaultImportJobBytes / (1024 * 1024)),
    };

    public ServeCommand(CliConsole console, GlobalOptions globals)
        : base("serve", "Serve the web app and REST API over this library", console, globals)
    {
        Options.Add(_urls);
        Options.Add(_public);
        Options.Add(_maxUpload);
        Options.Add(_importJobSize);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Get(_maxUpload) is < 1 or > 100_000)
        {
            return context.Fail(Error.Invalid(CliErrorCodes.CannotListen, $"--max-upload must be from 1 to 100000 MB, not {context.Get(_maxUpload)}"));
        }

        if (context.Get(_importJobSize) is < 0 or > 100_000)
        {
            return context.Fail(Error.Invalid(CliErrorCodes.CannotListen, $"--import-job-size must be from 0 to 100000 MB, not {context.Get(_importJobSize)}"));
        }

        // Created or migrated here, once, as any command would: the web host then finds it current.
        // The count comes back apart from the exit code: a library that cannot be opened (a missing
        // folder, a server that is not there) is an exit code too, and must stop here, not serve.
        int? owners = null;
        var opened = await WithDatabaseAsync<CountOwners>(
            context,
            async countOwners =>
            {
                owners = await countOwners.ExecuteAsync(cancellationToken);
                return ExitCodes.Ok;
            },
            cancellationToken);
        if (owners is null || context.Target is null)
        {
            return opened;
        }

        var options = new ShelfWebOptions
        {
            Urls = context.Get(_urls)!,
            Public = context.Get(_public),
            MaxUploadBytes = context.Get(_maxUpload) * 1024L * 1024L,
            ImportJobBytes = context.Get(_importJobSize) * 1024L * 1024L,
        };
        await using var app = ShelfWebApp.Create(context.Target, options);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or UriFormatException)
        {
            return context.Fail(Error.Invalid(CliErrorCodes.CannotListen, $"cannot listen on {options.Urls}: {e.Message.TrimEnd('.')}; choose another address with --urls"));
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            context.Console.Out.WriteLine(address);
        }

        context.Console.Out.Flush();
        context.Note($"serving {context.Target.Location} at {string.Join(", ", addresses)}; Ctrl+C stops");
        if (owners == 0)
        {
            context.Note(OwnerGateHint);
        }

        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop below, letting requests in flight finish.
        }

        await app.StopAsync(CancellationToken.None);
        context.Note("stopped");
        return ExitCodes.Ok;
    }

    private const string OwnerGateHint = "no owner yet, so only /health answers; create one with 'shelf user add NAME --role owner'";
}
