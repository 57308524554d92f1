using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>The formats Shelf recognises, in the order a header is tried against them.</summary>
internal static class CatalogFormats
{
    /// <summary>Most specific first: every signature is distinct, but a format with more columns is checked before one with fewer.</summary>
    public static IReadOnlyList<ICatalogFormat> All { get; } =
    [
        new GoodreadsFormat(),
        new LibraryThingFormat(),
        new LibraryThingLegacyFormat(),
        new StoryGraphFormat(),
        new LibibFormat(),
        new CalibreFormat(),
        new BookWyrmFormat(),
        new OpenreadsFormat(),
        new KaggleGoodreadsFormat(),
        new BookCrossingFormat(),
        new GoodbooksFormat(),
        new ShelfFormat(),
        new SimpleFormat(),
    ];

    public static IReadOnlyList<CatalogFormatInfo> Infos { get; } = [.. All.Select(f => new CatalogFormatInfo(f.Name, f.Description, f.Signature))];

    public static ICatalogFormat? Named(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static ICatalogFormat? Detect(CatalogHeader header) => All.FirstOrDefault(f => f.Matches(header));
}
