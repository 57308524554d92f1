using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>The simple catalog form <c>title,number_of_pages,first_name,last_name</c> (data/library_data.csv).</summary>
internal sealed class SimpleFormat : ICatalogFormat
{
    public string Name => "simple";

    public string Description => "Simple catalog: title, number_of_pages, first_name, last_name";

    public IReadOnlyList<string> Signature { get; } = ["title", "number_of_pages", "first_name", "last_name"];

    public ICatalogMapper Bind(CatalogHeader header) => new Mapper(header);

    private sealed class Mapper(CatalogHeader h) : ICatalogMapper
    {
        private readonly int _title = h.Find("title");
        private readonly int _pages = h.Find("number_of_pages");
        private readonly int _first = h.Find("first_name");
        private readonly int _last = h.Find("last_name");

        public CatalogField Fields => CatalogField.Title | CatalogField.Pages | CatalogField.Authors | CatalogField.Extras;

        public string? ExtrasSource => "simple";

        public void Map(CatalogRow row)
        {
            row.Title(_title);
            var pages = Books.BookRules.Pages(row.Raw(_pages));
            if (!pages.IsSuccess)
            {
                row.Unusable(_pages, "is not a number of pages (a whole number above 0)");
            }
            else
            {
                row.Record.Pages = pages.Value;
            }

            var first = row.Raw(_first);
            var last = row.Raw(_last);
            if (first.Trim().Length + last.Trim().Length == 0)
            {
                return;
            }

            if (AuthorName.TryFromParts(first, last, out var name, out var error))
            {
                row.Record.AddCredit(name, AuthorRole.Author);
            }
            else
            {
                row.Warn($"author: '{UserText.Shorten($"{first} {last}".Trim())}' is not a name ({error}); kept in the extras");
                row.Keep(_first);
                row.Keep(_last);
            }
        }
    }
}
