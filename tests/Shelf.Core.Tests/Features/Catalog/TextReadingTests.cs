using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// The ways real files write text: encodings with and without a byte order mark, legacy
/// single-byte files, separators, line endings, quoting, and the numbers spreadsheets mangle.
/// Reading does not depend on the database, so these run on SQLite only.
/// </summary>
public sealed class TextReadingTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    private const string Header = "title,number_of_pages,first_name,last_name";

    static TextReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Utf8WithByteOrderMark_HeaderRecognisedAndAccentsKept()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\nCien años de soledad,417,Gabriel,García Márquez\n")).ToArray();

        var (summary, titles) = await ImportAsync(bytes);

        Assert.Equal(("simple", "utf-8 (with byte order mark)"), (summary.Format, summary.Encoding));
        Assert.Equal(["Cien años de soledad"], titles);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public async Task Utf16WithByteOrderMark_Read(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes($"{Header}\r\nΟδύσσεια,541,,Όμηρος\r\n")).ToArray();

        var (summary, titles) = await ImportAsync(bytes);

        Assert.StartsWith("utf-16", summary.Encoding, StringComparison.Ordinal);
        Assert.Equal(["Οδύσσεια"], titles);
    }

    [Fact]
    public async Task Utf16WithoutByteOrderMark_Detected()
    {
        var (summary, titles) = await ImportAsync(Encoding.Unicode.GetBytes($"{Header}\nEmma,474,Jane,Austen\n"));

        Assert.StartsWith("utf-16", summary.Encoding, StringComparison.Ordinal);
        Assert.Equal(["Emma"], titles);
    }

    [Fact]
    public async Task Windows1252Bytes_DetectedBecauseTheyAreNotUtf8()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes($"{Header}\n“Café” crème – déjà vu,120,Zoë,Brontë\n");

        var (summary, titles) = await ImportAsync(bytes);

        Assert.StartsWith("windows-1252", summary.Encoding, StringComparison.Ordinal);
        Assert.Equal(["“Café” crème – déjà vu"], titles);
    }

    [Fact]
    public async Task NotUtf8OnlyFarIntoTheFile_StillDetected()
    {
        var text = new StringBuilder(Header + "\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Plain Title {i},{i + 1},Ann,Writer\n");
        }

        text.Append("Señor,5,Ann,Writer\n");

        var (summary, titles) = await ImportAsync(Encoding.Latin1.GetBytes(text.ToString()));

        Assert.StartsWith("windows-1252", summary.Encoding, StringComparison.Ordinal);
        Assert.Contains("Señor", titles);
    }

    [Theory]
    [InlineData("shift_jis", "吾輩は猫である", "夏目", "漱石")]
    [InlineData("iso-8859-15", "L'Étranger €", "Albert", "Camus")]
    [InlineData("koi8-r", "Война и мир", "Лев", "Толстой")]
    public async Task NamedEncoding_ReadsThatEncoding(string name, string title, string first, string last)
    {
        var bytes = Encoding.GetEncoding(name).GetBytes($"{Header}\n{title},100,{first},{last}\n");

        var (summary, titles) = await ImportAsync(bytes, new ImportRequest(Stream.Null) { Encoding = name });

        Assert.Equal(1, summary.Added);
        Assert.Equal([title], titles);
    }

    [Fact]
    public async Task UnknownEncodingName_IsBadInput()
    {
        await using var db = await fixture.OpenNewAsync();

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(Header))) { Encoding = "klingon-8" });

        Assert.Equal("import.unknown_encoding", error.Code);
    }

    [Theory]
    [InlineData(";", "semicolon")]
    [InlineData("\t", "tab")]
    [InlineData(",", "comma")]
    public async Task Separator_DetectedFromTheHeader(string separator, string name)
    {
        var text = string.Join(separator, "title", "number_of_pages", "first_name", "last_name") + "\n"
            + string.Join(separator, "\"Eats, Shoots; Leaves\"", "209", "Lynne", "Truss") + "\n";

        var (summary, titles) = await ImportAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal(name, summary.Separator);
        Assert.Equal(["Eats, Shoots; Leaves"], titles);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task LineEndings_AllRead_WithLineNumbersOfTheFile(string newline)
    {
        var text = string.Join(newline, Header, "One,1,Ann,Writer", "\"Two\"\"s \"\"quoted\"\"", "title\",2,Ann,Writer", ",5,Ann,Writer", "Three,3,Ann,Writer");

        var (summary, titles) = await ImportAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal(["One", "Two\"s \"quoted\" title", "Three"], titles);
        Assert.Equal(5, Assert.Single(summary.RejectedRows).Line);
    }

    [Fact]
    public async Task ExcelGuardsAroundIsbns_Removed_AndEmptyGuardIsNoIsbn()
    {
        var text = "Book Id,Title,Author,My Rating,Exclusive Shelf,ISBN,ISBN13\n"
            + "1,A,Ann Writer,0,read,\"=\"\"0441013597\"\"\",\"=\"\"9780441013593\"\"\"\n"
            + "2,B,Ann Writer,0,read,\"=\"\"\"\"\",\"=\"\"\"\"\"\n";

        var (summary, _) = await ImportAsync(Encoding.UTF8.GetBytes(text));

        await using var db = await DatabaseFixture.OpenAsync(_lastTarget!);
        Assert.Equal(["9780441013593", null], await db.Books.OrderBy(b => b.Id).Select(b => b.Isbn13).ToListAsync());
        Assert.Equal(0, summary.Warnings);
    }

    [Fact]
    public async Task Isbn10WithoutLeadingZeros_RestoredWhenTheChecksumPasses_ScientificNotationNeverTrusted()
    {
        var text = "book_id,goodreads_book_id,authors,original_publication_year,title,isbn,isbn13\n"
            + "1,11,Ann Writer,2008.0,Zeros Lost,439023483,9.78043902348e+12\n"
            + "2,12,Ann Writer,-17.0,Bad Checksum,439023484,\n"
            + "3,13,Ann Writer,,Float Isbn13,,9780439023481.0\n";

        var (summary, _) = await ImportAsync(Encoding.UTF8.GetBytes(text));

        await using var db = await DatabaseFixture.OpenAsync(_lastTarget!);
        var books = await db.Books.OrderBy(b => b.Id).Select(b => new { b.Isbn13, b.OriginalPublicationYear, b.Extras }).ToListAsync();
        Assert.Equal(["9780439023481", null, null], books.Select(b => b.Isbn13));
        Assert.Equal((2008, -17), (books[0].OriginalPublicationYear, books[1].OriginalPublicationYear));
        Assert.Equal(3, summary.Added);

        // Unusable values are reported with their line, counted, and kept with their book.
        Assert.Equal(3, summary.Warnings);
        Assert.Equal([2L, 3L, 4L], summary.WarningRows.Select(w => w.Line));
        Assert.Contains("scientific notation", summary.WarningRows[0].Message, StringComparison.Ordinal);
        Assert.Equal("9.78043902348e+12", BookExtras.Parse(books[0].Extras).Get("goodbooks", "isbn13"));
        Assert.Equal("439023484", BookExtras.Parse(books[1].Extras).Get("goodbooks", "isbn"));

        // "9780439023481.0" is a whole ISBN written as a float, but it belongs to book 1 already.
        Assert.Contains("already belongs to book", summary.WarningRows[2].Message, StringComparison.Ordinal);
    }

    private DatabaseTarget? _lastTarget;

    private async Task<(ImportSummary Summary, List<string> Titles)> ImportAsync(byte[] bytes, ImportRequest? options = null)
    {
        _lastTarget = await fixture.NewDatabaseAsync();
        await using var db = await DatabaseFixture.OpenAsync(_lastTarget);
        var request = (options ?? new ImportRequest(Stream.Null)) with { Input = new MemoryStream(bytes) };
        var summary = await CatalogImports.ImportAsync(db, request);
        return (summary, await db.Books.OrderBy(b => b.Id).Select(b => b.Title).ToListAsync());
    }
}
