using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Matching;

/// <summary>
/// What a file says differently about a book already in the library, field by field, limited to
/// the fields the file carries. Shelves and ids in the file that the book lacks are differences;
/// ones the book has and the file does not are not (a file never takes a shelf away).
/// </summary>
internal static class RecordDifferences
{
    public static List<string> Between(Book book, CatalogRecord record, CatalogField fields, string? extrasSource)
    {
        var differences = new List<string>();
        void Check(CatalogField field, bool differs, string name)
        {
            if (differs && fields.HasFlag(field))
            {
                differences.Add(name);
            }
        }

        Check(CatalogField.Title, book.Title != record.Title, "title");
        Check(CatalogField.Subtitle, book.Subtitle != record.Subtitle, "subtitle");
        Check(CatalogField.Authors, !SameCredits(book, record), "authors");
        Check(CatalogField.Isbn, record.Isbn13 is not null && book.Isbn13 != record.Isbn13, "isbn");
        Check(CatalogField.Publisher, book.Publisher != record.Publisher, "publisher");
        Check(CatalogField.YearPublished, book.YearPublished != record.YearPublished, "year");
        Check(CatalogField.OriginalPublicationYear, book.OriginalPublicationYear != record.OriginalPublicationYear, "original year");
        Check(CatalogField.Language, book.Language != record.Language, "language");
        Check(CatalogField.Format, book.Format != record.Format, "format");
        Check(CatalogField.Pages, book.Pages != record.Pages, "pages");
        Check(CatalogField.Series, book.Series != record.Series || book.SeriesNumber != record.SeriesNumber, "series");
        Check(CatalogField.Description, book.Description != record.Description, "description");
        Check(CatalogField.ListPrice, book.ListPriceMinor != record.ListPriceMinor || book.ListPriceCurrency != record.ListPriceCurrency, "list price");
        Check(CatalogField.Rating, book.Rating != record.Rating, "rating");
        Check(CatalogField.Status, book.Status != record.Status, "status");
        Check(CatalogField.DateStarted, book.DateStarted != record.DateStarted, "date started");
        Check(CatalogField.DateRead, book.DateRead != record.DateRead, "date read");
        Check(CatalogField.ReadCount, book.ReadCount != (record.ReadCount ?? 0), "read count");
        Check(CatalogField.Review, book.Review != record.Review, "review");
        Check(CatalogField.PrivateNotes, book.PrivateNotes != record.PrivateNotes, "private notes");
        Check(CatalogField.OwnedCopies, book.OwnedCopies != record.OwnedCopies, "owned copies");
        Check(CatalogField.Location, book.Location != record.Location, "location");
        Check(CatalogField.AddedAt, record.AddedAt is { } added && book.AddedAt != added, "date added");
        Check(CatalogField.Tags, MissingTags(book, record).Any(), "shelves");
        Check(CatalogField.Identifiers, MissingIdentifiers(book, record).Any(), "ids");
        Check(CatalogField.Extras, !SameExtras(book, record, extrasSource), "extras");
        return differences;
    }

    public static bool SameCredits(Book book, CatalogRecord record)
    {
        var stored = book.Authors.OrderBy(a => a.Position).Select(a => (a.Author.NameKey, a.Role)).ToList();
        return stored.SequenceEqual(record.Credits.Select(c => (c.Name.Key, c.Role)));
    }

    public static IEnumerable<string> MissingTags(Book book, CatalogRecord record)
    {
        var keys = book.Tags.Select(t => t.Tag.NameKey).ToHashSet(StringComparer.Ordinal);
        return record.Tags.Where(t => !keys.Contains(TextKey.Normalize(t)));
    }

    public static IEnumerable<(string Scheme, string Value)> MissingIdentifiers(Book book, CatalogRecord record) =>
        record.Identifiers.Where(i => !book.Identifiers.Exists(b => b.Scheme == i.Scheme && b.Value == i.Value));

    private static bool SameExtras(Book book, CatalogRecord record, string? source)
    {
        var stored = BookExtras.Parse(book.Extras);
        if (source is not null)
        {
            return stored.SameSource(record.Extras, source);
        }

        return stored.ToJson() == record.ExtrasJson;
    }
}
