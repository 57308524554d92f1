using System.Text;
using Microsoft.EntityFrameworkCore;
using Shelf.Core.Features.Catalog;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>
/// Files that are broken in the ways real files break: each gives a clear error or clear
/// rejected rows, never an exception, and a failed file leaves the library untouched.
/// </summary>
public sealed class BrokenInputsTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    private const string Header = "title,number_of_pages,first_name,last_name\n";

    [Fact]
    public async Task EmptyFile_SaysSo()
    {
        var error = await FailsAsync([]);

        Assert.Equal("import.empty", error.Code);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyBlankLines_HasNoHeader()
    {
        var error = await FailsAsync("\n\n\r\n"u8.ToArray());

        Assert.Equal("import.no_header", error.Code);
    }

    [Fact]
    public async Task HeaderOnly_ReadsNothingAndSucceeds()
    {
        var summary = await SucceedsAsync(Encoding.UTF8.GetBytes(Header.TrimEnd()));

        Assert.Equal((0L, 0L, 0L), (summary.Read, summary.Added, summary.Rejected));
    }

    [Fact]
    public async Task QuoteNeverClosed_RejectsThatRowWithItsLine_KeepsTheRowsBefore()
    {
        var summary = await SucceedsAsync(Encoding.UTF8.GetBytes(Header + "One,1,Ann,Writer\n\"Two,2,Ann,Writer\nThree,3,Ann,Writer\nFour,4,Ann,Writer\n"));

        Assert.Equal((2L, 1L, 1L), (summary.Read, summary.Added, summary.Rejected));
        var reject = Assert.Single(summary.RejectedRows);
        Assert.Equal(3, reject.Line);
        Assert.Contains("never closed", reject.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileCutInTheMiddleOfARow_RejectsTheStump()
    {
        var summary = await SucceedsAsync(Encoding.UTF8.GetBytes(Header + "One,1,Ann,Writer\nTwo,2,An"));

        Assert.Equal(3, Assert.Single(summary.RejectedRows).Line);
        Assert.Contains("cut short", summary.RejectedRows[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, summary.Added);
    }

    [Fact]
    public async Task RowWithAnUnquotedSeparator_RejectedWithTheFieldCounts()
    {
        var summary = await SucceedsAsync(Encoding.UTF8.GetBytes(Header + "Good,1,Ann,Writer\nEats, Shoots and Leaves,209,Lynne,Truss\n"));

        Assert.Contains("5 fields but the header has 4", Assert.Single(summary.RejectedRows).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenMegabyteField_RejectsThatRowOnly()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var summary = await SucceedsAsync(Encoding.UTF8.GetBytes(Header + $"Small,1,Ann,Writer\n\"{huge}\",2,Ann,Writer\nAfter,3,Ann,Writer\n"));

        Assert.Equal((3L, 2L, 1L), (summary.Read, summary.Added, summary.Rejected));
        Assert.Equal(3, summary.RejectedRows[0].Line);
        Assert.Contains("at most 1,000,000 characters", summary.RejectedRows[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryJunkWithNulBytes_SaysItIsNotCsv()
    {
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);
        junk[10] = 0;

        var error = await FailsAsync(junk);

        Assert.Equal("import.binary", error.Code);
    }

    [Fact]
    public async Task BinaryJunkWithoutNulBytes_IsBinary()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        for (var i = 0; i < junk.Length; i++)
        {
            junk[i] = (byte)(junk[i] | 1);
        }

        var error = await FailsAsync(junk);

        Assert.Equal("import.binary", error.Code);
    }

    [Fact]
    public async Task ZipArchive_SaysItIsBinary()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("goodreads_library_export.csv").Open();
            await entry.WriteAsync(Encoding.UTF8.GetBytes(Header + "One,1,Ann,Writer\n"));
        }

        var error = await FailsAsync(zip.ToArray());

        Assert.Equal("import.binary", error.Code);
    }

    [Fact]
    public async Task Utf8FileForcedAsUtf16_FailsCleanly()
    {
        var error = await FailsAsync(Encoding.UTF8.GetBytes(Header + "One,1,Ann,Writer\n"), "utf-16");

        Assert.Equal("import.unknown_format", error.Code);
    }

    [Fact]
    public async Task KnownFormatWithEveryKindOfBadValue_WarnsForEachCellAndRejectsOnlyTheRowWithoutATitle()
    {
        var text = "Book Id,Title,Author,My Rating,Exclusive Shelf,Number of Pages,Year Published,Date Read,Read Count\n"
            + "1,Fine,Ann Writer,4,read,100,2001,2020/01/02,1\n"
            + "2,Bad Rating,Ann Writer,7,read,100,2001,,1\n"
            + "3,Bad Pages,Ann Writer,0,read,-100,2001,,1\n"
            + "4,Bad Year,Ann Writer,0,read,100,twenty,,1\n"
            + "5,Bad Date,Ann Writer,0,read,100,2001,yesterday,1\n"
            + "6,Bad Count,Ann Writer,0,read,100,2001,,-1\n"
            + "7,,Ann Writer,0,read,100,2001,,1\n";

        var summary = await SucceedsAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal((7L, 6L, 1L), (summary.Read, summary.Added, summary.Rejected));
        Assert.Equal(8, Assert.Single(summary.RejectedRows).Line);
        Assert.Contains("title", summary.RejectedRows[0].Message, StringComparison.Ordinal);
        Assert.Equal([3L, 4L, 5L, 6L, 7L], summary.WarningRows.Select(r => r.Line));
        Assert.Equal(
            ["My Rating: '7'", "Number of Pages: '-100'", "Year Published: 'twenty'", "Date Read: 'yesterday'", "Read Count: '-1'"],
            summary.WarningRows.Select(w => w.Message[..(w.Message.IndexOf('\'', w.Message.IndexOf('\'') + 1) + 1)]));
    }

    private async Task<ImportSummary> SucceedsAsync(byte[] bytes)
    {
        await using var db = await fixture.OpenNewAsync();
        var summary = await CatalogImports.ImportAsync(db, new ImportRequest(new MemoryStream(bytes)));
        Assert.Equal(summary.Added, await db.Books.CountAsync());
        return summary;
    }

    private async Task<Shelf.Core.Common.Error> FailsAsync(byte[] bytes, string? encoding = null)
    {
        await using var db = await fixture.OpenNewAsync();
        var error = await CatalogImports.ImportFailsAsync(db, new ImportRequest(new MemoryStream(bytes)) { Encoding = encoding });
        Assert.Equal(0, await db.Books.CountAsync());
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }
}
