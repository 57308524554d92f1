using System.Globalization;
using System.Text.Json;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Catalog.Export;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// A new book's row as a bulk writer stores it, one column after another in
/// <see cref="BookFields.Columns"/> order. The writer owns what is not in the file: the id it
/// hands out and the moment of the import.
/// </summary>
internal interface IBookRow
{
    void Id();

    void Text(string? value);

    void Integer(int? value);

    void Bigint(long? value);

    void Day(DateOnly? value);

    /// <summary>When the book was added: the file's time, or the import's moment when it gives none.</summary>
    void AddedAt(DateTime? given);

    /// <summary>The import's moment.</summary>
    void UpdatedAt();

    /// <summary>The record's extras as stored (JSON).</summary>
    void Extras(CatalogRecord record);
}

/// <summary>
/// One book field, declared once in <see cref="BookFields"/>: its column in <c>books</c> (null
/// for a relation such as the authors), the catalog field a file carries it in, its column in
/// Shelf's CSV export, its name in the JSON export and in the list of differences, and how it is
/// read from a book or an imported record, written by the bulk writers and applied by an update.
/// </summary>
internal abstract class BookField(string? column, CatalogField field)
{
    /// <summary>The column in <c>books</c>, or null for a relation kept in tables of its own.</summary>
    public string? Column { get; } = column;

    /// <summary>The catalog field a file carries this in; <see cref="CatalogField.None"/> for what no file gives (ids, keys, stamps).</summary>
    public CatalogField Field { get; } = field;

    /// <summary>The column of Shelf's CSV export, or null when the export leaves it out.</summary>
    public string? Label { get; init; }

    /// <summary>The <see cref="Label"/> of a field the export has.</summary>
    public string CsvColumn => Label ?? throw new InvalidOperationException($"{Column} is not a column of Shelf's CSV export");

    /// <summary>The key in Shelf's JSON export that the JSON reader maps to <see cref="Label"/>, or null.</summary>
    public string? JsonName { get; init; }

    /// <summary>
    /// How the JSON export writes a field that is not one plain value under <see cref="JsonName"/>
    /// (the credits as objects, the id, the ISBN with its ISBN-10 beside it).
    /// </summary>
    public Action<Utf8JsonWriter, Book>? JsonAs { get; init; }

    /// <summary>A value the JSON export leaves out when it is empty rather than writing null (a price's parts).</summary>
    public bool JsonOmitsEmpty { get; init; }

    /// <summary>The label of the field's line when a book is shown to a person, or null when it has no line of its own.</summary>
    public string? Shown { get; init; }

    /// <summary>The value as a person reads it, when it differs from <see cref="Export"/> (stars, a series with its number).</summary>
    public Func<Book, string?>? ShowAs { get; init; }

    /// <summary>The lines of a field shown as more than one (the ISBN in both forms, the extras), instead of <see cref="Shown"/>.</summary>
    public Func<Book, IEnumerable<BookLine>>? LinesAs { get; init; }

    /// <summary>How a difference in this field is named; fields that share a name (a price's amount and currency) are one difference.</summary>
    public string? Difference { get; init; }

    /// <summary>A file that leaves this empty says nothing about it (an ISBN, the date added): never a difference, never cleared.</summary>
    public bool OnlyWhenGiven { get; init; }

    /// <summary>
    /// How Shelf's own CSV export is read back into the record: given the row and this field's
    /// column. Every field with a <see cref="Label"/> has one, so whatever the export writes
    /// imports back (<c>BookFieldsTests</c> checks it).
    /// </summary>
    public Action<ShelfCsvCells, int>? ReadBack { get; init; }

    /// <summary>Stores the record's value into a new book's row; only for fields with a <see cref="Column"/>.</summary>
    public abstract void Write(CatalogRecord record, IBookRow row);

    /// <summary>Whether the record says something else than the stored book.</summary>
    public abstract bool Differs(Book book, CatalogRecord record, string? extrasSource);

    /// <summary>Copies the record's value onto a tracked book (an update); fields with rules of their own (title, ISBN, relations, extras) do nothing here.</summary>
    public abstract void Apply(Book book, CatalogRecord record);

    /// <summary>The value as Shelf's CSV export writes it.</summary>
    public abstract string? Export(Book book);

    /// <summary>The column's value for a parameter of a one-book insert (<c>shelf add</c>); only for fields with a <see cref="Column"/>.</summary>
    public abstract object? Value(Book book);

    /// <summary>Writes the field into the book's object in Shelf's JSON export; nothing for what the JSON leaves out.</summary>
    public void WriteJson(Utf8JsonWriter json, Book book)
    {
        if (JsonAs is not null)
        {
            JsonAs(json, book);
        }
        else if (JsonName is not null)
        {
            WriteJsonValue(json, JsonName, book);
        }
    }

    /// <summary>The lines this field adds when a book is shown: none when it is empty.</summary>
    public IEnumerable<BookLine> Lines(Book book)
    {
        if (LinesAs is not null)
        {
            return LinesAs(book);
        }

        var value = Shown is null ? null : ShowAs is null ? Export(book) : ShowAs(book);
        return string.IsNullOrEmpty(value) ? [] : [new BookLine(Shown!, value)];
    }

