using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Core.Common;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// What <c>edit --where</c> and <c>remove --where</c> share: a dry run lists the matching books; a
/// real run says how many it will change and asks on a terminal (or goes ahead with --yes), then
/// changes them all in one transaction and says how many it changed.
/// </summary>
internal static class BulkChanges
{
    /// <param name="Where">The search.</param>
    /// <param name="Yes">Change without asking.</param>
    /// <param name="DryRun">Only list the books.</param>
    /// <param name="Verb">How the question starts: "Change", "Remove".</param>
    /// <param name="Done">How the result starts: "Updated", "Removed".</param>
    public sealed record Options(string Where, bool Yes, bool DryRun, string Verb, string Done);

    public static async Task<int> RunAsync<TUseCase>(CliContext context, Options options, Func<TUseCase, bool, Task<Result<BulkChange>>> run, CancellationToken cancellationToken)
        where TUseCase : notnull
    {
        if (!options.DryRun && context.Unconfirmed(options.Yes, $"{options.Verb.ToLowerInvariant()} every book that matches --where") is { } unconfirmed)
        {
            return context.Fail(unconfirmed);
        }

        var opened = await context.OpenLibraryAsync(cancellationToken);
        if (!opened.IsSuccess)
        {
            return context.Fail(opened.Error!);
        }

        await using var session = opened.Value;
        var useCase = session.Services.GetRequiredService<TUseCase>();
        if (options.DryRun || !options.Yes)
        {
            var preview = await run(useCase, true);
            if (!preview.IsSuccess)
            {
                return context.Fail(preview.Error!);
            }

            var count = preview.Value.Count;
            if (options.DryRun)
            {
                BookRendering.WriteList(context, preview.Value.Listed!);
                context.Note($"{Books(count)} would change (dry run); nothing was changed");
                return ExitCodes.Ok;
            }

            if (count == 0)
            {
                context.Note($"no book matches '{options.Where}'; nothing was changed");
                return ExitCodes.Ok;
            }

            var lent = preview.Value.OnLoan == 0 ? string.Empty : $" ({preview.Value.OnLoan.ToString(CultureInfo.InvariantCulture)} of them out on loan)";
            if (await context.ConfirmAsync($"{options.Verb} {Books(count)} matching '{options.Where}'{lent}?", cancellationToken) is { } stopped)
            {
                return stopped;
            }
        }

        var done = await run(useCase, false);
        if (!done.IsSuccess)
        {
            return context.Fail(done.Error!);
        }

        context.WriteResult(done.Value, $"{options.Done} {Books(done.Value.Count)}");
        return ExitCodes.Ok;
    }

    private static string Books(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " book" : " books");
}
