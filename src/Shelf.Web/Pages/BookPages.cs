using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Web.Infrastructure;
using Shelf.Web.Security;

namespace Shelf.Web.Pages;

/// <summary>Adding, editing and removing a book with forms; the core's rules give the messages, as on the CLI.</summary>
internal static class BookPages
{
    public static void MapBookPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/books/new", (HttpContext context) => NewForm(context, null, null, StatusCodes.Status200OK)).RequireAuthorization(Policies.Edit).ExcludeFromDescription();
        app.MapPost("/books/new", AddAsync).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapGet("/books/{book}/edit", EditFormAsync).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/books/{book}/edit", EditAsync).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
        app.MapPost("/books/{book}/remove", RemoveAsync).RequireAuthorization(Policies.Edit).AddEndpointFilter<CookieAntiforgeryFilter>().AddEndpointFilter<LibraryReadyFilter>().ExcludeFromDescription();
    }

    private static async Task<IResult> AddAsync(HttpContext context, AddBook add, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var added = await add.ExecuteAsync(
            new AddBookRequest(Forms.Value(form, "title"), AuthorCredit.ParseAll(Forms.Lines(Forms.Value(form, "authors"))))
            {
                Subtitle = Forms.Value(form, "subtitle"),
                Pages = Forms.Value(form, "pages"),
                Isbn = Forms.Value(form, "isbn13"),
                Year = Forms.Value(form, "year"),
                Publisher = Forms.Value(form, "publisher"),
                DefaultCurrency = Currency.Fallback,
            },
            cancellationToken);
        return added.IsSuccess
            ? Results.Redirect($"/books/{added.Value.Id}")
            : NewForm(context, form, added.Error!.Message, Problems.StatusOf(added.Error));
    }

    private static IResult NewForm(HttpContext context, IFormCollection? form, string? error, int status)
    {
        string? Sent(string name) => form is null ? null : Forms.Value(form, name);
        var body = Forms.Builder("Add a book")
            .Append(Forms.Error(error))
            .Append(Forms.Open(context, "/books/new"))
            .Append(Forms.Field("title", "Title", Sent("title"), required: true))
            .Append(Forms.Field("subtitle", "Subtitle", Sent("subtitle")))
            .Append(Forms.Area("authors", "Authors, one per line", Sent("authors"), "a role in brackets after a name: Edith Grossman (translator)"))
            .Append(Forms.Field("pages", "Pages", Sent("pages"), "text"))
            .Append(Forms.Field("isbn13", "ISBN", Sent("isbn13")))
            .Append(Forms.Field("year", "Year", Sent("year")))
            .Append(Forms.Field("publisher", "Publisher", Sent("publisher")))
            .Append("<button type=\"submit\">Add</button></form>");
        return Html.Page(context, "Add a book", body.ToString(), status);
    }

    private static async Task<IResult> EditFormAsync(HttpContext context, string book, GetBook get, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(book, cancellationToken);
        return found.IsSuccess ? EditForm(context, found.Value, null, StatusCodes.Status200OK) : LibraryPages.NotFound(context, found.Error!);
    }

    private static async Task<IResult> EditAsync(HttpContext context, string book, EditBook edit, GetBook get, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var edited = await edit.ExecuteAsync(
            new EditBookRequest(book)
            {
                Title = Forms.Value(form, "title"),
                Subtitle = Forms.Value(form, "subtitle"),
                Authors = form.ContainsKey("authors") ? AuthorCredit.ParseAll(Forms.Lines(Forms.Value(form, "authors"))) : null,
                Pages = Forms.Value(form, "pages"),
                Isbn = Forms.Value(form, "isbn13"),
                Year = Forms.Value(form, "year"),
                Publisher = Forms.Value(form, "publisher"),
                Status = Forms.Value(form, "status"),
                Rating = Forms.Value(form, "rating"),
                DateRead = Forms.Value(form, "dateRead"),
                Review = Forms.Value(form, "review"),
                AddShelves = Forms.Lines(Forms.Value(form, "addShelves")),
                DefaultCurrency = Currency.Fallback,
            },
            cancellationToken);
        if (edited.IsSuccess)
        {
            return Results.Redirect($"/books/{edited.Value.Id}");
        }

        var current = await get.ExecuteAsync(book, cancellationToken);
        return current.IsSuccess ? EditForm(context, current.Value, edited.Error!.Message, Problems.StatusOf(edited.Error)) : LibraryPages.NotFound(context, current.Error!);
    }

    private static IResult EditForm(HttpContext context, BookDetails book, string? error, int status)
    {
        var credits = string.Join('\n', book.Credits.Select(c => c.Role == AuthorRole.Author ? c.Name : $"{c.Name} ({c.Role.ToString().ToLowerInvariant()})"));
        var body = Forms.Builder($"Edit {book.Title}")
            .Append(Forms.Error(error))
            .Append(Forms.Open(context, $"/books/{book.Id}/edit"))
            .Append(Forms.Field("title", "Title", book.Title, required: true))
            .Append(Forms.Field("subtitle", "Subtitle", book.Subtitle))
            .Append(Forms.Area("authors", "Authors, one per line", credits))
            .Append(Forms.Field("pages", "Pages", book.Pages?.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(Forms.Field("isbn13", "ISBN", book.Isbn13))
            .Append(Forms.Field("year", "Year", book.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(Forms.Field("publisher", "Publisher", book.Publisher))
            .Append(Forms.Field("status", "Status", book.Status, hint: "to-read, reading, read or a shelf of your own"))
            .Append(Forms.Field("rating", "Rating", book.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture), hint: "1 to 5"))
            .Append(Forms.Field("dateRead", "Date read", book.DateRead?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "date"))
            .Append(Forms.Area("review", "Review", book.Review))
            .Append(Forms.Field("addShelves", "Put on shelves", null, hint: "comma-separated"))
            .Append("<button type=\"submit\">Save</button></form>");
        return Html.Page(context, $"Edit {book.Title}", body.ToString(), status);
    }

    private static async Task<IResult> RemoveAsync(HttpContext context, string book, RemoveBook remove, CancellationToken cancellationToken)
    {
        var removed = await remove.ExecuteAsync(book, cancellationToken);
        return removed.IsSuccess ? Results.Redirect("/") : LibraryPages.NotFound(context, removed.Error!);
    }
}
