using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Merging;

/// <summary>One merge as listed: what went into what, when, and whether it was undone.</summary>
public sealed record MergeView(
    long Id,
    MergeKind Kind,
    int KeptId,
    string KeptName,
    IReadOnlyList<int> RemovedIds,
    IReadOnlyList<string> RemovedNames,
    DateTime MergedAt,
    DateTime? UndoneAt);

/// <summary>The merges of books and authors, newest first.</summary>
public sealed class ListMerges(ShelfDbContext db)
{
    public async Task<Result<IReadOnlyList<MergeView>>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var records = await db.MergeRecords.AsNoTracking().OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
        return records.Select(View).ToList();
    }

    private static MergeView View(MergeRecord record)
    {
        var ids = record.RemovedIds.Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
        List<string> names = record.Kind == MergeKind.Book
            ? [.. MergeJson.Read<BookMergeData>(record.Data).Removed.Select(r => r.Fields["title"].GetString() ?? string.Empty)]
            : [MergeJson.Read<AuthorMergeData>(record.Data).Removed["name"].GetString() ?? string.Empty];
        return new MergeView(record.Id, record.Kind, record.KeptId, record.KeptName, ids, names, record.MergedAt, record.UndoneAt);
    }
}
