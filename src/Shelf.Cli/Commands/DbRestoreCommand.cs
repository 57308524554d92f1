using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Backup;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf db restore FILE [--replace] [--yes]</c>: a backup into an empty library, from either
/// database into either; <c>--replace</c> replaces a library that is not empty (asking first on a terminal).
/// </summary>
internal sealed class DbRestoreCommand : ShelfCommand
{
    private readonly Argument<string> _file = new("file") { Description = "A backup file written by 'shelf db backup'" };
    private readonly Option<bool> _replace = new("--replace") { Description = "Replace everything in a library that is not empty (asks first)" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "With --replace, replace without asking" };

    public DbRestoreCommand(CliConsole console, GlobalOptions globals)
        : base("restore", "Restore a backup into an empty library (SQLite or PostgreSQL, whichever it came from)", console, globals)
    {
        Arguments.Add(_file);
        Options.Add(_replace);
        Options.Add(_yes);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var replace = context.Get(_replace);
        var yes = context.Get(_yes);
        if (replace && context.Unconfirmed(yes, "replacing the library with a backup") is { } unconfirmed)
        {
            return context.Fail(unconfirmed);
        }

        var request = new RestoreLibraryRequest(context.Get(_file)!);
        return await WithDatabaseAsync<InspectBackup, RestoreLibrary>(context, async (inspectBackup, restoreLibrary) =>
        {
            // Into an empty library nothing is replaced, so nothing is asked: the first try says whether it is empty.
            var restored = await restoreLibrary.ExecuteAsync(request, cancellationToken);
            if (!restored.IsSuccess && restored.Error!.Code == BackupErrorCodes.NotEmpty && replace)
            {
                if (!yes)
                {
                    var manifest = await inspectBackup.ExecuteAsync(request.Path, cancellationToken);
                    if (FailIfError(context, manifest) is { } unreadable)
                    {
                        return unreadable;
                    }

                    var question = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{restored.Error.Message.Split(';')[0]}. Replace everything in it with the {manifest.Value.Books} books of the backup made {manifest.Value.CreatedAt:yyyy-MM-dd HH:mm} UTC?");
                    if (await context.ConfirmAsync(question, cancellationToken) is { } stopped)
                    {
                        return stopped;
                    }
                }

                restored = await restoreLibrary.ExecuteAsync(request with { Replace = true }, cancellationToken);
            }

            if (FailIfError(context, restored) is { } failed)
            {
                return failed;
            }

            var summary = restored.Value;
            context.WriteResult(summary, string.Create(
                CultureInfo.InvariantCulture,
                $"Restored {summary.Manifest.Books} books ({summary.Manifest.Tables.Sum(t => t.Rows)} rows in {summary.Manifest.Tables.Count} tables, every count and checksum verified) from {summary.Path}, a {summary.Manifest.Provider} backup of {summary.Manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC"));
            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
