using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Merging;

/// <summary>
/// One value a merge fills in or takes from a chosen book: the columns that go together (a
/// price's amount and currency, a series and its number, a title and its key).
/// </summary>
internal sealed record MergePart(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> Aliases);

/// <summary>
/// The fields a merge handles one by one, from the book-field table (<see cref="BookFields"/>):
/// every column of <c>books</c> but the id and the stamps. Fields that share a difference name
/// there are one part; credits, shelves and identifiers are not parts, they are joined.
/// </summary>
internal static class MergeFields
{
    /// <summary>The extras are joined source by source unless a book is named to take them from.</summary>
    public const string Extras = "extras";

    /// <summary>A book read zero times says nothing about it, as an empty field does.</summary>
    public const string ReadCount = "read_count";

    public static readonly IReadOnlyList<MergePart> Parts = Build();

    /// <summary>The part a user names by any of its columns' export labels, or by its difference name ("isbn", "list_price").</summary>
    public static MergePart? Find(string name)
    {
        var wanted = name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return Parts.FirstOrDefault(p => p.Aliases.Contains(wanted, StringComparer.Ordinal));
    }

    /// <summary>"title, subtitle, ...": what a user may name.</summary>
    public static string Names => string.Join(", ", Parts.Select(p => p.Name));

    private static List<MergePart> Build()
    {
        BookField[] skipped = [BookFields.Id, BookFields.TitleKey, BookFields.UpdatedAt];
        var parts = new List<MergePart>();
        foreach (var group in BookFields.Columns.Where(f => !skipped.Contains(f)).GroupBy(f => f.Difference ?? f.Column!))
        {
            var columns = group.Select(f => f.Column!).ToList();
            if (group.Contains(BookFields.Title))
            {
                // The title's key is never chosen apart from the title.
                columns.Add(BookFields.TitleKey.Column!);
            }

            var aliases = group.Select(f => f.Label ?? f.Column!).Append(group.Key.Replace(' ', '_')).Distinct(StringComparer.Ordinal).ToList();
            parts.Add(new MergePart(group.First().Label ?? group.First().Column!, columns, aliases));
        }

        return parts;
    }
}
