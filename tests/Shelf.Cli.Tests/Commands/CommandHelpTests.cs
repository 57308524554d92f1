using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Testing;

namespace Shelf.Cli.Tests.Commands;

/// <summary>
/// Every command's help: examples that are real command lines, defaults written one way, and
/// choices (sort orders, formats, groupings) in lowercase as the README writes them.
/// </summary>
public sealed class CommandHelpTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        foreach (var path in AllPaths(ShelfApp.BuildRoot(NoConsole), string.Empty))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_EveryCommand_EndsWithTwoOrThreeExamplesAndWritesDefaultsOneWay(string path)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var help = await shelf.RunAsync([.. Words(path), "--help"]);

        Assert.Equal(0, help.ExitCode);
        var examples = help.Out[(help.Out.LastIndexOf("Examples:\n", StringComparison.Ordinal) + "Examples:\n".Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(examples.Length, 2, 3);
        Assert.All(examples, e => Assert.StartsWith("  shelf", e, StringComparison.Ordinal));
        Assert.DoesNotContain("(default", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Default:", help.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Examples_EveryOne_ParsesAsWritten(string path)
    {
        var root = ShelfApp.BuildRoot(NoConsole);

        foreach (var example in CommandExamples.For(path))
        {
            var parse = root.Parse(ShellWords(example));

            Assert.True(parse.Errors.Count == 0, $"{example}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            // A group's examples run its subcommands.
            Assert.StartsWith(path, CommandExamples.PathOf(parse), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("error: 'titel' is not a valid --sort (did you mean 'title'?); use one of: title, author, year, pages, added, id; see 'shelf list --help'", "list", "--sort", "titel")]
    [InlineData("error: 'xml' is not a valid --format; use one of: csv, json, goodreads; see 'shelf export --help'", "export", "--format", "xml")]
    [InlineData("error: 'weak' is not a valid --by (did you mean 'year'?); use one of: book, author, month, year; see 'shelf sale report --help'", "sale", "report", "--by", "weak")]
    public async Task WrongChoice_NamesTheChoicesInLowercaseAndTheNearest(string expected, params string[] args)
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var result = await shelf.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error.TrimEnd());
        Assert.DoesNotContain("Shelf.Core", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choice_AnyCase_IsAccepted()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);
        Assert.Equal(0, (await shelf.RunAsync("add", "B", "--author", "Zed Zed")).ExitCode);
        Assert.Equal(0, (await shelf.RunAsync("add", "A", "--author", "Amy Amy")).ExitCode);

        var byAuthor = await shelf.RunAsync("list", "--sort", "AUTHOR", "--json");

        Assert.Equal(0, byAuthor.ExitCode);
        Assert.True(byAuthor.Out.IndexOf("Amy Amy", StringComparison.Ordinal) < byAuthor.Out.IndexOf("Zed Zed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_Choices_ShownInLowercaseWithTheirDefault()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        var list = await shelf.RunAsync("list", "--help");
        var export = await shelf.RunAsync("export", "--help");

        Assert.Contains("--sort <title|author|year|pages|added|id>", list.Out, StringComparison.Ordinal);
        Assert.Contains("[default: title]", list.Out, StringComparison.Ordinal);
        Assert.Contains("[default: 100]", list.Out, StringComparison.Ordinal);
        Assert.Contains("<csv|json|goodreads>", export.Out, StringComparison.Ordinal);
        Assert.Contains("[default: csv]", export.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_ChoiceValues_AreTheLowercaseNames()
    {
        var shelf = await CliDatabase.NewRunnerAsync(fixture);

        const string line = "shelf list --sort ";
        var result = await shelf.RunRawAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(["added", "author", "id", "pages", "title", "year"], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    private static CliConsole NoConsole => new() { Out = TextWriter.Null, Error = TextWriter.Null, In = TextReader.Null, Environment = _ => null };

    private static IEnumerable<string> AllPaths(Command command, string path)
    {
        yield return path;

        foreach (var sub in command.Subcommands)
        {
            foreach (var below in AllPaths(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}"))
            {
                yield return below;
            }
        }
    }

    private static string[] Words(string path) => path.Length == 0 ? [] : path.Split(' ');

    // The example as a shell would hand it to shelf: quotes removed, an environment assignment,
    // a redirection and a comment left out, "shelf" itself dropped.
    private static string[] ShellWords(string example)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in example)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        var command = words.SkipWhile(w => w.Contains('=') && !w.StartsWith('-')).ToList();
        Assert.Equal("shelf", command[0]);
        return [.. command.Skip(1).TakeWhile(w => w != ">" && w != "#")];
    }
}
