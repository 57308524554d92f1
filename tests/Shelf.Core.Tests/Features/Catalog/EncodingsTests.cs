using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Encodings people's files are really in: UTF-8 with a few stray Windows-1252 bytes, Japanese
/// and Chinese legacy encodings, Cyrillic code pages, and the names other tools give them.
/// Reading is the database's business only at the end, but the text then goes through each
/// engine's own bulk writer (prepared statements, binary COPY), so these run on both.
/// </summary>
public abstract class EncodingsTests(DatabaseFixture fixture)
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

    [Fact]
    public async Task RejectsFile_OfUtf8WithStrayBytes_HoldsTheHeaderAndRejectedRowByteForByte()
    {
        byte[] header = [.. "\"title\",\"number_of_pages\",first_name,last_name\r\n"u8];
        byte[] accepted = [.. "Big Data,10,Viktor,Mayer-Sch"u8, 0xF6, .. "nberger\r\n"u8];
        byte[] valid = [.. "Cien años de soledad,20,Gabriel,García Márquez\r\n"u8];
        byte[] rejected = [.. ",30,Bj"u8, 0xF6, .. "rn,Ulvaeus & Zoë Ångström\r\n"u8];

        var (summary, titles, written) = await ImportWithRejectsAsync([.. header, .. accepted, .. valid, .. rejected]);

        Assert.StartsWith("utf-8 (2 stray bytes", summary.Encoding, StringComparison.Ordinal);
        Assert.Equal(["Big Data", "Cien años de soledad"], titles);
        Assert.Equal(1, summary.Rejected);

        // The stray 0xF6 stays one byte; the UTF-8 "ë" and "Å" stay two.
        Assert.Equal([.. header, .. rejected], written);
    }

    [Theory]
    [InlineData("windows-1252", null)]
    [InlineData("iso-8859-1", "latin1")]
    [InlineData("shift_jis", "shift_jis")]
    [InlineData("utf-16", null)]
    public async Task RejectsFile_OfALegacyEncoding_HoldsTheHeaderAndRejectedRowByteForByte(string encodingName, string? named)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var (acceptedTitle, acceptedRow, rejected) = encodingName switch
        {
            "windows-1252" => ("Café Crème", "Café Crème;10;Zoë;Ångström", encoding.GetBytes(";5;\"Œuvres « complètes » – 5 €\";x\r\n")),
            "iso-8859-1" => ("Café", "Café;10;Zoë;Ångström", [.. ";5;Gabriel;Garc"u8, 0xED, .. "a "u8, 0x96, .. " M"u8, 0xE1, .. "rquez\r\n"u8]),

            // 0x879A is NEC's "∵", which Shift_JIS also writes 0x81E6: encoding the text back gives the other bytes.
            "shift_jis" => ("こころ", "こころ;10;漱石;夏目", [.. ";5;"u8, 0x87, 0x9A, .. encoding.GetBytes(";宮沢賢治\r\n")]),
            _ => ("Café", "Café;10;Zoë;Ångström", encoding.GetBytes(";5;Zoë;日本\r\n")),
        };
        byte[] header = [.. encoding.GetPreamble(), .. encoding.GetBytes("\"title\";\"number_of_pages\";first_name;last_name\r\n")];
        byte[] file = [.. header, .. encoding.GetBytes(acceptedRow + "\r\n"), .. rejected];

        var (summary, titles, written) = await ImportWithRejectsAsync(file, named);

        Assert.Equal([acceptedTitle], titles);
        Assert.Equal(1, summary.Rejected);
        Assert.Equal([.. header, .. rejected], written);
    }

    [Fact]
    public async Task RejectsFile_OfALegacyFileLargerThanABlock_KeepsTheBytesOfRowsFarIntoIt()
    {
        var encoding = Encoding.GetEncoding("shift_jis");
        byte[] header = encoding.GetBytes("title;number_of_pages;first_name;last_name\r\n");
        byte[] Rejected(int i) => [.. encoding.GetBytes($";{i};"), 0x87, 0x9A, .. encoding.GetBytes("宮沢賢治\r\n")];
        var file = new List<byte>(header);
        for (var i = 0; i < 8000; i++)
        {
            file.AddRange(i is 1 or 7999 ? Rejected(i) : encoding.GetBytes($"吾輩は猫である 第{i}巻;{i + 1};漱石;夏目\r\n"));
        }

        var (summary, titles, written) = await ImportWithRejectsAsync([.. file], "shift_jis");

        Assert.True(file.Count > 3 * 64 * 1024, "the file spans several blocks");
        Assert.Equal((7998L, 2L), (summary.Added, summary.Rejected));
        Assert.Equal("吾輩は猫である 第7998巻", titles[^1]);
        Assert.Equal([.. header, .. Rejected(1), .. Rejected(7999)], written);
    }

    [Fact]
    public async Task RejectsFile_OfAUtf8FileWithBackslashQuotes_KeepsTheBackslashes()
    {
        byte[] header = [.. "\"title\";\"number_of_pages\";\"first_name\";\"last_name\"\n"u8];
        byte[] accepted = [.. "\"The \\\"Real\\\" Story\";\"10\";\"Ann\";\"Writer\"\n"u8];
        byte[] rejected = [.. "\"\";\"5\";\"Zoë \\\"Z\\\"\";\"Ångström\"\n"u8];

        var (summary, titles, written) = await ImportWithRejectsAsync([.. header, .. accepted, .. rejected]);

        Assert.Equal(["The \"Real\" Story"], titles);
        Assert.Equal(1, summary.Rejected);
        Assert.Equal([.. header, .. rejected], written);
    }

    private async Task<(ImportSummary Summary, List<string> Titles, byte[] Rejects)> ImportWithRejectsAsync(byte[] file, string? encoding = null)
    {
        await using var db = await fixture.OpenNewAsync();
        using var rejects = new MemoryStream();
        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(file)) { Encoding = encoding, Rejects = rejects });
        var titles = await db.Books.OrderBy(b => b.Id).Select(b => b.Title).ToListAsync();
        return (summary, titles, rejects.ToArray());
    }

    private async Task<(ImportSummary Summary, List<(string Title, string Author)> Books)> ImportAsync(string fixtureName, string? encoding = null)
    {
        await using var db = await fixture.OpenNewAsync();
        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(File.OpenRead(CatalogImports.Fixture(fixtureName))) { Encoding = encoding });
        var books = await db.Books.OrderBy(b => b.Id).Select(b => new { b.Title, Author = b.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name).First() }).ToListAsync();
        return (summary, books.Select(b => (b.Title, b.Author)).ToList());
    }

    public sealed class Sqlite(SqliteDatabaseFixture fixture) : EncodingsTests(fixture), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture fixture) : EncodingsTests(fixture), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture fixture) : EncodingsTests(fixture), IClassFixture<MySqlDatabaseFixture>;
}
