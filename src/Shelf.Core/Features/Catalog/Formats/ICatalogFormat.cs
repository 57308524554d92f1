using Shelf.Core.Features.Catalog.Reading;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// An export format Shelf reads: recognised by the names of its signature columns, never by
/// their position, and mapped row by row to a <see cref="CatalogRecord"/>.
/// </summary>
internal interface ICatalogFormat
{
    /// <summary>The name <c>--format</c> takes; also the scheme of the format's own ids and the source of its extras.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Columns that together tell this format from the others.</summary>
    IReadOnlyList<string> Signature { get; }

    bool Matches(CatalogHeader header) => Signature.All(header.Has);

    /// <summary>Finds the format's columns in this file's header.</summary>
    ICatalogMapper Bind(CatalogHeader header);
}

/// <summary>Maps rows of one file, whose columns it has already found.</summary>
internal interface ICatalogMapper
{
    /// <summary>The book fields this file carries; only these are compared and updated.</summary>
    CatalogField Fields { get; }

    /// <summary>Which sources' extras a row of this file replaces on update; null means all of them (Shelf's own export).</summary>
    string? ExtrasSource { get; }

    /// <summary>
    /// Whether the file's people are added to a book, never put in place of its credits: a
    /// catalog with one row per (person, work) repeats the work's id on several rows, each
    /// naming one of its people.
    /// </summary>
    bool AddsCredits => false;

    /// <summary>
    /// The column whose text the source writes with its separator unquoted (the Kaggle Goodreads
    /// data set's authors), or -1: a row with a few fields more than the header has them joined
    /// back into that column, with a warning, instead of being rejected.
    /// </summary>
    int OverflowColumn => -1;

    /// <summary>
    /// The column whose closing quote the source sometimes writes escaped (Book-Crossing's titles,
    /// <c>"Title\";"Author"</c>), so that the next column's value runs into it and the row comes
    /// out one field short; or -1. Such a row is split back at the quote and separator (see
    /// <see cref="Reading.EscapedClosingQuote"/>), with a warning; one that cannot be split for sure is rejected.
    /// </summary>
    int SwallowingColumn => -1;

    /// <summary>Whether HTML entities in the cells are decoded (every export but Shelf's own, which writes text as stored).</summary>
    bool DecodesEntities => true;

    /// <summary>Fills <see cref="CatalogRow.Record"/>; problems go to <see cref="CatalogRow.Fail"/> and <see cref="CatalogRow.Warn"/>.</summary>
    void Map(CatalogRow row);
}

/// <summary>A format as <c>shelf import --formats</c> lists it.</summary>
public sealed record CatalogFormatInfo(string Name, string Description, IReadOnlyList<string> Signature);
