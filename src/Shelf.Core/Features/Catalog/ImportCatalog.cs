using Microsoft.EntityFrameworkCore;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Data.Bulk;
using Shelf.Core.Features.Catalog.Formats;
using Shelf.Core.Features.Catalog.Reading;
using Shelf.Core.Features.Catalog.Writing;
using Shelf.Core.Features.Importing;

namespace Shelf.Core.Features.Catalog;

/// <summary>What to import and how.</summary>
/// <param name="Input">The file's bytes; owned by the import from here on.</param>
public sealed record ImportRequest(Stream Input)
{
    /// <summary>A format name (<c>--format</c>); null to recognise it from the header.</summary>
    public string? Format { get; init; }

    /// <summary>Column mappings for any other CSV (<c>--map</c>); when given, the file is read through them.</summary>
    public IReadOnlyList<ColumnMapping> Mappings { get; init; } = [];

    /// <summary>An encoding name (<c>--encoding</c>); null to detect it.</summary>
    public string? Encoding { get; init; }

    /// <summary>Lines before the header to skip (a title, a tool's log lines); 0 when the file starts with it.</summary>
    public int SkipLines { get; init; }

    /// <summary>Report what would happen, then roll everything back.</summary>
    public bool DryRun { get; init; }

    /// <summary>Any bad row aborts the whole file.</summary>
    public bool Strict { get; init; }

    /// <summary>Apply what differs to books already in the library.</summary>
    public bool Update { get; init; }

    /// <summary>Where rejected rows go, as the file had them, under its header; null for nowhere.</summary>
    public Stream? Rejects { get; init; }
}

/// <summary>
/// Imports a catalog export (Goodreads, LibraryThing, Calibre, StoryGraph, Libib, goodbooks, the
/// simple form, Shelf's own, or any CSV through a column mapping) as one transaction: a crash,
/// a kill or Ctrl+C leaves the library exactly as it was. Rows stream; new books go in through a
/// bulk writer; bad rows are reported with their line and never stop the good ones (unless
/// <see cref="ImportRequest.Strict"/>); importing the same file twice changes nothing.
/// </summary>
public sealed class ImportCatalog(ShelfDbContext db, ImportOptions? options = null)
{
    private readonly ImportOptions _options = options ?? ImportOptions.Default;

    /// <summary>The formats recognised from a header, for <c>shelf import --formats</c>.</summary>
    public static IReadOnlyList<CatalogFormatInfo> Formats => CatalogFormats.Infos;

    /// <summary>The fields <c>--map "Column Name=field"</c> takes, with what each holds.</summary>
    public static IReadOnlyDictionary<string, string> MapFields => MappedFormat.Targets;

    public async Task<Result<ImportSummary>> ExecuteAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        System.Text.Encoding? named = null;
        if (request.Encoding is not null)
        {
            var encoding = TextEncodingDetector.Named(request.Encoding);
            if (!encoding.IsSuccess)
            {
                return encoding.Error!;
            }

            named = encoding.Value;
        }

        if (request.SkipLines < 0)
        {
            return Error.Invalid(CatalogErrorCodes.SkipTooFar, "the number of lines to skip before the header cannot be negative");
        }

