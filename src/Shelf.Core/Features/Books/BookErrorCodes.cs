namespace Shelf.Core.Features.Books;

/// <summary>
/// The stable codes of the errors about books: adding, editing, listing and searching them.
/// Hosts key their hints and status mappings on these constants, so a renamed or mistyped
/// code fails the build instead of a user.
/// </summary>
public static class BookErrorCodes
{
    public const string AddNoTitle = "add.no_title";
    public const string AuthorNotCredited = "book.author_not_credited";
    public const string AuthorRepeated = "book.author_repeated";
    public const string BulkIsbn = "edit.bulk_isbn";
    public const string ConcurrentDuplicate = "book.concurrent_duplicate";
    public const string CountInvalid = "book.count_invalid";
    public const string CurrencyInvalid = "book.currency_invalid";
    public const string CurrencyWithoutPrice = "book.currency_without_price";
    public const string DateInvalid = "book.date_invalid";
    public const string Duplicate = "book.duplicate";
    public const string DuplicateIsbn = "book.duplicate_isbn";
    public const string EditNothing = "edit.nothing";
    public const string FieldTooLong = "book.field_too_long";
    public const string IsbnInvalid = "book.isbn_invalid";
    public const string ListBadPage = "list.bad_page";
    public const string NoAuthor = "book.no_author";
    public const string NotFound = "book.not_found";
    public const string PagesNotNumber = "book.pages_not_number";
    public const string PagesNotPositive = "book.pages_not_positive";
    public const string PagesTooMany = "book.pages_too_many";
    public const string PriceInvalid = "book.price_invalid";
    public const string RatingInvalid = "book.rating_invalid";
    public const string SearchBadLimit = "search.bad_limit";
    public const string SearchEmpty = "search.empty";
    public const string SearchSyntax = "search.syntax";
    public const string SearchTooLong = "search.too_long";
    public const string StatusTooLong = "book.status_too_long";
    public const string TitleEmpty = "book.title_empty";
    public const string TitleTooLong = "book.title_too_long";
    public const string YearNotNumber = "book.year_not_number";
    public const string YearOutOfRange = "book.year_out_of_range";
}
