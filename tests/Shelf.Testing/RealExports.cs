using System.Reflection;
using Xunit;
using Xunit.Sdk;

namespace Shelf.Testing;

/// <summary>
/// Real export files for the tests. Those whose licence lets us redistribute them are committed
/// in <c>tests/data</c> (see its README); the others are read from the team's
/// <c>../shared/data</c> beside the checkout, and the tests that need them are reported as
/// skipped, naming the missing file, in a clone that has no such folder.
/// </summary>
public static class RealExports
{
    /// <summary>The committed copies.</summary>
    public static string CommittedFolder => Path.Combine(RepositoryPaths.Root, "tests", "data");

    /// <summary>The shared folder beside the checkout, read only.</summary>
    public static string SharedFolder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data"));

    /// <summary>Where the file is: the committed copy, else the shared one (which may not exist).</summary>
    public static string PathOf(string name)
    {
        var committed = Path.Combine(CommittedFolder, name);
        return File.Exists(committed) ? committed : Path.Combine(SharedFolder, name);
    }

    /// <summary>Why a test needing <paramref name="names"/> cannot run here, or null when it can.</summary>
    public static string? MissingReason(params string[] names)
    {
        var missing = names.Where(n => !File.Exists(PathOf(n))).ToList();
        return missing.Count == 0
            ? null
            : $"needs {string.Join(", ", missing)} from {SharedFolder}, which is not here (these files are not ours to commit)";
    }
}

/// <summary>A fact that runs only where its real export files are (<see cref="RealExports"/>); skipped, naming them, elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealExportFactAttribute : FactAttribute
{
    public RealExportFactAttribute(params string[] files)
    {
        Files = files;
        if (RealExports.MissingReason(files) is { } reason)
        {
            Skip = reason;
        }
    }

    public IReadOnlyList<string> Files { get; }
}

/// <summary>One theory row: the file's name (and any further values), skipped where the file is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RealExportDataAttribute : DataAttribute
{
    private readonly object[] _row;

    private readonly string _file;

    public RealExportDataAttribute(string file, params object[] more)
    {
        _file = file;
        _row = [file, .. more];
        if (RealExports.MissingReason(file) is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>Pass the file's full path instead of its name.</summary>
    public bool AsPath { get; set; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [AsPath ? [RealExports.PathOf(_file), .. _row[1..]] : _row];
}
