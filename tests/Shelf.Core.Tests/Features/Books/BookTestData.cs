using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Tests.Features.Books;

/// <summary>Adds books through the real use case, failing the test if it refuses.</summary>
internal static class BookTestData
{
    public static async Task<BookDetails> AddAsync(ShelfDbContext db, string title, params string[] authors) =>
        await AddAsync(db, new AddBookRequest(title, [.. authors.Select(a => new AuthorCredit(a))]));

    public static async Task<BookDetails> AddAsync(ShelfDbContext db, AddBookRequest request)
    {
        var added = await new AddBook(db).ExecuteAsync(request, CancellationToken.None);
        Assert.True(added.IsSuccess, added.Error?.Message);
        return added.Value;
    }

    public static AddBookRequest Request(string title, params string[] authors) =>
        new(title, [.. authors.Select(a => new AuthorCredit(a))]);

    public static AuthorCredit Credit(string name, AuthorRole role = AuthorRole.Author) => new(name, role);
}
