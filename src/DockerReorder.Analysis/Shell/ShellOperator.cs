namespace DockerReorder.Analysis.Shell;

/// <summary>The operator that follows a command in a list.</summary>
public enum ShellOperator
{
    /// <summary>The last command of the list.</summary>
    End,
    /// <summary><c>&amp;&amp;</c>.</summary>
    And,
    /// <summary><c>||</c>.</summary>
    Or,
    /// <summary><c>;</c> or a newline.</summary>
    Sequence,
    /// <summary><c>|</c> or <c>|&amp;</c>.</summary>
    Pipe,
    /// <summary><c>&amp;</c>.</summary>
    Background,
}
