using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Merging;

/// <summary>Why books were grouped as one.</summary>
public enum DuplicateKind
{
    /// <summary>The same title (as matched: case, accents and punctuation folded) and the same first author.</summary>
    SameTitle,

    /// <summary>A near-identical title of the same first author: a subtitle, series suffix or article apart, or a few letters.</summary>
    SimilarTitle,
}

public sealed record FindDuplicatesRequest
{
    public const int DefaultLimit = 50;

    /// <summary>How many groups to return, the surest first.</summary>
    public int Limit { get; init; } = DefaultLimit;
}

/// <summary>One book of a group.</summary>
public sealed record DuplicateBook(int Id, string Title, IReadOnlyList<string> Authors);

/// <summary>A field the books of a group do not agree on: its label and each book's value, in the group's order (null where empty).</summary>
public sealed record FieldDifference(string Field, IReadOnlyList<string?> Values);

/// <summary>Books that look like one: why, how sure (1 = the same title), and what differs between them.</summary>
public sealed record DuplicateGroup(DuplicateKind Kind, double Score, string Reason, IReadOnlyList<DuplicateBook> Books, IReadOnlyList<FieldDifference> Differences);

/// <summary>The groups found in all, and the surest of them up to the limit.</summary>
public sealed record DuplicatesFound(int GroupCount, IReadOnlyList<DuplicateGroup> Groups);

/// <summary>
/// Finds books that are probably one book entered twice. The database groups the books by
/// first author and stored title key (one row per distinct title of each author, read in author
/// order), so the same title is found in SQL; near titles are then compared only inside one
/// author's titles, never across the library. An author with very many titles is compared by
/// base title and by neighbours in sorted order, so no author costs more than linear work.
/// </summary>
public sealed class FindDuplicates(ShelfDbContext db)
{
    /// <summary>Up to this many titles an author's titles are all compared pairwise.</summary>
    private const int PairwiseLimit = 300;

    /// <summary>Past it, each title is compared with this many neighbours in sorted order.</summary>
    private const int Window = 8;

    public async Task<Result<DuplicatesFound>> ExecuteAsync(FindDuplicatesRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit < 1)
        {
            return Error.Invalid(MergeErrorCodes.BadLimit, string.Create(CultureInfo.InvariantCulture, $"the number of groups must be 1 or more, not {request.Limit}"));
        }

        var candidates = new List<Candidate>();
        var titles = db.BookAuthors.AsNoTracking()
            .Where(ba => ba.Position == 0)
            .Join(db.Books, ba => ba.BookId, b => b.Id, (ba, b) => new { ba.AuthorId, b.TitleKey, b.Title })
            .GroupBy(x => new { x.AuthorId, x.TitleKey })
            .Select(g => new { g.Key.AuthorId, g.Key.TitleKey, Title = g.Max(x => x.Title), Books = g.Count() })
            .OrderBy(t => t.AuthorId)
            .AsAsyncEnumerable();

        var author = new List<AuthorTitle>();
        await foreach (var row in titles.WithCancellation(cancellationToken))
        {
            var title = new AuthorTitle(row.AuthorId, row.TitleKey, row.Title ?? row.TitleKey, row.Books);
            if (author.Count > 0 && author[0].AuthorId != title.AuthorId)
            {
                candidates.AddRange(GroupsOf(author));
                author.Clear();
            }

            author.Add(title);
        }