    /// <summary>Writes the field's value under <paramref name="name"/>: a string, a number or null as its type is.</summary>
    protected abstract void WriteJsonValue(Utf8JsonWriter json, string name, Book book);
}

/// <summary>A field with a value of its own on both sides: compared, applied and exported the same way for every type.</summary>
internal abstract class ValueField<T>(string column, CatalogField field, Func<Book, T> stored, Func<CatalogRecord, T> given, Action<Book, T>? apply)
    : BookField(column, field)
{
    public T Stored(Book book) => stored(book);

    public override object? Value(Book book) => stored(book);

    public T Given(CatalogRecord record) => given(record);

    public override bool Differs(Book book, CatalogRecord record, string? extrasSource)
    {
        var value = given(record);
        return !(OnlyWhenGiven && value is null) && !EqualityComparer<T>.Default.Equals(stored(book), value);
    }

    public override void Apply(Book book, CatalogRecord record)
    {
        var value = given(record);
        if (apply is not null && !(OnlyWhenGiven && value is null))
        {
            apply(book, value);
        }
    }
}

internal sealed class TextField(string column, CatalogField field, Func<Book, string?> stored, Func<CatalogRecord, string?> given, Action<Book, string?>? apply)
    : ValueField<string?>(column, field, stored, given, apply)
{
    public override void Write(CatalogRecord record, IBookRow row) => row.Text(Given(record));

    public override string? Export(Book book) => Stored(book);

    protected override void WriteJsonValue(Utf8JsonWriter json, string name, Book book)
    {
        if (Stored(book) is { } value)
        {
            json.WriteString(name, value);
        }
        else if (!JsonOmitsEmpty)
        {
            json.WriteNull(name);
        }
    }
}

internal sealed class IntegerField(string column, CatalogField field, Func<Book, int?> stored, Func<CatalogRecord, int?> given, Action<Book, int?>? apply)
    : ValueField<int?>(column, field, stored, given, apply)
{
    public override void Write(CatalogRecord record, IBookRow row) => row.Integer(Given(record));

    public override string? Export(Book book) => ExportValues.Number(Stored(book));

    protected override void WriteJsonValue(Utf8JsonWriter json, string name, Book book)
    {
        if (Stored(book) is { } value)
        {
            json.WriteNumber(name, value);
        }
        else if (!JsonOmitsEmpty)
        {
            json.WriteNull(name);
        }
    }
}

internal sealed class BigintField(string column, CatalogField field, Func<Book, long?> stored, Func<CatalogRecord, long?> given, Action<Book, long?>? apply)
    : ValueField<long?>(column, field, stored, given, apply)
{
    public override void Write(CatalogRecord record, IBookRow row) => row.Bigint(Given(record));

    public override string? Export(Book book) => Stored(book)?.ToString(CultureInfo.InvariantCulture);

    protected override void WriteJsonValue(Utf8JsonWriter json, string name, Book book)
    {
        if (Stored(book) is { } value)
        {
            json.WriteNumber(name, value);
        }
        else if (!JsonOmitsEmpty)
        {
            json.WriteNull(name);
        }
    }
}

internal sealed class DayField(string column, CatalogField field, Func<Book, DateOnly?> stored, Func<CatalogRecord, DateOnly?> given, Action<Book, DateOnly?>? apply)
    : ValueField<DateOnly?>(column, field, stored, given, apply)
{
    public override void Write(CatalogRecord record, IBookRow row) => row.Day(Given(record));

    public override string? Export(Book book) => ExportValues.Day(Stored(book));

    protected override void WriteJsonValue(Utf8JsonWriter json, string name, Book book)
    {
        if (Export(book) is { } value)
        {
            json.WriteString(name, value);
        }
        else if (!JsonOmitsEmpty)
        {
            json.WriteNull(name);
        }
    }
}

/// <summary>
/// A field with rules of its own (the id, the stamps, the extras, the relations): each part is
/// given as it is, and what is not given does nothing.
/// </summary>
internal sealed class SpecialField(string? column, CatalogField field) : BookField(column, field)
{
    public Action<CatalogRecord, IBookRow>? WriteNew { get; init; }

    public Func<Book, CatalogRecord, string?, bool>? Compare { get; init; }

    public Func<Book, string?>? ExportAs { get; init; }

    /// <summary>The column's value of a book, for a field with a <see cref="BookField.Column"/> other than the id the database hands out.</summary>
    public Func<Book, object?>? ValueAs { get; init; }

    public Action<Book, CatalogRecord>? ApplyTo { get; init; }

    public override void Write(CatalogRecord record, IBookRow row) => WriteNew?.Invoke(record, row);

    public override bool Differs(Book book, CatalogRecord record, string? extrasSource) => Compare?.Invoke(book, record, extrasSource) ?? false;

    // Title, ISBN, relations and extras are updated by BookUpdater, which has their rules.
    public override void Apply(Book book, CatalogRecord record) => ApplyTo?.Invoke(book, record);

    public override string? Export(Book book) => ExportAs?.Invoke(book);

    public override object? Value(Book book) => (ValueAs ?? throw new InvalidOperationException($"{Column} has no value of its own to insert"))(book);

    // A special field's JSON is always given whole by JsonAs, or as its exported text.
    protected override void WriteJsonValue(Utf8JsonWriter json, string name, Book book) => json.WriteString(name, Export(book));
}
