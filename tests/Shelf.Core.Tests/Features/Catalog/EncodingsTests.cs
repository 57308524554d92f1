using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Encodings people's files are really in: UTF-8 with a few stray Windows-1252 bytes, Japanese
/// and Chinese legacy encodings, Cyrillic code pages, and the names other tools give them.
/// Reading does not depend on the database, so these run on SQLite only.
/// </summary>
public sealed class EncodingsTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    static EncodingsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Utf8WithStrayBytes_KeepsUtf8AndReadsEachStrayByteAsWindows1252_OneWarningNamingTheLines()
    {
        var (summary, books) = await ImportAsync("utf8_with_stray_bytes.csv");

        Assert.StartsWith("utf-8", summary.Encoding, StringComparison.Ordinal);
        Assert.Equal(5, summary.Added);
        Assert.Equal(["Big Data", "So far… so good", "Cien años de soledad", "Don’t Panic", "Naïve Art"], books.Select(b => b.Title));
        Assert.Equal(["Viktor Mayer-Schönberger", "Ann Writer", "Gabriel García Márquez", "Björn Ulvaeus", "Zoë Ångström"], books.Select(b => b.Author));
        var warning = Assert.Single(summary.WarningRows);
        Assert.Equal((3L, 1L), (warning.Line, summary.Warnings));
        Assert.Contains("3 bytes on lines 3, 5 are not valid UTF-8", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aozora_shift_jis.csv", "shift_jis")]
    [InlineData("aozora_euc_jp.csv", "euc-jp")]
    public async Task JapaneseLegacyEncodings_AreDetected(string file, string encoding)
    {
        var (summary, books) = await ImportAsync(file);

        Assert.StartsWith(encoding, summary.Encoding, StringComparison.Ordinal);
        Assert.Equal(["吾輩は猫である", "こころ", "羅生門", "銀河鉄道の夜", "注文の多い料理店"], books.Select(b => b.Title));
        Assert.Equal("漱石 夏目", books[0].Author);
    }

    [Theory]
    [InlineData("iso-8859-2", "iso-8859-2")]
    [InlineData("windows-1250", "windows-1250")]
    public async Task CentralEuropeanCodePages_DetectedWhereWindows1252WouldMisreadThem(string written, string detected)
    {
        await using var db = await fixture.OpenNewAsync();
        var text = "title,number_of_pages,first_name,last_name\nDroga do wolności,540,Lech,Wałęsa\nPříliš žluťoučký kůň,120,Karel,Čapek\nŚwięta źródła,88,Zofia,Nałkowska\n";

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.GetEncoding(written).GetBytes(text))));

        Assert.StartsWith(detected, summary.Encoding, StringComparison.Ordinal);
        Assert.Equal(["Droga do wolności", "Příliš žluťoučký kůň", "Święta źródła"], await db.Books.OrderBy(b => b.Id).Select(b => b.Title).ToListAsync());
    }

    [Fact]
    public async Task CentralEuropeanLettersSharedByBothCodePages_RefusedNamingThem()
    {
        await using var db = await fixture.OpenNewAsync();

        // ł, ę and ó sit at the same bytes in ISO-8859-2 and Windows-1250; Windows-1252 has ³ for ł.
        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(Encoding.GetEncoding("iso-8859-2").GetBytes("title,number_of_pages,first_name,last_name\nPołów,120,Jan,Kowalski\nDoły,88,Ewa,Mróz\n"))));

        Assert.Equal(CatalogErrorCodes.EncodingUnsure, error.Code);
        Assert.Contains("iso-8859-2, windows-1250", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Books.CountAsync());
    }

    [Fact]
    public async Task CyrillicCodePage_RefusedNamingTheEncodingToTry_ThenReadWithIt()
    {
        await using var db = await fixture.OpenNewAsync();
        var path = CatalogImports.Fixture("russian_windows_1251.csv");

        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(File.OpenRead(path)));
        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(File.OpenRead(path)) { Encoding = "windows-1251" });

        Assert.Equal(CatalogErrorCodes.EncodingUnsure, error.Code);
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("windows-1251", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("columns", error.Message, StringComparison.Ordinal);
        Assert.Equal((0L, 3L), (summary.Rejected, summary.Added));
        Assert.Equal("Война и мир", await db.Books.OrderBy(b => b.Id).Select(b => b.Title).FirstAsync());
    }

    /// <summary>Short Chinese titles and names give detection little to go on: it reads them right or asks, never guesses wrong.</summary>
    [Theory]
    [InlineData("chinese_gb18030.csv", "gb18030", "红楼梦")]
    [InlineData("chinese_big5.csv", "big5", "紅樓夢")]
    public async Task ChineseLegacyEncodings_ReadRightOrRefusedNamingTheEncoding(string file, string encoding, string firstTitle)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new ImportCatalog(db).ExecuteAsync(new ImportRequest(File.OpenRead(CatalogImports.Fixture(file))), progress: null, CancellationToken.None);

        if (result.IsSuccess)
        {
            Assert.StartsWith(encoding, result.Value.Encoding, StringComparison.Ordinal);
            Assert.Equal(firstTitle, await db.Books.OrderBy(b => b.Id).Select(b => b.Title).FirstAsync());
        }
        else
        {
            Assert.Equal(CatalogErrorCodes.EncodingUnsure, result.Error!.Code);
            Assert.Contains(encoding, result.Error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("cp932")]
    [InlineData("windows-31j")]
    [InlineData("Shift-JIS")]
    public async Task JapaneseAliases_AreAccepted(string name)
    {
        var (summary, books) = await ImportAsync("aozora_shift_jis.csv", name);

        Assert.Equal(5, summary.Added);
        Assert.Equal("吾輩は猫である", books[0].Title);
    }

    [Theory]
    [InlineData("latin1", "iso-8859-1")]
    [InlineData("cp1252", "windows-1252")]
    [InlineData("iso8859_15", "iso-8859-15")]
    [InlineData("utf16le", "utf-16")]
    public async Task CommonAliases_AreAccepted(string name, string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes("title,number_of_pages,first_name,last_name\nCafé,12,Zoë,Müller\n");
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(bytes)) { Encoding = name });

        Assert.Equal(1, summary.Added);
        Assert.Equal("Café", await db.Books.Select(b => b.Title).SingleAsync());
    }

    [Fact]
    public async Task RejectsFile_OfALegacyFile_HoldsTheRowsOriginalBytes()
    {
        var original = await File.ReadAllBytesAsync(CatalogImports.Fixture("windows_1252_with_reject.csv"));
        using var rejects = new MemoryStream();
        await using var db = await fixture.OpenNewAsync();

        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(original)) { Rejects = rejects });

        Assert.Equal((1L, 1L), (summary.Added, summary.Rejected));
        var rejectedRow = original[(Array.LastIndexOf(original, (byte)'\n', original.Length - 2) + 1)..];
        var written = rejects.ToArray();
        Assert.Equal(rejectedRow, written[^rejectedRow.Length..]);
        Assert.Equal("title,number_of_pages,first_name,last_name\n"u8.ToArray(), written[..^rejectedRow.Length]);
    }

    private async Task<(ImportSummary Summary, List<(string Title, string Author)> Books)> ImportAsync(string fixtureName, string? encoding = null)
    {
        await using var db = await fixture.OpenNewAsync();
        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(File.OpenRead(CatalogImports.Fixture(fixtureName))) { Encoding = encoding });
        var books = await db.Books.OrderBy(b => b.Id).Select(b => new { b.Title, Author = b.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name).First() }).ToListAsync();
        return (summary, books.Select(b => (b.Title, b.Author)).ToList());
    }
}
