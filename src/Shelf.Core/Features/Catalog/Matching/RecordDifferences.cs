using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Matching;

/// <summary>
/// What a file says differently about a book already in the library, field by field, limited to
/// the fields the file carries, in the order of <see cref="BookFields"/>. Shelves and ids in the file that the book lacks are differences;
/// ones the book has and the file does not are not (a file never takes a shelf away).
/// </summary>
internal static class RecordDifferences
{
    public static List<string> Between(Book book, CatalogRecord record, CatalogField fields, string? extrasSource)
    {
        var differences = new List<string>();
        foreach (var field in BookFields.Compared)
        {
            // Fields that share a name (a series and its number) are one difference.
            if (fields.HasFlag(field.Field) && (differences.Count == 0 || differences[^1] != field.Difference) && field.Differs(book, record, extrasSource))
            {
                differences.Add(field.Difference!);
            }
        }

        return differences;
    }

    public static bool SameCredits(Book book, CatalogRecord record)
    {
        var stored = book.Authors.OrderBy(a => a.Position).Select(a => (a.Author.NameKey, a.Role)).ToList();
        return stored.SequenceEqual(record.Credits.Select(c => (c.Name.Key, c.Role)));
    }

    public static IEnumerable<string> MissingTags(Book book, CatalogRecord record)
    {
        // Shelves are their names as written: "2021_" is not the shelf "2021".
        var names = book.Tags.Select(t => t.Tag.Name).ToHashSet(StringComparer.Ordinal);
        return record.Tags.Where(t => !names.Contains(t));
    }

    public static IEnumerable<(string Scheme, string Value)> MissingIdentifiers(Book book, CatalogRecord record) =>
        record.Identifiers.Where(i => !book.Identifiers.Exists(b => b.Scheme == i.Scheme && b.Value == i.Value));

    public static bool SameExtras(Book book, CatalogRecord record, string? source)
    {
        var stored = BookExtras.Parse(book.Extras);
        if (source is not null)
        {
            return stored.SameSource(record.Extras, source);
        }

        return stored.ToJson() == record.ExtrasJson;
    }
}