        candidates.AddRange(GroupsOf(author));
        var shown = candidates
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Books).ThenBy(c => c.AuthorId).ThenBy(c => c.Keys[0], StringComparer.Ordinal)
            .Take(request.Limit)
            .ToList();

        var groups = new List<DuplicateGroup>(shown.Count);
        foreach (var candidate in shown)
        {
            groups.Add(await DescribeAsync(candidate, cancellationToken));
        }

        return new DuplicatesFound(candidates.Count, groups);
    }

    /// <summary>One author's groups: titles joined by near matches, and single titles held by more than one book.</summary>
    private static IEnumerable<Candidate> GroupsOf(List<AuthorTitle> titles)
    {
        if (titles.Count == 0)
        {
            return [];
        }

        var compared = titles.Select(t => ComparedTitle.Of(t.TitleKey, t.Title)).ToList();
        var links = new List<(int A, int B, double Score, int Distance)>();
        foreach (var (a, b) in PairsToCompare(compared))
        {
            if (TitleSimilarity.Compare(compared[a], compared[b]) is { } match)
            {
                links.Add((a, b, match.Score, match.Distance));
            }
        }

        // Surest links first: a group's score is that of the weakest link it needed.
        var parent = Enumerable.Range(0, titles.Count).ToArray();
        var score = Enumerable.Repeat(1.0, titles.Count).ToArray();
        var distance = new int[titles.Count];
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        foreach (var (a, b, linkScore, linkDistance) in links.OrderByDescending(l => l.Score))
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra != rb)
            {
                parent[rb] = ra;
                score[ra] = Math.Min(Math.Min(score[ra], score[rb]), linkScore);
                distance[ra] = Math.Max(Math.Max(distance[ra], distance[rb]), linkDistance);
            }
        }

        return Enumerable.Range(0, titles.Count)
            .GroupBy(Root)
            .Select(g => g.ToList())
            .Where(members => members.Count > 1 || titles[members[0]].Books > 1)
            .Select(members =>
            {
                var root = Root(members[0]);
                var kind = members.Count == 1 ? DuplicateKind.SameTitle : DuplicateKind.SimilarTitle;
                var reason = kind == DuplicateKind.SameTitle
                    ? "same title and first author"
                    : distance[root] == 0
                        ? "same first author, titles the same but for a subtitle, series or article"
                        : string.Create(CultureInfo.InvariantCulture, $"same first author, titles up to {distance[root]} letter(s) apart");
                return new Candidate(
                    titles[members[0]].AuthorId,
                    [.. members.Select(m => titles[m].TitleKey).Order(StringComparer.Ordinal)],
                    members.Sum(m => titles[m].Books),
                    kind == DuplicateKind.SameTitle ? 1.0 : Math.Round(score[root], 2),
                    kind,
                    reason);
            });
    }

    private static IEnumerable<(int, int)> PairsToCompare(List<ComparedTitle> titles)
    {
        if (titles.Count <= PairwiseLimit)
        {
            for (var a = 0; a < titles.Count; a++)
            {
                for (var b = a + 1; b < titles.Count; b++)
                {
                    yield return (a, b);
                }
            }

            yield break;
        }

        // Titles with one base are neighbours in base order, so the window finds them too.
        var order = Enumerable.Range(0, titles.Count).OrderBy(i => titles[i].Base, StringComparer.Ordinal).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            for (var j = i + 1; j < Math.Min(order.Count, i + 1 + Window); j++)
            {
                yield return (order[i], order[j]);
            }
        }
    }

    /// <summary>The books of a group and the fields they disagree on, as a person reads them.</summary>
    private async Task<DuplicateGroup> DescribeAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        var keys = candidate.Keys.ToList();
        var authorId = candidate.AuthorId;
        var ids = await db.BookAuthors.Where(ba => ba.Position == 0 && ba.AuthorId == authorId && EF.Parameter(keys).Contains(ba.Book.TitleKey))
            .Select(ba => ba.BookId).OrderBy(id => id).ToListAsync(cancellationToken);
        var books = await db.Books.AsNoTracking()
            .Where(b => EF.Parameter(ids).Contains(b.Id))
            .Include(b => b.Authors).ThenInclude(a => a.Author)
            .Include(b => b.Tags).ThenInclude(t => t.Tag)
            .Include(b => b.Identifiers)
            .AsSplitQuery()
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);

        var differences = new List<FieldDifference>();
        foreach (var field in BookFields.ShownInOrder.Where(f => f != BookFields.Id && f != BookFields.DateAdded && f != BookFields.UpdatedAt))
        {
            var values = books.Select(b => field.Lines(b).ToList() is { Count: > 0 } lines ? string.Join("; ", lines.Select(l => l.Value)) : null).ToList();
            if (values.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                differences.Add(new FieldDifference(field.Shown ?? field.Difference ?? field.Column!, values));
            }
        }

        return new DuplicateGroup(
            candidate.Kind,
            candidate.Score,
            candidate.Reason,
            [.. books.Select(b => new DuplicateBook(b.Id, b.Title, [.. b.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name)]))],
            differences);
    }

    private sealed record AuthorTitle(int AuthorId, string TitleKey, string Title, int Books);

    private sealed record Candidate(int AuthorId, IReadOnlyList<string> Keys, int Books, double Score, DuplicateKind Kind, string Reason);
}
