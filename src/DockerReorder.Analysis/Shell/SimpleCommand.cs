namespace DockerReorder.Analysis.Shell;

/// <summary>A simple command: assignments, words and redirections (<c>FOO=1 pip install -r r.txt &gt; /dev/null</c>).</summary>
/// <param name="Assignments">The <c>NAME=value</c> prefixes.</param>
/// <param name="Words">The command name and its arguments; empty for an assignment-only command.</param>
/// <param name="Redirections">The redirections, in order.</param>
/// <param name="Substitutions">The command substitutions (<c>$(...)</c>, backticks) inside the words, parsed.</param>
public sealed record SimpleCommand(
    IReadOnlyList<ShellAssignment> Assignments,
    IReadOnlyList<ShellWord> Words,
    IReadOnlyList<ShellRedirection> Redirections,
    IReadOnlyList<ShellList> Substitutions) : ShellCommand
{
    /// <summary>The words joined by spaces, for messages.</summary>
    public string Text => string.Join(' ', Words.Select(word => word.Value));
}
