namespace DockerReorder.Analysis.Shell;

/// <summary>A list of commands with the operators between them: a whole script, a body, or a substitution.</summary>
/// <param name="Items">The commands in order.</param>
public sealed record ShellList(IReadOnlyList<ShellListItem> Items)
{
    /// <summary>The empty list.</summary>
    public static ShellList Empty { get; } = new([]);

    /// <summary>Every command of the list, looking into compound commands and substitutions, depth first.</summary>
    public IEnumerable<ShellCommand> Descendants()
    {
        foreach (var item in Items)
        {
            yield return item.Command;
            var inner = item.Command switch
            {
                CompoundCommand compound => compound.Parts,
                SimpleCommand simple => simple.Substitutions,
                _ => [],
            };
            foreach (var list in inner)
            {
                foreach (var command in list.Descendants())
                {
                    yield return command;
                }
            }
        }
    }
}
