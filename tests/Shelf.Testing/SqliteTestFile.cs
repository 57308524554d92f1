using Microsoft.Data.Sqlite;
using Shelf.Core.Data;

namespace Shelf.Testing;

/// <summary>
/// A library file path in a fresh temp directory of its own; the file itself is not created.
/// Disposing deletes the directory with everything SQLite put beside the file (-wal, -shm).
/// </summary>
public sealed class SqliteTestFile : IDisposable
{
    public SqliteTestFile(string fileName = "library.db")
    {
        DirectoryPath = Path.Combine(Path.GetTempPath(), "shelf-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirectoryPath);
        FilePath = Path.Combine(DirectoryPath, fileName);
    }

    /// <summary>The temp directory this instance owns.</summary>
    public string DirectoryPath { get; }

    /// <summary>The library file inside <see cref="DirectoryPath"/>; absent until something creates it.</summary>
    public string FilePath { get; }

    /// <summary>A target for the file, as <c>--db &lt;path&gt;</c> would give.</summary>
    public DatabaseTarget Target => DatabaseTarget.Sqlite(FilePath);

    public void Dispose()
    {
        // Pooled connections keep the file open; let them go before the directory does.
        using (var connection = new SqliteConnection(Target.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test removed it on purpose.
        }
    }
}
