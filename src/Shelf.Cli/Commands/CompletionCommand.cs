using System.CommandLine;
using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf completion bash|zsh|fish</c>: prints a script that makes the shell complete Shelf's
/// commands, options and values. Each script asks <c>shelf</c> itself through System.CommandLine's
/// <c>[suggest:POSITION]</c> directive, so completions always match the installed version.
/// </summary>
internal sealed class CompletionCommand : Command
{
    private readonly Argument<string> _shell = new("shell") { Description = "The shell to complete in" };

    public CompletionCommand(CliConsole console)
        : base("completion", "Print a shell completion script (bash, zsh or fish)")
    {
        _shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        Arguments.Add(_shell);
        SetAction(parse =>
        {
            console.Out.Write(Script(parse.GetValue(_shell)!));
            return ExitCodes.Ok;
        });
    }

    internal static string Script(string shell) => shell switch
    {
        "bash" => """
            # shelf completion for bash; load it with: eval "$(shelf completion bash)"
            _shelf_complete() {
              local line="${COMP_LINE#* }"
              local position=$(( COMP_POINT - ${#COMP_LINE} + ${#line} ))
              (( position < 0 )) && position=0
              local IFS=$'\n'
              COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${position}]" "${line}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
            }
            complete -o default -F _shelf_complete shelf

            """,
        "zsh" => """
            #compdef shelf
            # shelf completion for zsh; load it with: eval "$(shelf completion zsh)"
            _shelf() {
              local line="${BUFFER#* }"
              local position=$(( CURSOR - ${#BUFFER} + ${#line} ))
              local -a items
              items=("${(@f)$(${words[1]} "[suggest:${position}]" "${line}" 2>/dev/null)}")
              compadd -a items
            }
            compdef _shelf shelf

            """,
        _ => """
            # shelf completion for fish; load it with: shelf completion fish | source
            function __shelf_complete
                set -l rest (string replace -r '^\S+\s*' '' -- (commandline -cp))
                shelf "[suggest:"(string length -- "$rest")"]" "$rest" 2>/dev/null
            end
            complete -c shelf -f -a '(__shelf_complete)'

            """,
    };
}
