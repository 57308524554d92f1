namespace Shelf.Core.Data;

/// <summary>The databases Shelf runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,

    /// <summary>MySQL 8 or MariaDB 10.6+, through Oracle's provider.</summary>
    MySql,
}
