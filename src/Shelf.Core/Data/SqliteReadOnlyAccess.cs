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

        return ReadOnly(path, folder, connectionString);
    }

    // Apart from the check above, so a command on a writable library (nearly every one) never
    // loads the connection-string builder or Uri at start-up.
    private static string ReadOnly(string path, string folder, string connectionString)
    {
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
    private static bool Writable(string path)
    {
        var nulTerminated = System.Text.Encoding.UTF8.GetBytes(path + '\0');
        if (OperatingSystem.IsLinux() && !s_noGlibc)
        {
            try
            {
                return LinuxAccess(nulTerminated, WriteOk) == 0;
            }
            catch (DllNotFoundException)
            {
                s_noGlibc = true; // musl (Alpine): its libc answers to the plain name below
            }
        }

        return Access(nulTerminated, WriteOk) == 0;
    }

    private static bool s_noGlibc;

    // glibc by its exact file name: "libc" alone is probed as libc.so, liblibc.so, ... first.
    [DllImport("libc.so.6", EntryPoint = "access")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LinuxAccess(byte[] nulTerminatedPath, int mode);

    [DllImport("libc", EntryPoint = "access")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Access(byte[] nulTerminatedPath, int mode);
}
