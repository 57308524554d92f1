using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Books;

/// <summary>
/// Finds books whose title or author names have a word starting with every word of the query
/// ("tolk" finds Tolkien), ignoring case and accents. Matching runs on the stored keys, not on
/// SQL collations, so SQLite and PostgreSQL return the same books.
/// </summary>
public sealed class SearchBooks(ShelfDbContext db)
{
    public const int MaxQueryLength = 500;

    public async Task<Result<IReadOnlyList<BookSummary>>> ExecuteAsync(string? query, int limit, CancellationToken cancellationToken)
    {
        if (query is { Length: > MaxQueryLength })
        {
            return Error.Invalid(BookErrorCodes.SearchTooLong, $"the search text has {query.Length} characters; at most {MaxQueryLength} are allowed");
        }

        var terms = TextKey.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (terms.Count == 0)
        {
            return Error.Invalid(BookErrorCodes.SearchEmpty, "the search text has no letters or digits; search for a word from a title or an author's name");
        }

        if (limit <= 0)
        {
            return Error.Invalid(BookErrorCodes.SearchBadLimit, "the limit must be greater than 0");
        }

        IQueryable<Book> books = db.Books.AsNoTracking();
        foreach (var term in terms)
        {
            // Keys are words separated by single spaces, so " " + term finds a word start.
            var wordStart = " " + term;
            books = books.Where(b => (" " + b.TitleKey).Contains(wordStart) || b.Authors.Any(a => (" " + a.Author.NameKey).Contains(wordStart)));
        }

        var rows = await books.OrderBy(b => b.TitleKey).ThenBy(b => b.Id).Take(limit).Select(BookQueries.ToSummary).ToListAsync(cancellationToken);
        return rows;
    }
}
