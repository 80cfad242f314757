namespace DockerReorder.Syntax.Parsing;

/// <summary>What a token is to its instruction, so flags and arguments can be picked out when tokens are made.</summary>
internal enum TokenRole : byte
{
    /// <summary>The keyword, a flag terminator or a heredoc body.</summary>
    Other,
    /// <summary>A flag (<c>--name=value</c>).</summary>
    Flag,
    /// <summary>An argument word or a JSON array.</summary>
    Argument,
}
