using System.Data;
using System.Data.Common;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Backup;

/// <summary>Where to write the backup; an existing file there is replaced once the new one is complete.</summary>
public sealed record BackupLibraryRequest(string Path);

/// <summary>What a backup wrote.</summary>
public sealed record BackupSummary(string Path, long Bytes, BackupManifest Manifest);

/// <summary>
/// Writes a consistent copy of every table of the library into one portable archive (a zip of
/// JSON lines and a manifest, see <see cref="BackupManifest"/>) that <see cref="RestoreLibrary"/>
/// reads back into SQLite or PostgreSQL. Other programs keep writing meanwhile: on SQLite the
/// rows come from a <c>VACUUM INTO</c> copy, which SQLite makes from one read snapshot; on
/// PostgreSQL from one REPEATABLE READ, READ ONLY transaction, which sees every table as of its
/// first query, and on MySQL from one REPEATABLE READ transaction, whose InnoDB snapshot does the same. The archive is written next to its destination and moved there when complete, so
/// a failed backup never leaves half a file where the last good one was.
/// </summary>
public sealed class BackupLibrary(ShelfDbContext db, DatabaseTarget target, TimeProvider clock)
{
    public async Task<Result<BackupSummary>> ExecuteAsync(BackupLibraryRequest request, CancellationToken cancellationToken)
    {
        var destination = BackupFiles.Destination(request.Path, target);
        if (!destination.IsSuccess)
        {
            return destination.Error!;
        }

        var path = destination.Value;
        var partial = BackupFiles.Sibling(path, "partial");
        try
        {
            var manifest = db.Provider == DatabaseProvider.Sqlite
                ? await FromSqliteCopyAsync(path, partial, cancellationToken)
                : await FromServerSnapshotAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
            return new BackupSummary(path, new FileInfo(path).Length, manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Error.Unavailable(BackupErrorCodes.Unreadable, $"cannot write the backup {path}: {e.Message}");
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task<BackupManifest> FromSqliteCopyAsync(string path, string partial, CancellationToken cancellationToken)
    {
        var copy = BackupFiles.Sibling(path, "snapshot");
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await using (var vacuum = connection.CreateCommand())
            {
                vacuum.CommandText = "VACUUM INTO @copy";
                vacuum.Parameters.Add(new SqliteParameter("@copy", copy));
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            // No pool: the copy is deleted as soon as it has been read.
            await using var snapshot = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await snapshot.OpenAsync(cancellationToken);
            return await WriteArchiveAsync(snapshot, null, partial, cancellationToken);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private async Task<BackupManifest> FromServerSnapshotAsync(string partial, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var quotes = await MySqlAnsiQuotes.OnAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // MySQL refuses to change a begun transaction; its REPEATABLE READ reads one snapshot all the same.
            await TableRows.ExecuteAsync(connection, transaction.GetDbTransaction(), "SET TRANSACTION READ ONLY", cancellationToken);
        }

        return await WriteArchiveAsync(connection, transaction.GetDbTransaction(), partial, cancellationToken);
    }

    private async Task<BackupManifest> WriteArchiveAsync(DbConnection connection, DbTransaction? transaction, string partial, CancellationToken cancellationToken)
    {
        var schema = await TableRows.SchemaVersionAsync(connection, transaction, cancellationToken)
            ?? throw new InvalidOperationException("an opened library has no migration history");
        var tables = new List<BackupManifestTable>();
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false))
        {
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var table in BackupTables.From(db.Model))
                {
                    var entry = zip.CreateEntry(BackupManifest.TableEntry(table.Name), CompressionLevel.Fastest);
                    var checksum = new TableChecksum();
                    await using (var output = new BufferedStream(entry.Open(), 1 << 16))
                    {
                        await TableRows.ReadAsync(connection, transaction, table, table.Columns, line =>
                        {
                            checksum.Add(line);
                            output.Write(line);
                            output.WriteByte((byte)'\n');
                        }, cancellationToken);
                    }

                    tables.Add(new BackupManifestTable(table.Name, table.Columns, checksum.Rows, checksum.Value));
                }

                var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, TableRows.ProviderName(db.Provider), schema, clock.GetUtcNow().UtcDateTime, tables);
                var manifestEntry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal);
                await using (var output = manifestEntry.Open())
                {
                    await JsonSerializer.SerializeAsync(output, manifest, BackupJson.Options, cancellationToken);
                }

                // Disposing the zip writes its directory; then the bytes go to disk before the move.
                zip.Dispose();
                file.Flush(flushToDisk: true);
                return manifest;
            }
        }
    }
}
