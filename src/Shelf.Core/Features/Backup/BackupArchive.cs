using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Backup;

/// <summary>
/// A backup file opened for reading, its manifest checked against this Shelf: a zip that is
/// whole (a truncated file has no directory and fails here, before anything is written), the
/// format, a schema this Shelf knows, and tables and columns this Shelf's model has. Each table is
/// paired with the model's, whose names and kinds a restore uses.
/// </summary>
internal sealed class BackupArchive : IDisposable
{
    /// <summary>The largest manifest read; a real one is a few kilobytes.</summary>
    private const int MaxManifestBytes = 4 * 1024 * 1024;

    private readonly FileStream _file;
    private readonly ZipArchive _zip;

    private BackupArchive(string path, FileStream file, ZipArchive zip, BackupManifest manifest, IReadOnlyList<(BackupManifestTable Archived, BackupTable Model)> tables)
    {
        Path = path;
        _file = file;
        _zip = zip;
        Manifest = manifest;
        Tables = tables;
    }

    public string Path { get; }

    public BackupManifest Manifest { get; }

    /// <summary>The archive's tables in the model's order (parents first), each with the model's table.</summary>
    public IReadOnlyList<(BackupManifestTable Archived, BackupTable Model)> Tables { get; }

    public static async Task<Result<BackupArchive>> OpenAsync(string path, IModel model, CancellationToken cancellationToken)
    {
        var source = BackupFiles.Source(path);
        if (!source.IsSuccess)
        {
            return source.Error!;
        }

        FileStream? file = null;
        ZipArchive? zip = null;
        try
        {
            file = new FileStream(source.Value, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (!await StartsLikeZipAsync(file, cancellationToken))
            {
                await file.DisposeAsync();
                return Error.Invalid(BackupErrorCodes.NotABackup, $"{source.Value} is not a Shelf backup (not a zip archive); give a file that a Shelf backup wrote");
            }

            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var manifest = await ReadManifestAsync(source.Value, zip, cancellationToken);
            var tables = manifest.IsSuccess ? Match(source.Value, manifest.Value, model) : manifest.Error!;
            if (!tables.IsSuccess)
            {
                zip.Dispose();
                await file.DisposeAsync();
                return tables.Error!;
            }

            return new BackupArchive(source.Value, file, zip, manifest.Value, tables.Value);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or UnauthorizedAccessException)
        {
            zip?.Dispose();
            if (file is not null)
            {
                await file.DisposeAsync();
            }

            return e is IOException or UnauthorizedAccessException
                ? Error.Unavailable(BackupErrorCodes.Unreadable, $"cannot read {source.Value}: {e.Message}")
                : Damaged(source.Value, e.Message);
        }
    }

    /// <summary>The rows of one table, as the archive holds them.</summary>
    public Stream OpenTable(string table) =>
        _zip.GetEntry(BackupManifest.TableEntry(table))?.Open()
        ?? throw new InvalidDataException($"the table {table} named in the manifest is missing");

    public static Error Damaged(string path, string why) =>
        Error.Invalid(BackupErrorCodes.Damaged, $"{path} is not a complete Shelf backup (truncated or damaged: {why.TrimEnd('.')}); nothing was restored");

    public void Dispose()
    {
        _zip.Dispose();
        _file.Dispose();
    }

    // A zip starts with a local file header; a truncated one still does, a CSV or a library file does not.
    private static async Task<bool> StartsLikeZipAsync(FileStream file, CancellationToken cancellationToken)
    {
        var start = new byte[4];
        var read = await file.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        return read == 4 && start is [(byte)'P', (byte)'K', 3, 4];
    }

    private static async Task<Result<BackupManifest>> ReadManifestAsync(string path, ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName);
        if (entry is null)
        {
            return Error.Invalid(BackupErrorCodes.NotABackup, $"{path} is a zip file but not a Shelf backup (it has no {BackupManifest.EntryName})");
        }

        if (entry.Length > MaxManifestBytes)
        {
            return Damaged(path, "its manifest is too large");
        }

        await using var stream = entry.Open();
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupJson.Options, cancellationToken);
        if (manifest is null || manifest.Format != BackupManifest.FormatName || manifest.Tables is null || manifest.SchemaVersion is null || manifest.Provider is null)
        {
            return Error.Invalid(BackupErrorCodes.NotABackup, $"{path} is not a Shelf backup (its manifest does not describe one)");
        }

        if (manifest.FormatVersion > BackupManifest.CurrentVersion)
        {
            return Error.Invalid(BackupErrorCodes.NewerSchema, $"{path} was written by a newer Shelf (backup format {manifest.FormatVersion}); upgrade Shelf to restore it");
        }

        var provider = manifest.Provider switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            "mysql" => DatabaseProvider.MySql,
            _ => (DatabaseProvider?)null,
        };
        if (provider is null)
        {
            return Error.Invalid(BackupErrorCodes.NotABackup, $"{path} names a database Shelf does not know ('{UserText.Shorten(manifest.Provider)}')");
        }

        if (!KnownMigrations(provider.Value).Contains(manifest.SchemaVersion))
        {
            return Error.Invalid(
                BackupErrorCodes.NewerSchema,
                $"{path} was made by a newer Shelf (schema {UserText.Shorten(manifest.SchemaVersion, 80)}, which this Shelf does not know); upgrade Shelf to restore it");
        }

        return manifest;
    }

    private static Result<IReadOnlyList<(BackupManifestTable, BackupTable)>> Match(string path, BackupManifest manifest, IModel model)
    {
        var byName = new Dictionary<string, BackupManifestTable>(StringComparer.Ordinal);
        foreach (var table in manifest.Tables)
        {
            if (table?.Name is null || table.Columns is null || table.Checksum is null || table.Rows < 0 || !byName.TryAdd(table.Name, table))
            {
                return Damaged(path, "its manifest lists a table twice or without its columns");
            }
        }

        var paired = new List<(BackupManifestTable, BackupTable)>();
        foreach (var table in BackupTables.From(model))
        {
            if (!byName.Remove(table.Name, out var archived))
            {
                // An older backup lacks a table a later migration added: it stays empty.
                continue;
            }

            var columns = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (var column in archived.Columns)
            {
                if (column?.Name is null || !columns.TryGetValue(column.Name, out var known) || known.Kind != column.Kind)
                {
                    return Error.Invalid(
                        BackupErrorCodes.NewerSchema,
                        $"{path} holds a column {table.Name}.{UserText.Shorten(column?.Name)} that this Shelf does not have as {column?.Kind.ToString().ToLowerInvariant()}; upgrade Shelf to restore it");
                }
            }

            paired.Add((archived, table with { Columns = archived.Columns.Select(c => columns[c.Name]).ToList() }));
        }

        if (byName.Count > 0)
        {
            return Error.Invalid(
                BackupErrorCodes.NewerSchema,
                $"{path} holds a table '{UserText.Shorten(byName.Keys.First())}' that this Shelf does not have; upgrade Shelf to restore it");
        }

        return paired;
    }

    /// <summary>The ids of the migrations this Shelf ships for a database, found as EF finds them.</summary>
    private static HashSet<string> KnownMigrations(DatabaseProvider provider)
    {
        var context = provider switch
        {
            DatabaseProvider.Sqlite => typeof(SqliteShelfDb),
            DatabaseProvider.Postgres => typeof(PostgresShelfDb),
            _ => typeof(MySqlShelfDb),
        };
        return typeof(ShelfDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}
