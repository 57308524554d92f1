namespace Shelf.Core.Data;

/// <summary>The databases Shelf runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
