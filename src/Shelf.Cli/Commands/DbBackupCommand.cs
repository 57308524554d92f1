using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Backup;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf db backup FILE</c>: a consistent copy of the library, taken while other programs keep writing, that <c>db restore</c> reads into SQLite or PostgreSQL.</summary>
internal sealed class DbBackupCommand : ShelfCommand
{
    private readonly Argument<string> _file = new("file") { Description = "The backup file to write (replaced once the new one is complete)" };

    public DbBackupCommand(CliConsole console, GlobalOptions globals)
        : base("backup", "Write a consistent copy of the library to a file, while other programs keep using it", console, globals)
    {
        Arguments.Add(_file);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<BackupLibrary>(context, async backupLibrary =>
        {
            var written = await backupLibrary.ExecuteAsync(new BackupLibraryRequest(context.Get(_file)!), cancellationToken);
            if (FailIfError(context, written) is { } failed)
            {
                return failed;
            }

            var summary = written.Value;
            context.WriteResult(summary, string.Create(
                CultureInfo.InvariantCulture,
                $"Backed up {summary.Manifest.Books} books ({summary.Manifest.Tables.Sum(t => t.Rows)} rows in {summary.Manifest.Tables.Count} tables, schema {summary.Manifest.SchemaVersion}) to {summary.Path} ({summary.Bytes / 1024.0:0.#} KiB)"));
            return ExitCodes.Ok;
        }, cancellationToken);
}
