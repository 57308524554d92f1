using System.Text.Json;
using Shelf.Core.Common;
using Shelf.Core.Features.Books;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Endpoints;

/// <summary>A book's fields in a request body (<see cref="JsonFields"/>), named as <c>shelf show --json</c> names them.</summary>
internal static class BookBody
{
    private const string Example = "{\"title\": \"Emma\", \"authors\": [\"Jane Austen\"]}";

    private static readonly string[] AddFields = ["title", "subtitle", "authors", "pages", "isbn13", "year", "publisher", "listPrice", "listPriceCurrency", "allowDuplicate"];

    private static readonly string[] EditFields =
    [
        "title", "subtitle", "authors", "addAuthors", "removeAuthors", "pages", "isbn13", "year", "publisher", "listPrice", "listPriceCurrency",
        "rating", "status", "dateStarted", "dateRead", "readCount", "review", "privateNotes", "ownedCopies", "location", "addShelves", "removeShelves",
    ];

    private static readonly string[] ListFields = ["authors", "addAuthors", "removeAuthors", "addShelves", "removeShelves"];

    public static Result<AddBookRequest> ForAdd(JsonElement body, string defaultCurrency)
    {
        var read = JsonFields.Read(body, AddFields, Example);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var fields = read.Value;
        var authors = fields.List("authors");
        if (!authors.IsSuccess)
        {
            return authors.Error!;
        }

        return new AddBookRequest(fields.Text("title"), AuthorCredit.ParseAll(authors.Value))
        {
            Subtitle = fields.Text("subtitle"),
            Pages = fields.Text("pages"),
            Isbn = fields.Text("isbn13"),
            Year = fields.Text("year"),
            Publisher = fields.Text("publisher"),
            Price = fields.Text("listPrice"),
            Currency = fields.Text("listPriceCurrency"),
            DefaultCurrency = defaultCurrency,
            AllowDuplicate = fields.Flag("allowDuplicate"),
        };
    }

    public static Result<EditBookRequest> ForEdit(JsonElement body, string reference, string defaultCurrency)
    {
        var read = JsonFields.Read(body, EditFields, Example);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var fields = read.Value;
        var lists = ListFields.ToDictionary(name => name, fields.List);
        if (lists.Values.Select(l => l.Error).FirstOrDefault(e => e is not null) is { } bad)
        {
            return bad;
        }

        return new EditBookRequest(reference)
        {
            Title = fields.Text("title"),
            Subtitle = fields.Text("subtitle"),
            Pages = fields.Text("pages"),
            Isbn = fields.Text("isbn13"),
            Year = fields.Text("year"),
            Publisher = fields.Text("publisher"),
            Price = fields.Text("listPrice"),
            Currency = fields.Text("listPriceCurrency"),
            DefaultCurrency = defaultCurrency,
            Authors = fields.Has("authors") ? AuthorCredit.ParseAll(lists["authors"].Value) : null,
            AddAuthors = AuthorCredit.ParseAll(lists["addAuthors"].Value),
            RemoveAuthors = lists["removeAuthors"].Value ?? [],
            Rating = fields.Text("rating"),
            Status = fields.Text("status"),
            DateStarted = fields.Text("dateStarted"),
            DateRead = fields.Text("dateRead"),
            ReadCount = fields.Text("readCount"),
            Review = fields.Text("review"),
            PrivateNotes = fields.Text("privateNotes"),
            OwnedCopies = fields.Text("ownedCopies"),
            Location = fields.Text("location"),
            AddShelves = lists["addShelves"].Value ?? [],
            RemoveShelves = lists["removeShelves"].Value ?? [],
        };
    }
}