        var opened = await OpenAsync(request.Input, named, request.SkipLines, cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        await using var table = opened.Value;
        var totalBytes = table.TotalBytes;
        var header = new CatalogHeader(table.Header);
        var format = ChooseFormat(request, header);
        if (!format.IsSuccess)
        {
            return format.Error!.Code == CatalogErrorCodes.UnknownFormat && await HeaderFurtherDownAsync(table, cancellationToken) is { } later
                ? Error.Invalid(CatalogErrorCodes.UnknownFormat, $"the first line is not a header Shelf knows, but line {later.Line} holds the columns of the {later.Format} format: skip the {later.Line - 1} lines before it; nothing was imported")
                : format.Error!;
        }

        var mapper = format.Value.Bind(header);
        await using var foreignKeyPause = await SqliteForeignKeyPause.ForImportAsync(db, totalBytes, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var writer = BulkProvider.Choose<ICatalogWriter>(db, d => new SqliteCatalogWriter(d, _options), d => new PostgresCatalogWriter(d, _options), d => new MySqlCatalogWriter(d));
        var run = new ImportRun(db, table, header, format.Value.Name, mapper, writer, request, progress, totalBytes, _options);
        Result<ImportTally> tally;
        try
        {
            tally = await run.ExecuteAsync(cancellationToken);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            // Another program added a book with the same ISBN or id while this import ran (PostgreSQL, MySQL;
            // SQLite's write lock keeps others out). The transaction rolls back as the writer and it are disposed.
            await writer.DisposeAsync();
            return Error.Conflict(CatalogErrorCodes.ConcurrentChange, "another program added one of these books (same ISBN or id) while the import ran; nothing was imported; run it again");
        }

        if (!tally.IsSuccess)
        {
            // An unfinished COPY holds the connection; end it before the rollback.
            await writer.DisposeAsync();
            await transaction.RollbackAsync(CancellationToken.None);
            return tally.Error!;
        }

        await writer.DisposeAsync();

        if (request.DryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            progress?.Report(new ImportProgress(tally.Value.Read, totalBytes ?? 0, totalBytes, ImportStep.Committing));
            await transaction.CommitAsync(cancellationToken);
        }

        return table is CsvCatalogSource csv
            ? tally.Value.ToSummary(format.Value.Name, csv.EncodingName, csv.Separator, request.DryRun, request.Update)
            : tally.Value.ToSummary("json", "utf-8", separator: null, request.DryRun, request.Update);
    }

    /// <summary>Shelf's JSON export is read as a source of its own (once, a book at a time); anything else as delimited text.</summary>
    private static async Task<Result<ICatalogSource>> OpenAsync(Stream input, System.Text.Encoding? named, int skipLines, CancellationToken cancellationToken)
    {
        if (skipLines > 0)
        {
            // Lines before a header are never Shelf's JSON (a log line may well start with '[').
            var delimited = await ImportInput.OpenAsync(input, named, skipLines, cancellationToken);
            return delimited.IsSuccess ? new CsvCatalogSource(delimited.Value) : delimited.Error!;
        }

        var (rest, json, isObject) = await JsonCatalogSource.OpenAsync(input, cancellationToken);
        if (json is not null)
        {
            return json;
        }

        if (isObject)
        {
            await rest.DisposeAsync();
            return Error.Invalid(CatalogErrorCodes.JsonObject, "the file is a JSON object ({...}), not a JSON array of books ([{...}, ...]) as Shelf's JSON export writes, nor CSV; nothing was imported");
        }

        var opened = await ImportInput.OpenAsync(rest, named, cancellationToken);
        return opened.IsSuccess ? new CsvCatalogSource(opened.Value) : opened.Error!;
    }

    /// <summary>Lines looked at for a known header when the first line is not one: a title or a tool's log lines come first.</summary>
    private const int HeaderSearchLines = 20;

    /// <summary>The first of the next few records whose cells are a known format's header (the file has lines before its header), or null.</summary>
    private static async Task<(long Line, string Format)?> HeaderFurtherDownAsync(ICatalogSource table, CancellationToken cancellationToken)
    {
        for (var i = 0; i < HeaderSearchLines && await table.ReadAsync(cancellationToken); i++)
        {
            var cells = Enumerable.Range(0, table.FieldCount).Select(table.Cell);
            if (CatalogFormats.Detect(new CatalogHeader(cells)) is { } format)
            {
                return (table.Line, format.Name);
            }
        }

        return null;
    }

    // The bulk writers throw the provider's exception; an update made through EF wraps it.
    private static bool IsUniqueViolation(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (DatabaseErrors.IsUniqueViolation(inner))
            {
                return true;
            }
        }

        return false;
    }

    private static Result<ICatalogFormat> ChooseFormat(ImportRequest request, CatalogHeader header)
    {
        if (request.Mappings.Count > 0)
        {
            if (request.Format is not null)
            {
                return Error.Invalid(CatalogErrorCodes.FormatAndMap, "both a format and a column mapping were given; a mapping is a format of its own, so give one or the other");
            }

            var mapped = new MappedFormat(request.Mappings);
            return mapped.Check(header) is { } mappingError ? mappingError : mapped;
        }

        if (request.Format is not null)
        {
            var named = CatalogFormats.Named(request.Format);
            if (named is null)
            {
                return Error.Invalid(CatalogErrorCodes.UnknownFormatName, $"'{request.Format}' is not a format Shelf reads; use one of {string.Join(", ", CatalogFormats.All.Select(f => f.Name))}");
            }

            var missing = named.Signature.Where(c => !header.Has(c)).ToList();
            return missing.Count == named.Signature.Count
                ? Error.Invalid(CatalogErrorCodes.FormatMismatch, $"the file has none of the columns of {named.Name} ({string.Join(", ", named.Signature)}); its columns are {UserText.List(header.Names)}")
                : Result<ICatalogFormat>.Ok(named);
        }

        var detected = CatalogFormats.Detect(header);
        return detected is not null
            ? Result<ICatalogFormat>.Ok(detected)
            : Error.Invalid(
                CatalogErrorCodes.UnknownFormat,
                $"the columns ({UserText.List(header.Names)}) are not a format Shelf recognises ({string.Join(", ", CatalogFormats.All.Select(f => f.Name))}); say which column holds which field");
    }
}
