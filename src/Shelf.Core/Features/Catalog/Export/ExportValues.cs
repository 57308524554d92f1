using System.Globalization;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Export;

/// <summary>How exports write a book's values, the same way in every format.</summary>
internal static class ExportValues
{
    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? value, string format = "yyyy-MM-dd") => value?.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>UTC to the second: what an import reads back exactly.</summary>
    public static string Moment(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static IEnumerable<BookAuthor> Credits(Book book) => book.Authors.OrderBy(a => a.Position);

    public static IEnumerable<string> Shelves(Book book) => book.Tags.OrderBy(t => t.Tag.NameKey, StringComparer.Ordinal).Select(t => t.Tag.Name);

    public static IEnumerable<BookIdentifier> Identifiers(Book book) =>
        book.Identifiers.OrderBy(i => i.Scheme, StringComparer.Ordinal).ThenBy(i => i.Value, StringComparer.Ordinal);
}
