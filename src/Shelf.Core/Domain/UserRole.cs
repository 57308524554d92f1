namespace Shelf.Core.Domain;

/// <summary>What a user of the web app may do; each role may do everything the ones before it may. Stored as lower-case text, checked by the database.</summary>
public enum UserRole
{
    /// <summary>Reads the catalog, shelves and sales.</summary>
    Viewer,

    /// <summary>Also changes the catalog, shelves and sales.</summary>
    Editor,

    /// <summary>Also manages users and tokens.</summary>
    Owner,
}
