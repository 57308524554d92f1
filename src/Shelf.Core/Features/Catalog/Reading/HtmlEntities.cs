using System.Net;

namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>
/// HTML entities in cells of exports built from web pages (Goodreads' publishers, scraped data
/// sets): <c>&amp;amp;</c>, <c>&amp;#039;</c>, <c>&amp;quot;</c>, numeric ones. Only complete
/// entities (ending in ';') are decoded, so "AT&amp;T" and "Q&amp;A" stay as they are.
/// </summary>
internal static class HtmlEntities
{
    public static string Decode(string text) =>
        text.Contains('&', StringComparison.Ordinal) && text.Contains(';', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
}
