using System.Text.Json;
using Shelf.Core.Common;
using Shelf.Core.Features.Books;
using Shelf.Web.Infrastructure;

namespace Shelf.Web.Endpoints;

/// <summary>
/// A book's fields in a request body, named as <c>shelf show --json</c> names them. Read by hand
/// rather than bound to a type, so that an absent field (unchanged) differs from <c>null</c>
/// (cleared), a number and a string holding one are read alike, every value reaches the core's
/// rules and gets the CLI's message, and a misspelled field is an error instead of being ignored.
/// </summary>
internal sealed class BookBody
{
    private static readonly string[] AddFields = ["title", "subtitle", "authors", "pages", "isbn13", "year", "publisher", "listPrice", "listPriceCurrency", "allowDuplicate"];

    private static readonly string[] EditFields =
    [
        "title", "subtitle", "authors", "addAuthors", "removeAuthors", "pages", "isbn13", "year", "publisher", "listPrice", "listPriceCurrency",
        "rating", "status", "dateStarted", "dateRead", "readCount", "review", "privateNotes", "ownedCopies", "location", "addShelves", "removeShelves",
    ];

    private readonly Dictionary<string, JsonElement> _fields;

    private BookBody(Dictionary<string, JsonElement> fields) => _fields = fields;

    public static Result<AddBookRequest> ForAdd(JsonElement body, string defaultCurrency)
    {
        var read = Read(body, AddFields);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var fields = read.Value;
        var authors = fields.List("authors");
        var allowDuplicate = fields._fields.TryGetValue("allowDuplicate", out var flag) && flag.ValueKind == JsonValueKind.True;
        return Combine(authors, () => new AddBookRequest(fields.Text("title"), AuthorCredit.ParseAll(authors.Value))
        {
            Subtitle = fields.Text("subtitle"),
            Pages = fields.Text("pages"),
            Isbn = fields.Text("isbn13"),
            Year = fields.Text("year"),
            Publisher = fields.Text("publisher"),
            Price = fields.Text("listPrice"),
            Currency = fields.Text("listPriceCurrency"),
            DefaultCurrency = defaultCurrency,
            AllowDuplicate = allowDuplicate,
        });
    }

    public static Result<EditBookRequest> ForEdit(JsonElement body, string reference, string defaultCurrency)
    {
        var read = Read(body, EditFields);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var fields = read.Value;
        var lists = new[] { "authors", "addAuthors", "removeAuthors", "addShelves", "removeShelves" }.ToDictionary(name => name, fields.List);
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
            Authors = fields._fields.ContainsKey("authors") ? AuthorCredit.ParseAll(lists["authors"].Value) : null,
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

    private static Result<T> Combine<T>(Result<IReadOnlyList<string>?> list, Func<T> build) => list.IsSuccess ? build() : list.Error!;

    private static Result<BookBody> Read(JsonElement body, string[] known)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Error.Invalid(WebErrorCodes.BadRequest, "the body must be a JSON object of a book's fields, such as {\"title\": \"Emma\", \"authors\": [\"Jane Austen\"]}");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                return Error.Invalid(WebErrorCodes.BadRequest, $"unknown field '{UserText.Shorten(property.Name)}'; the fields are {string.Join(", ", known)}");
            }

            fields[property.Name] = property.Value;
        }

        return new BookBody(fields);
    }

    /// <summary>A field as the core reads it: absent is null (unchanged), JSON null is empty (cleared), a number its digits.</summary>
    private string? Text(string name) =>
        !_fields.TryGetValue(name, out var value)
            ? null
            : value.ValueKind switch
            {
                JsonValueKind.Null => string.Empty,
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => value.GetRawText(),

                // An object or a list where a value belongs: let the core's rule refuse it with its message.
                _ => value.GetRawText(),
            };

    private Result<IReadOnlyList<string>?> List(string name)
    {
        if (!_fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Result<IReadOnlyList<string>?>.Ok(null);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return Result<IReadOnlyList<string>?>.Ok([value.GetString()!]);
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            return Error.Invalid(WebErrorCodes.BadRequest, $"'{name}' must be a list of names, such as [\"Jane Austen\", \"Edith Grossman (translator)\"]");
        }

        return Result<IReadOnlyList<string>?>.Ok(value.EnumerateArray().Select(item => item.GetString()!).ToList());
    }
}
