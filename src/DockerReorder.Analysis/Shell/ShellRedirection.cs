namespace DockerReorder.Analysis.Shell;

/// <summary>A redirection such as <c>&gt; /dev/null</c>, <c>2&gt;&amp;1</c> or <c>&lt;&lt;EOF</c>.</summary>
public sealed class ShellRedirection
{
    /// <summary>Creates a redirection.</summary>
    /// <param name="operator">The operator without its descriptor: <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&lt;</c>, <c>&gt;&amp;</c>, <c>&amp;&gt;</c>, <c>&lt;&lt;</c>, <c>&lt;&lt;-</c>, <c>&lt;&lt;&lt;</c>, ...</param>
    /// <param name="fileDescriptor">The descriptor written before the operator (<c>2</c> in <c>2&gt;</c>), or null.</param>
    /// <param name="target">The file, descriptor or heredoc delimiter after the operator.</param>
    public ShellRedirection(string @operator, int? fileDescriptor, ShellWord target)
    {
        Operator = @operator;
        FileDescriptor = fileDescriptor;
        Target = target;
    }

    /// <summary>The operator without its descriptor.</summary>
    public string Operator { get; }

    /// <summary>The descriptor written before the operator, or null.</summary>
    public int? FileDescriptor { get; }

    /// <summary>The word after the operator.</summary>
    public ShellWord Target { get; }

    /// <summary>For a heredoc (<c>&lt;&lt;</c>, <c>&lt;&lt;-</c>): its body, once read.</summary>
    public string? HeredocBody { get; internal set; }

    /// <summary>True for a heredoc operator.</summary>
    public bool IsHeredoc => Operator is "<<" or "<<-";

    /// <summary>True when the redirection writes the file named by <see cref="Target"/> (not a descriptor duplication).</summary>
    public bool WritesFile => Operator is ">" or ">>" or ">|" or "&>" or "&>>" or "<>";

    /// <summary>True when the redirection reads the file named by <see cref="Target"/>.</summary>
    public bool ReadsFile => Operator is "<" or "<>";
}
