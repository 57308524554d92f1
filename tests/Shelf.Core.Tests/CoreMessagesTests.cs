using System.Text.RegularExpressions;
using Shelf.Testing;

namespace Shelf.Core.Tests;

/// <summary>
/// The core is shared by every host, so its messages say what is wrong in words any host can
/// show: no command-line flag, no <c>shelf</c> command (the CLI adds those in CliHints), and no
/// error code written as a literal outside its area's constants class.
/// </summary>
public sealed partial class CoreMessagesTests
{
    [Fact]
    public void CoreSource_StringLiterals_NameNoFlagOrCommand()
    {
        var offenders = CoreLiterals()
            .Where(l => FlagOrCommand().IsMatch(l.Text))
            .Select(l => $"{l.File}: \"{l.Text}\"")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void CoreSource_ErrorCodes_AreConstantsOfTheirArea()
    {
        var offenders = CoreLiterals()
            .Where(l => !l.File.EndsWith("ErrorCodes.cs", StringComparison.Ordinal) && ErrorCode().IsMatch(l.Text))
            .Select(l => $"{l.File}: \"{l.Text}\"")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    private static IEnumerable<(string File, string Text)> CoreLiterals()
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "Shelf.Core");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("Migrations", StringComparison.Ordinal)
                && !f.Contains("CompiledModels", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                var code = line.TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match literal in StringLiteral().Matches(code))
                {
                    yield return (Path.GetRelativePath(root, file), literal.Groups[1].Value);
                }
            }
        }
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    // "--db", "'shelf db create'", "shelf import --formats", "shelf author merge 3 5"; not "--"
    // alone, "a--b" or the noun ("the shelf 'x'").
    [GeneratedRegex(@"(^|[\s('])--[a-z]|'shelf |\bshelf [a-z]+ --|\bshelf (add|edit|list|search|show|remove|authors?|shelves|import|export|sale|db|config|help|completion)\b")]
    private static partial Regex FlagOrCommand();

    [GeneratedRegex(@"^(db|book|add|edit|list|search|author|shelf|import|export|sale|config)\.[a-z_]+$")]
    private static partial Regex ErrorCode();
}
