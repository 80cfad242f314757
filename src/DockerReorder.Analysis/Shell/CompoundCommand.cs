namespace DockerReorder.Analysis.Shell;

/// <summary>A compound command whose inner lists were read: <c>if</c>, <c>while</c>, <c>until</c>, <c>for</c>, <c>{ }</c> and <c>( )</c>.</summary>
/// <param name="Keyword">The opening keyword: <c>if</c>, <c>while</c>, <c>until</c>, <c>for</c>, <c>{</c> or <c>(</c>.</param>
/// <param name="Parts">The inner lists in order (conditions and bodies).</param>
/// <param name="Redirections">Redirections applied to the whole compound command.</param>
/// <param name="LoopVariable">For <c>for</c>: the loop variable.</param>
/// <param name="LoopWords">For <c>for</c>: the words after <c>in</c>.</param>
public sealed record CompoundCommand(
    string Keyword,
    IReadOnlyList<ShellList> Parts,
    IReadOnlyList<ShellRedirection> Redirections,
    string? LoopVariable = null,
    IReadOnlyList<ShellWord>? LoopWords = null) : ShellCommand
{
    /// <summary>True for a subshell, whose directory and variable changes do not outlive it.</summary>
    public bool IsSubshell => Keyword == "(";
}
