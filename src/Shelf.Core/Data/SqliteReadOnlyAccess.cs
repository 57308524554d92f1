using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Shelf.Core.Data;

/// <summary>
/// A library the user may read but not write (a shared or backed-up file, a read-only folder)
/// is opened read-only, so listing and searching it work and only a write fails, saying why.
/// </summary>
internal static class SqliteReadOnlyAccess
{
    private const int WriteOk = 2;

    /// <summary>
    /// The connection string to read <paramref name="path"/> with when this user cannot write it,
    /// or null when it can be opened as usual (it is writable, or it does not exist yet).
    /// </summary>
    public static string? ConnectionStringFor(string path, string connectionString)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!File.Exists(path) || (Writable(path) && Writable(folder)))
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };

        // Reading a WAL library needs its shared-memory file; where that cannot be made (a
        // read-only folder and no reader open), SQLite can only read the file as immutable.
        if (!Writable(folder) && !File.Exists(path + "-shm"))
        {
            builder.DataSource = new Uri(path).AbsoluteUri + "?immutable=1";
        }

        return builder.ToString();
    }

    // access(2) answers for the effective user, as the open itself will; root may write anything.
    private static bool Writable(string path) => Access(System.Text.Encoding.UTF8.GetBytes(path + '\0'), WriteOk) == 0;

    [DllImport("libc", EntryPoint = "access")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Access(byte[] nulTerminatedPath, int mode);
}
