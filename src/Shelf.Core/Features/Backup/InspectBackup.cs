using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Backup;

/// <summary>
/// Reads a backup's manifest and checks that this Shelf can restore it (whole, a known schema,
/// tables this Shelf has), without touching the library: what a host shows before asking to replace it.
/// </summary>
public sealed class InspectBackup(ShelfDbContext db)
{
    public async Task<Result<BackupManifest>> ExecuteAsync(string path, CancellationToken cancellationToken)
    {
        var opened = await BackupArchive.OpenAsync(path, db.Model, cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        using var archive = opened.Value;
        return archive.Manifest;
    }
}
