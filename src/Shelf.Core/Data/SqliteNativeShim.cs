using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Shelf.Core.Data;

/// <summary>
/// Makes Microsoft.Data.Sqlite 10 run on SQLitePCLRaw 2.0.6, the only version our package
/// registry has, and on the system's SQLite (3.40) instead of the bundled 3.35, which lacks
/// the JSON operators EF Core 10 emits. See STACK.md, "SQLite: the shim".
/// </summary>
public static class SqliteNativeShim
{
    private static int _installed;

    /// <summary>
    /// Installs the shim once. Runs from a module initializer, and every entry point calls it
    /// first too: code that touches SqliteConnection before this assembly loads would crash.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The shim must run before any SQLite type loads.")]
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        // Microsoft.Data.Sqlite asks for SQLitePCLRaw 2.1.x: answer with whatever version is present.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name is { } simple && simple.StartsWith("SQLitePCLRaw.", StringComparison.Ordinal)
                ? context.LoadFromAssemblyName(new AssemblyName(simple))
                : null;

        var provider = typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly;
        NativeLibrary.SetDllImportResolver(provider, ResolveSqlite);
    }

    private static IntPtr ResolveSqlite(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName == "e_sqlite3" && OperatingSystem.IsLinux()
            && NativeLibrary.TryLoad("libsqlite3.so.0", assembly, searchPath, out var system))
        {
            return system;
        }

        // IntPtr.Zero falls back to the default lookup: the bundled e_sqlite3.
        return IntPtr.Zero;
    }
}
