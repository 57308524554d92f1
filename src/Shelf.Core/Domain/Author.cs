namespace Shelf.Core.Domain;

/// <summary>A person credited on books. <see cref="NameKey"/> is unique: one row per person.</summary>
public class Author
{
    public int Id { get; set; }

    /// <summary>"Kate Quinn".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>"Quinn, Kate".</summary>
    public string SortName { get; set; } = string.Empty;

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>The matching key from <see cref="AuthorName.Key"/>.</summary>
    public string NameKey { get; set; } = string.Empty;

    /// <summary>
    /// How many distinct books the person is credited on, kept by the database's own triggers
    /// (<c>AuthorBookCountSql</c>); EF reads it and never writes it.
    /// </summary>
    public int BookCount { get; private set; }

    public List<BookAuthor> Books { get; set; } = [];

    /// <summary>Creates an author from a parsed name.</summary>
    public static Author From(AuthorName name) => new()
    {
        Name = name.Display,
        SortName = name.Sort,
        FirstName = name.First,
        LastName = name.Last,
        NameKey = name.Key,
    };

    /// <summary>Replaces every form of the name at once so they never disagree.</summary>
    public void Rename(AuthorName name)
    {
        Name = name.Display;
        SortName = name.Sort;
        FirstName = name.First;
        LastName = name.Last;
        NameKey = name.Key;
    }
}
