namespace Shelf.Testing;

/// <summary>Finds files of the checkout (the sample catalog, the CLI's build output) from a test's bin folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> FoundRoot = new(FindRoot);

    /// <summary>The folder holding Shelf.slnx.</summary>
    public static string Root => FoundRoot.Value;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shelf.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Shelf.slnx above {AppContext.BaseDirectory}");
    }
}
