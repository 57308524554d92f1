using System.Text;
using Microsoft.VisualBasic.FileIO;
using Shelf.Core.Data;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Importing;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Catalog;

/// <summary>Runs imports in tests, and reads files with another CSV parser to know what to expect.</summary>
internal static class CatalogImports
{
    public static string SharedFile(string name) => RealExports.PathOf(name);

    public static string SamplePath => Path.Combine(RepositoryPaths.Root, "data", "library_data.csv");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Features", "Catalog", "Fixtures", name);

    public static Task<ImportSummary> ImportFileAsync(ShelfDbContext db, string path, bool update = false) =>
        ImportAsync(db, new ImportRequest(File.OpenRead(path)) { Update = update });

    public static Task<ImportSummary> ImportTextAsync(ShelfDbContext db, string csv) =>
        ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(csv))));

    /// <summary>Imports CSV text through a column mapping, as <c>--map</c> does.</summary>
    public static Task<ImportSummary> ImportMappedAsync(ShelfDbContext db, string csv, params Shelf.Core.Features.Catalog.Formats.ColumnMapping[] mapping) =>
        ImportAsync(db, new ImportRequest(new MemoryStream(Encoding.UTF8.GetBytes(csv))) { Mappings = mapping });

    public static async Task<ImportSummary> ImportAsync(ShelfDbContext db, ImportRequest request)
    {
        var result = await new ImportCatalog(db).ExecuteAsync(request, progress: null, CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        db.ChangeTracker.Clear();
        return result.Value;
    }

    public static async Task<Shelf.Core.Common.Error> ImportFailsAsync(ShelfDbContext db, ImportRequest request)
    {
        var result = await new ImportCatalog(db).ExecuteAsync(request, progress: null, CancellationToken.None);
        Assert.False(result.IsSuccess, "the import should have failed");
        return result.Error!;
    }

    /// <summary>Every row of a CSV file as Visual Basic's TextFieldParser reads it, keyed by header name: not Shelf's reader.</summary>
    public static List<Dictionary<string, string>> ReadRows(string path, string delimiter = ",")
    {
        using var parser = new TextFieldParser(path, Encoding.UTF8)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(delimiter);
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Length ? fields[i] : string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs of spaces made one, as Shelf stores names and titles.</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Progress reported on the import's own thread as it happens (Progress&lt;T&gt; would post it elsewhere, later).</summary>
internal sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}
